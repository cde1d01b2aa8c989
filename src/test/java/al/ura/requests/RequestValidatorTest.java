package al.ura.requests;

import static org.assertj.core.api.Assertions.assertThat;

import al.ura.directory.DataCategory;
import al.ura.directory.DataItem;
import al.ura.directory.LegalProcess;
import al.ura.directory.OrganisationStatus;
import al.ura.directory.OrganisationType;
import al.ura.directory.OrganisationView;
import al.ura.directory.ProviderServiceView;
import al.ura.directory.Sector;
import al.ura.directory.VerificationLevel;
import al.ura.kernel.ProblemException.FieldProblem;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The validation rules one at a time, on a hand-built context; no Spring, no database. */
class RequestValidatorTest {

    static final Instant NOW = Instant.parse("2026-03-10T12:00:00Z");
    static final ZoneId ZONE = ZoneId.of("Europe/Tirane");
    static final LocalDate TODAY = LocalDate.ofInstant(NOW, ZONE);

    final RequestValidator validator = new RequestValidator(new RequestsProperties(
            Map.of(),
            Map.of(),
            Duration.ofHours(1),
            Duration.ofHours(8),
            Duration.ofDays(1),
            Duration.ofHours(24),
            10,
            Map.of(),
            90,
            90,
            1,
            List.of(Duration.ofDays(14), Duration.ofDays(3)),
            true));

    final OrganisationView police = organisation(OrganisationType.LAW_ENFORCEMENT, "AL", "policia.test.example");
    final OrganisationView provider =
            organisation(OrganisationType.PROVIDER_ELECTRONIC_COMMUNICATIONS, "AL", "albtel.test.example");
    final ProviderServiceView service = service(provider, true);
    final LegalProvision provision =
            new LegalProvision(UUID.randomUUID(), "AL", "KPP neni 191/a", "Neni 191/a", "Art. 191/a", "CODE", false);

    // ---- a valid request -------------------------------------------------------------------

    @Test
    void aCompleteDraftIsValidAndComesOutCleaned() {
        DraftCommand draft = DraftVariation.of(draft())
                .with(d -> d.officerEmail = " Officer@POLICIA.test.example ")
                .with(d -> d.fileNumber = "  PP-2026-1  ")
                .identifier(i -> i.value = " 203.0.113.25 ")
                .build();

        RequestValidator.ValidRequest valid = valid(draft, context());

        assertThat(valid.fileNumber()).isEqualTo("PP-2026-1");
        assertThat(valid.officerEmail()).isEqualTo("officer@policia.test.example");
        assertThat(valid.provision()).isEqualTo(provision);
        assertThat(valid.provider()).isEqualTo(provider);
        assertThat(valid.service()).isEqualTo(service);
        assertThat(valid.emergency()).isFalse();
        assertThat(valid.confidential()).isTrue();
        assertThat(valid.retentionAcknowledged()).isFalse();
        RequestValidator.ValidIdentifier identifier = valid.identifiers().getFirst();
        assertThat(identifier.value()).isEqualTo("203.0.113.25");
        assertThat(identifier.normalised()).isEqualTo("203.0.113.25");
        assertThat(identifier.sourcePort()).isEqualTo(51234);
        assertThat(identifier.observedAt()).isEqualTo(NOW.minus(Duration.ofHours(1)));
        assertThat(identifier.observedZone()).isEqualTo("+01:00");
        assertThat(identifier.from()).isEqualTo(NOW.minus(Duration.ofHours(2)));
        assertThat(identifier.to()).isEqualTo(NOW.minus(Duration.ofMinutes(30)));
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        DraftCommand draft = DraftVariation.of(draft())
                .with(d -> {
                    d.fileNumber = null;
                    d.offence = " ";
                    d.priority = null;
                    d.legalProvisionId = null;
                })
                .identifier(i -> {
                    i.value = "192.168.1.20";
                    i.sourcePort = null;
                })
                .build();

        assertThat(problems(draft, context()))
                .containsExactlyInAnyOrder(
                        FieldProblem.of("fileNumber", "validation.required"),
                        FieldProblem.of("offence", "validation.required"),
                        FieldProblem.of("priority", "validation.required"),
                        FieldProblem.of("legalProvisionId", "requests.validation.legal-basis-required"),
                        FieldProblem.of("identifiers[0].value", "requests.validation.ip-not-public"),
                        FieldProblem.of("identifiers[0].sourcePort", "requests.validation.port-required"));
    }

    // ---- who asks, on what basis -----------------------------------------------------------

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "fileNumber",
                "requestingUnit",
                "officerName",
                "officerPhone",
                "officerEmail",
                "offence",
                "summary",
                "relevance"
            })
    void aBlankRequiredFieldIsNamed(String field) {
        for (String blank : new String[] {null, "", "   "}) {
            DraftCommand draft = DraftVariation.of(draft())
                    .with(d -> {
                        switch (field) {
                            case "fileNumber" -> d.fileNumber = blank;
                            case "requestingUnit" -> d.requestingUnit = blank;
                            case "officerName" -> d.officerName = blank;
                            case "officerPhone" -> d.officerPhone = blank;
                            case "officerEmail" -> d.officerEmail = blank;
                            case "offence" -> d.offence = blank;
                            case "summary" -> d.summary = blank;
                            case "relevance" -> d.relevance = blank;
                            default -> throw new IllegalArgumentException(field);
                        }
                    })
                    .build();
            assertThat(problems(draft, context()))
                    .as("%s = [%s]", field, blank)
                    .containsExactly(FieldProblem.of(field, "validation.required"));
        }
    }

    @Test
    void typeAndPriorityAreRequired() {
        assertThat(problems(DraftVariation.of(draft()).with(d -> d.type = null).build(), context()))
                .containsExactly(FieldProblem.of("type", "validation.required"));
        assertThat(problems(
                        DraftVariation.of(draft()).with(d -> d.priority = null).build(), context()))
                .containsExactly(FieldProblem.of("priority", "validation.required"));
    }

    @Test
    void textsHaveTheirLongestLength() {
        assertThat(problems(
                        DraftVariation.of(draft())
                                .with(d -> d.fileNumber = "x".repeat(100))
                                .build(),
                        context()))
                .isEmpty();
        assertThat(problems(
                        DraftVariation.of(draft())
                                .with(d -> d.fileNumber = "x".repeat(101))
                                .build(),
                        context()))
                .containsExactly(FieldProblem.of("fileNumber", "requests.validation.too-long", 100));
        assertThat(problems(
                        DraftVariation.of(draft())
                                .with(d -> d.summary = "x".repeat(4001))
                                .build(),
                        context()))
                .containsExactly(FieldProblem.of("summary", "requests.validation.too-long", 4000));
        assertThat(problems(
                        DraftVariation.of(draft())
                                .with(d -> d.legalBasisNote = "x".repeat(2001))
                                .build(),
                        context()))
                .containsExactly(FieldProblem.of("legalBasisNote", "requests.validation.too-long", 2000));
    }

    @Test
    void theOfficersPhoneIsInternational() {
        assertThat(problems(
                        DraftVariation.of(draft())
                                .with(d -> d.officerPhone = "04 222 3333")
                                .build(),
                        context()))
                .containsExactly(FieldProblem.of("officerPhone", "requests.validation.phone"));
        assertThat(problems(
                        DraftVariation.of(draft())
                                .with(d -> d.officerPhone = "+355 (4) 222-3333")
                                .build(),
                        context()))
                .isEmpty();
    }

    @Test
    void theOfficersAddressIsTheAgencysNotAPersonalOne() {
        OrganisationView twoDomains =
                organisation(OrganisationType.LAW_ENFORCEMENT, "AL", "policia.test.example", "asp.test.example");
        RequestValidator.Context context = context(c -> c.requester = twoDomains);

        assertThat(problems(
                        DraftVariation.of(draft())
                                .with(d -> d.officerEmail = "officer.private@gmail.com")
                                .build(),
                        context))
                .containsExactly(FieldProblem.of(
                        "officerEmail",
                        "requests.validation.personal-email",
                        "policia.test.example, asp.test.example"));
        assertThat(problems(
                        DraftVariation.of(draft())
                                .with(d -> d.officerEmail = "officer@policia.test.example.evil.com")
                                .build(),
                        context))
                .extracting(FieldProblem::messageKey)
                .containsExactly("requests.validation.personal-email");
        assertThat(problems(
                        DraftVariation.of(draft())
                                .with(d -> d.officerEmail = "officer@")
                                .build(),
                        context))
                .containsExactly(FieldProblem.of("officerEmail", "requests.validation.email"));
        assertThat(problems(
                        DraftVariation.of(draft())
                                .with(d -> d.officerEmail = "officer@tirana.asp.test.example")
                                .build(),
                        context))
                .as("a subdomain of an official domain")
                .isEmpty();
    }

    @Test
    void theLegalBasisIsAKnownCurrentProvisionOfTheRequestersCountry() {
        DraftCommand draft = draft();
        assertThat(problems(
                        DraftVariation.of(draft)
                                .with(d -> d.legalProvisionId = null)
                                .build(),
                        context()))
                .containsExactly(FieldProblem.of("legalProvisionId", "requests.validation.legal-basis-required"));
        FieldProblem unknown = FieldProblem.of("legalProvisionId", "requests.validation.legal-basis-unknown");
        assertThat(problems(draft, context(c -> c.provision = Optional.empty())))
                .containsExactly(unknown);
        assertThat(problems(draft, context(c -> c.provisionRetired = true))).containsExactly(unknown);
        LegalProvision kosovo = new LegalProvision(provision.id(), "XK", "KPP 1", "Neni", "Art.", "CODE", false);
        assertThat(problems(draft, context(c -> c.provision = Optional.of(kosovo))))
                .containsExactly(unknown);
    }

    // ---- emergencies and dates ------------------------------------------------------------

    @Test
    void anEmergencyIsJustified() {
        FieldProblem unjustified = FieldProblem.of(
                "emergencyJustification",
                "requests.validation.emergency-justification",
                RequestValidator.MIN_JUSTIFICATION);
        assertThat(problems(
                        DraftVariation.of(draft()).with(d -> d.emergency = true).build(), context()))
                .containsExactly(unjustified);
        assertThat(problems(
                        DraftVariation.of(draft())
                                .with(d -> {
                                    d.emergency = true;
                                    d.emergencyJustification = "x".repeat(RequestValidator.MIN_JUSTIFICATION - 1);
                                })
                                .build(),
                        context()))
                .containsExactly(unjustified);
        assertThat(problems(
                        DraftVariation.of(draft())
                                .with(d -> d.type = RequestType.EMERGENCY_DISCLOSURE)
                                .build(),
                        context()))
                .as("the type says emergency even where the flag does not")
                .containsExactly(unjustified);

        RequestValidator.ValidRequest valid = valid(
                DraftVariation.of(draft())
                        .with(d -> {
                            d.type = RequestType.EMERGENCY_DISCLOSURE;
                            d.emergencyJustification = "  " + "x".repeat(RequestValidator.MIN_JUSTIFICATION) + "  ";
                        })
                        .build(),
                context());
        assertThat(valid.emergency()).isTrue();
        assertThat(valid.emergencyJustification()).hasSize(RequestValidator.MIN_JUSTIFICATION);
    }

    @Test
    void confidentialityEndsAfterTodayAndTheDeadlineIsNotPast() {
        assertThat(problems(
                        DraftVariation.of(draft())
                                .with(d -> d.confidentialUntil = TODAY)
                                .build(),
                        context()))
                .containsExactly(FieldProblem.of("confidentialUntil", "requests.validation.date-not-future"));
        assertThat(problems(
                        DraftVariation.of(draft())
                                .with(d -> d.confidentialUntil = TODAY.minusDays(1))
                                .build(),
                        context()))
                .containsExactly(FieldProblem.of("confidentialUntil", "requests.validation.date-not-future"));
        RequestValidator.ValidRequest confidential = valid(
                DraftVariation.of(draft())
                        .with(d -> {
                            d.confidential = false;
                            d.confidentialUntil = TODAY.plusDays(1);
                        })
                        .build(),
                context());
        assertThat(confidential.confidential())
                .as("a date makes it confidential")
                .isTrue();

        assertThat(problems(
                        DraftVariation.of(draft())
                                .with(d -> d.requestedDeadline = TODAY.minusDays(1))
                                .build(),
                        context()))
                .containsExactly(FieldProblem.of("requestedDeadline", "requests.validation.date-past"));
        assertThat(problems(
                        DraftVariation.of(draft())
                                .with(d -> d.requestedDeadline = TODAY)
                                .build(),
                        context()))
                .isEmpty();
    }

    // ---- the provider and its service -----------------------------------------------------

    @Test
    void theProviderIsAKnownActiveProvider() {
        DraftCommand draft = draft();
        assertThat(problems(
                        DraftVariation.of(draft).with(d -> d.providerId = null).build(), context()))
                .containsExactly(FieldProblem.of("providerId", "requests.validation.provider-required"));
        assertThat(problems(draft, context(c -> c.provider = Optional.empty())))
                .containsExactly(FieldProblem.of("providerId", "requests.validation.provider-unknown"));
        assertThat(problems(draft, context(c -> c.provider = Optional.of(police))))
                .containsExactly(FieldProblem.of("providerId", "requests.validation.not-a-provider"));
        OrganisationView suspended = suspended(provider);
        assertThat(problems(draft, context(c -> c.provider = Optional.of(suspended))))
                .containsExactly(FieldProblem.of("providerId", "requests.validation.provider-suspended"));
    }

    @Test
    void theServiceIsOneTheProviderDeclaresAndStillRuns() {
        DraftCommand draft = draft();
        assertThat(problems(
                        DraftVariation.of(draft).with(d -> d.serviceId = null).build(), context()))
                .containsExactly(FieldProblem.of("serviceId", "requests.validation.service-required"));
        FieldProblem unknown =
                FieldProblem.of("serviceId", "requests.validation.service-unknown", provider.shortName());
        assertThat(problems(draft, context(c -> c.service = Optional.empty()))).containsExactly(unknown);
        assertThat(problems(draft, context(c -> c.serviceRetired = true))).containsExactly(unknown);
        OrganisationView other =
                organisation(OrganisationType.PROVIDER_ELECTRONIC_COMMUNICATIONS, "AL", "other.test.example");
        assertThat(problems(draft, context(c -> c.service = Optional.of(service(other, true)))))
                .containsExactly(unknown);
    }

    // ---- identifiers ----------------------------------------------------------------------

    @Test
    void aRequestNamesOneToTenIdentifiers() {
        assertThat(problems(
                        DraftVariation.of(draft())
                                .with(d -> d.identifiers = null)
                                .build(),
                        context()))
                .containsExactly(FieldProblem.of("identifiers", "requests.validation.identifiers-required"));
        assertThat(problems(
                        DraftVariation.of(draft())
                                .with(d -> d.identifiers = new ArrayList<>())
                                .build(),
                        context()))
                .containsExactly(FieldProblem.of("identifiers", "requests.validation.identifiers-required"));
        assertThat(problems(ips(10), context())).isEmpty();
        assertThat(problems(ips(11), context()))
                .containsExactly(FieldProblem.of("identifiers", "requests.validation.too-many-identifiers", 10));
    }

    @Test
    void anIdentifierWithoutItsKindIsToldOnlyThat() {
        assertThat(problems(
                        DraftVariation.of(draft())
                                .identifier(i -> i.kind = null)
                                .build(),
                        context()))
                .containsExactly(FieldProblem.of("identifiers[0].kind", "validation.required"));
    }

    @Test
    void anIdentifierHasAWellFormedValueOfItsKind() {
        assertThat(problems(
                        DraftVariation.of(draft())
                                .identifier(i -> i.value = "  ")
                                .build(),
                        context()))
                .containsExactly(FieldProblem.of("identifiers[0].value", "validation.required"));
        assertThat(problems(
                        DraftVariation.of(draft())
                                .identifier(i -> i.value = "256.1.1.1")
                                .build(),
                        context()))
                .containsExactly(FieldProblem.of("identifiers[0].value", "requests.validation.identifier.IPV4"));
        assertThat(problems(
                        DraftVariation.of(draft())
                                .identifier(i -> {
                                    i.kind = IdentifierKind.IPV6;
                                    i.value = "2001:db8::1::2";
                                })
                                .build(),
                        context()))
                .containsExactly(FieldProblem.of("identifiers[0].value", "requests.validation.identifier.IPV6"));
        assertThat(problems(email("someone@@example.al"), context()))
                .containsExactly(FieldProblem.of("identifiers[0].value", "requests.validation.identifier.EMAIL"));
        RequestValidator.ValidRequest valid = valid(
                DraftVariation.of(draft())
                        .identifier(i -> {
                            i.kind = IdentifierKind.IPV6;
                            i.value = "2001:0DB8:0:0:0:0:0:1";
                        })
                        .build(),
                context());
        assertThat(valid.identifiers().getFirst().normalised()).isEqualTo("2001:db8::1");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"10.1.2.3", "192.168.1.20", "127.0.0.1", "100.64.1.1", "::ffff:10.0.0.1"})
    void anAddressNobodyCanBeAssignedIsRefused(String address) {
        DraftCommand draft = DraftVariation.of(draft())
                .identifier(i -> {
                    i.kind = address.contains(":") ? IdentifierKind.IPV6 : IdentifierKind.IPV4;
                    i.value = address;
                })
                .build();
        assertThat(problems(draft, context()))
                .containsExactly(FieldProblem.of("identifiers[0].value", "requests.validation.ip-not-public"));
    }

    @Test
    void aSharedAddressNeedsItsSourcePort() {
        DraftCommand noPort =
                DraftVariation.of(draft()).identifier(i -> i.sourcePort = null).build();
        assertThat(problems(noPort, context()))
                .containsExactly(FieldProblem.of("identifiers[0].sourcePort", "requests.validation.port-required"));
        assertThat(problems(noPort, context(c -> c.service = Optional.of(service(provider, false)))))
                .as("a provider that does not share addresses")
                .isEmpty();
        for (int port : new int[] {0, -1, 65536}) {
            assertThat(problems(
                            DraftVariation.of(draft())
                                    .identifier(i -> i.sourcePort = port)
                                    .build(),
                            context()))
                    .containsExactly(FieldProblem.of("identifiers[0].sourcePort", "requests.validation.port"));
        }
        assertThat(problems(
                        DraftVariation.of(draft())
                                .identifier(i -> i.sourcePort = 65535)
                                .build(),
                        context()))
                .isEmpty();
    }

    @Test
    void aPortIsOnlyForIpAddresses() {
        DraftCommand draft = DraftVariation.of(email("someone@example.al"))
                .identifier(i -> i.sourcePort = 443)
                .build();
        assertThat(problems(draft, context()))
                .containsExactly(FieldProblem.of("identifiers[0].sourcePort", "requests.validation.port-only-ip"));
    }

    @Test
    void anIpAddressIsSeenAtAnExactTimeWithItsZone() {
        String field = "identifiers[0].observedAt";
        assertThat(problems(
                        DraftVariation.of(draft())
                                .identifier(i -> i.observedAt = null)
                                .build(),
                        context()))
                .containsExactly(FieldProblem.of(field, "requests.validation.observed-at-required"));
        assertThat(problems(
                        DraftVariation.of(draft())
                                .identifier(i -> i.observedAt = "2026-03-10T11:00:00")
                                .build(),
                        context()))
                .containsExactly(FieldProblem.of(field, "requests.validation.time-zone-required"));
        assertThat(problems(
                        DraftVariation.of(draft())
                                .identifier(i -> i.observedAt = "10.03.2026 12:00")
                                .build(),
                        context()))
                .containsExactly(FieldProblem.of(field, "requests.validation.timestamp"));
        assertThat(problems(
                        DraftVariation.of(draft())
                                .identifier(i -> {
                                    i.observedAt = "2026-03-10T12:00:00";
                                    i.timeZone = "Europe/Nowhere";
                                })
                                .build(),
                        context()))
                .containsExactly(FieldProblem.of(field, "requests.validation.timestamp"));

        RequestValidator.ValidIdentifier zoned = valid(
                        DraftVariation.of(draft())
                                .identifier(i -> {
                                    i.observedAt = "2026-03-10T12:00:00";
                                    i.timeZone = "Europe/Tirane";
                                })
                                .build(),
                        context())
                .identifiers()
                .getFirst();
        assertThat(zoned.observedAt()).isEqualTo(Instant.parse("2026-03-10T11:00:00Z"));
        assertThat(zoned.observedZone()).isEqualTo("Europe/Tirane");
    }

    @Test
    void aLocalTimeTheChangeOfSummerTimeMakesAmbiguousIsRefused() {
        // Europe/Tirane, 26 October 2025: 03:00 summer time became 02:00, so 02:30 happened twice;
        // 30 March 2025: 02:00 became 03:00, so 02:30 never happened.
        for (String local : new String[] {"2025-10-26T02:30:00", "2025-03-30T02:30:00"}) {
            Instant around = java.time.LocalDateTime.parse(local).atZone(ZONE).toInstant();
            DraftCommand draft = DraftVariation.of(draft())
                    .identifier(i -> {
                        i.observedAt = local;
                        i.timeZone = "Europe/Tirane";
                        i.from = around.minus(Duration.ofHours(3)).toString();
                        i.to = around.plus(Duration.ofHours(3)).toString();
                    })
                    .build();
            assertThat(problems(draft, context()))
                    .as(local)
                    .containsExactly(FieldProblem.of(
                            "identifiers[0].observedAt", "requests.validation.time-ambiguous", "Europe/Tirane"));
        }
        DraftCommand withOffset = DraftVariation.of(draft())
                .identifier(i -> {
                    i.observedAt = "2025-10-26T02:30:00+01:00";
                    i.timeZone = "Europe/Tirane";
                    i.from = "2025-10-26T00:00:00Z";
                    i.to = "2025-10-26T03:00:00Z";
                })
                .build();
        assertThat(valid(withOffset, context()).identifiers().getFirst().observedAt())
                .isEqualTo(Instant.parse("2025-10-26T01:30:00Z"));
    }

    @Test
    void theObservedTimeLiesWithinTheRange() {
        Instant from = NOW.minus(Duration.ofHours(2));
        assertThat(problems(
                        DraftVariation.of(draft())
                                .identifier(
                                        i -> i.observedAt = from.minusSeconds(1).toString())
                                .build(),
                        context()))
                .containsExactly(
                        FieldProblem.of("identifiers[0].observedAt", "requests.validation.observed-outside-range"));
        assertThat(problems(
                        DraftVariation.of(draft())
                                .identifier(i -> i.observedAt = from.toString())
                                .build(),
                        context()))
                .isEmpty();
    }

    // ---- what data -------------------------------------------------------------------------

    @Test
    void theDataSoughtIsACategoryAndItemsOfIt() {
        assertThat(problems(
                        DraftVariation.of(draft())
                                .identifier(i -> i.category = null)
                                .build(),
                        context()))
                .containsExactly(FieldProblem.of("identifiers[0].category", "validation.required"));
        assertThat(problems(
                        DraftVariation.of(draft())
                                .identifier(i -> i.items = List.of())
                                .build(),
                        context()))
                .containsExactly(FieldProblem.of("identifiers[0].items", "requests.validation.items-required"));
        assertThat(problems(
                        DraftVariation.of(draft())
                                .identifier(
                                        i -> i.items = List.of(DataItem.IP_ASSIGNMENT, DataItem.SUBSCRIBER_IDENTITY))
                                .build(),
                        context()))
                .containsExactly(FieldProblem.of(
                        "identifiers[0].items",
                        "requests.validation.item-not-in-category",
                        LocalisedName.of(DataItem.SUBSCRIBER_IDENTITY)));
    }

    @Test
    void theServiceDisclosesTheItemOnTheProcessItDeclares() {
        assertThat(problems(traffic(DataItem.LOCATION_DATA), context()))
                .containsExactly(FieldProblem.of(
                        "identifiers[0].items",
                        "requests.validation.item-not-offered",
                        LocalisedName.of(DataItem.LOCATION_DATA)));
        DraftCommand messages = DraftVariation.of(draft())
                .identifier(i -> {
                    i.category = DataCategory.CONTENT_DATA;
                    i.items = List.of(DataItem.STORED_MESSAGES);
                })
                .build();
        assertThat(problems(messages, context()))
                .containsExactly(FieldProblem.of(
                        "identifiers[0].items",
                        "requests.validation.item-needs-mla",
                        LocalisedName.of(DataItem.STORED_MESSAGES)));
        FieldProblem noOrder = FieldProblem.of("attachments", "requests.validation.order-required");
        assertThat(problems(traffic(DataItem.CONNECTION_RECORDS), context())).containsExactly(noOrder);
        assertThat(problems(traffic(DataItem.CONNECTION_RECORDS), context(c -> c.orderAttachments = 1)))
                .isEmpty();
        DraftCommand published = DraftVariation.of(draft())
                .identifier(i -> {
                    i.category = DataCategory.CONTENT_DATA;
                    i.items = List.of(DataItem.PUBLISHED_CONTENT);
                })
                .build();
        assertThat(problems(published, context())).as("a court order").containsExactly(noOrder);
    }

    // ---- time ranges -----------------------------------------------------------------------

    @Test
    void theRangeHasBothEndsWithTheirZone() {
        assertThat(problems(
                        DraftVariation.of(draft())
                                .identifier(i -> i.from = null)
                                .build(),
                        context()))
                .containsExactly(FieldProblem.of("identifiers[0].from", "requests.validation.range-required"));
        assertThat(problems(
                        DraftVariation.of(draft()).identifier(i -> i.to = " ").build(), context()))
                .containsExactly(FieldProblem.of("identifiers[0].to", "requests.validation.range-required"));
        assertThat(problems(
                        DraftVariation.of(draft())
                                .identifier(i -> i.from = "2026-03-10T10:00:00")
                                .build(),
                        context()))
                .containsExactly(FieldProblem.of("identifiers[0].from", "requests.validation.time-zone-required"));
        assertThat(problems(
                        DraftVariation.of(draft())
                                .identifier(i -> i.to = "yesterday")
                                .build(),
                        context()))
                .containsExactly(FieldProblem.of("identifiers[0].to", "requests.validation.timestamp"));
    }

    @Test
    void theRangeEndsAfterItStartsAndNotInTheFuture() {
        Instant observed = NOW.minus(Duration.ofHours(1));
        assertThat(problems(
                        DraftVariation.of(draft())
                                .identifier(i -> {
                                    i.from = observed.plusSeconds(60).toString();
                                    i.to = observed.minusSeconds(60).toString();
                                })
                                .build(),
                        context()))
                .containsExactly(FieldProblem.of("identifiers[0].to", "requests.validation.range-order"));
        assertThat(problems(
                        DraftVariation.of(draft())
                                .identifier(i -> i.to = i.from)
                                .build(),
                        context()))
                .containsExactly(FieldProblem.of("identifiers[0].to", "requests.validation.range-order"));
        assertThat(problems(
                        DraftVariation.of(draft())
                                .identifier(
                                        i -> i.to = NOW.plus(Duration.ofDays(1)).toString())
                                .build(),
                        context()))
                .containsExactly(FieldProblem.of("identifiers[0].to", "requests.validation.range-future"));
        assertThat(problems(
                        DraftVariation.of(draft())
                                .identifier(i ->
                                        i.to = NOW.plus(Duration.ofMinutes(4)).toString())
                                .build(),
                        context()))
                .as("a few minutes of clock skew")
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(DataCategory.class)
    void eachCategoryHasItsWidestRange(DataCategory category) {
        long days = switch (category) {
            case SUBSCRIBER_INFORMATION -> 730;
            case IDENTIFICATION_DATA -> 31;
            case TRAFFIC_DATA, CONTENT_DATA -> 92;
        };
        DataItem item = switch (category) {
            case SUBSCRIBER_INFORMATION -> DataItem.SUBSCRIBER_IDENTITY;
            case IDENTIFICATION_DATA -> DataItem.IP_ASSIGNMENT;
            case TRAFFIC_DATA -> DataItem.CONNECTION_RECORDS;
            case CONTENT_DATA -> DataItem.PUBLISHED_CONTENT;
        };
        Instant to = NOW.minus(Duration.ofDays(1));
        for (long seconds : new long[] {0, 1}) {
            DraftCommand draft = DraftVariation.of(email("someone@example.al"))
                    .with(d -> d.acknowledgeRetention = true)
                    .identifier(i -> {
                        i.category = category;
                        i.items = List.of(item);
                        i.to = to.toString();
                        i.from = to.minus(Duration.ofDays(days))
                                .minusSeconds(seconds)
                                .toString();
                    })
                    .build();
            List<FieldProblem> problems = problems(draft, context(c -> c.orderAttachments = 1));
            if (seconds == 0) {
                assertThat(problems).as("exactly %d days", days).isEmpty();
            } else {
                assertThat(problems)
                        .containsExactly(
                                FieldProblem.of("identifiers[0].from", "requests.validation.range-too-wide", days));
            }
        }
    }

    // ---- retention -------------------------------------------------------------------------

    @Test
    void aRangeBeforeTheDeclaredRetentionIsWarnedOfUntilAcknowledged() {
        DraftCommand old = DraftVariation.of(email("someone@example.al"))
                .identifier(i -> {
                    i.from = NOW.minus(Duration.ofDays(731)).toString();
                    i.to = NOW.minus(Duration.ofDays(700)).toString();
                })
                .build();
        assertThat(problems(old, context()))
                .containsExactly(FieldProblem.of(
                        "identifiers[0].from",
                        "requests.validation.before-retention",
                        LocalisedName.of(DataItem.SUBSCRIBER_IDENTITY),
                        730));

        RequestValidator.ValidRequest acknowledged = valid(
                DraftVariation.of(old).with(d -> d.acknowledgeRetention = true).build(), context());
        assertThat(acknowledged.retentionAcknowledged()).isTrue();

        DraftCommand recent = DraftVariation.of(old)
                .identifier(i -> i.from = NOW.minus(Duration.ofDays(729)).toString())
                .build();
        assertThat(problems(recent, context())).isEmpty();
    }

    @Test
    void theRetentionWarningComesOnceForTheWholeRequest() {
        DraftCommand twoOld = DraftVariation.of(email("someone@example.al"))
                .identifier(i -> {
                    i.items = List.of(DataItem.SUBSCRIBER_ADDRESS, DataItem.SUBSCRIBER_IDENTITY);
                    i.from = NOW.minus(Duration.ofDays(731)).toString();
                    i.to = NOW.minus(Duration.ofDays(700)).toString();
                })
                .build();
        DraftCommand both = DraftVariation.of(twoOld)
                .with(d -> d.identifiers.add(
                        DraftVariation.Identifier.of(twoOld.identifiers().getFirst())))
                .build();
        assertThat(problems(both, context()))
                .containsExactly(FieldProblem.of(
                        "identifiers[0].from",
                        "requests.validation.before-retention",
                        LocalisedName.of(DataItem.SUBSCRIBER_ADDRESS),
                        730));
    }

    // ---- preservations and oral emergencies ------------------------------------------------

    @Test
    void aDisclosureAfterPreservationFollowsTheRequestersOwnActivePreservationAtTheSameProvider() {
        UUID id = UUID.randomUUID();
        DraftCommand draft = DraftVariation.of(draft())
                .with(d -> {
                    d.type = RequestType.DISCLOSURE_AFTER_PRESERVATION;
                    d.preservationRequestId = id;
                })
                .build();
        RequestValidator.PreservationLink own =
                new RequestValidator.PreservationLink(id, police.id(), provider.id(), RequestType.PRESERVATION, true);

        assertThat(problems(
                        DraftVariation.of(draft)
                                .with(d -> d.preservationRequestId = null)
                                .build(),
                        context()))
                .containsExactly(FieldProblem.of("preservationRequestId", "requests.validation.preservation-required"));
        FieldProblem unknown = FieldProblem.of("preservationRequestId", "requests.validation.preservation-unknown");
        assertThat(problems(draft, context())).as("no such request").containsExactly(unknown);
        assertThat(problems(
                        draft,
                        context(c -> c.preservation = Optional.of(new RequestValidator.PreservationLink(
                                id, UUID.randomUUID(), provider.id(), RequestType.PRESERVATION, true)))))
                .as("another organisation's")
                .containsExactly(unknown);
        assertThat(problems(
                        draft,
                        context(c -> c.preservation = Optional.of(new RequestValidator.PreservationLink(
                                id, police.id(), UUID.randomUUID(), RequestType.PRESERVATION, true)))))
                .as("at another provider")
                .containsExactly(unknown);
        assertThat(problems(
                        draft,
                        context(c -> c.preservation = Optional.of(new RequestValidator.PreservationLink(
                                id, police.id(), provider.id(), RequestType.DISCLOSURE, true)))))
                .as("not a preservation")
                .containsExactly(unknown);
        assertThat(problems(
                        draft,
                        context(c -> c.preservation = Optional.of(new RequestValidator.PreservationLink(
                                id, police.id(), provider.id(), RequestType.PRESERVATION, false)))))
                .containsExactly(
                        FieldProblem.of("preservationRequestId", "requests.validation.preservation-not-active"));
        assertThat(valid(draft, context(c -> c.preservation = Optional.of(own))).preservationRequestId())
                .isEqualTo(id);
    }

    @Test
    void aWrittenRequestFollowsTheRequestersOwnOralEmergencyOnce() {
        UUID id = UUID.randomUUID();
        DraftCommand draft =
                DraftVariation.of(draft()).with(d -> d.oralRequestId = id).build();
        FieldProblem unknown = FieldProblem.of("oralRequestId", "requests.validation.oral-unknown");
        assertThat(problems(draft, context())).containsExactly(unknown);
        assertThat(problems(
                        draft,
                        context(c -> c.oral = Optional.of(
                                new RequestValidator.OralLink(id, UUID.randomUUID(), provider.id(), false)))))
                .containsExactly(unknown);
        assertThat(problems(
                        draft,
                        context(c -> c.oral =
                                Optional.of(new RequestValidator.OralLink(id, police.id(), UUID.randomUUID(), false)))))
                .containsExactly(unknown);
        assertThat(problems(
                        draft,
                        context(c -> c.oral =
                                Optional.of(new RequestValidator.OralLink(id, police.id(), provider.id(), true)))))
                .containsExactly(FieldProblem.of("oralRequestId", "requests.validation.oral-already-written"));
        assertThat(valid(
                                draft,
                                context(c -> c.oral = Optional.of(
                                        new RequestValidator.OralLink(id, police.id(), provider.id(), false))))
                        .oralRequestId())
                .isEqualTo(id);
    }

    // ---- across borders --------------------------------------------------------------------

    @Nested
    class AcrossBorders {

        final OrganisationView foreign =
                organisation(OrganisationType.PROVIDER_PLATFORM, "IE", "platform.test.example");
        final ProviderServiceView foreignService = service(foreign, true);
        final List<String> contacts = List.of(
                "GNCCB — Desk EMERGENCY_24_7 <desk@garda.test.example> +353 1 666 3000",
                "DoJ — Central authority <mla@justice.test.example>");
        final String guidance = String.join("; ", contacts);

        @Test
        void aRequestToAProviderAbroadIsBlockedWithoutATreatyAndTellsWhomToAsk() {
            List<FieldProblem> problems = problems(subscriberDraft(RequestType.DISCLOSURE), abroad(false, false));

            assertThat(problems)
                    .containsExactly(
                            FieldProblem.of("providerId", "requests.validation.foreign-provider", "IE", guidance));
            assertThat(render(problems.getFirst(), Locale.ENGLISH))
                    .isEqualTo("The provider is in another country (IE): this request cannot be sent to it directly."
                            + " Use mutual legal assistance or that country's 24/7 contact point: " + guidance);
            assertThat(render(problems.getFirst(), Locale.forLanguageTag("sq")))
                    .startsWith(
                            "Ofruesi është në një vend tjetër (IE): kjo kërkesë nuk mund t'i dërgohet drejtpërdrejt.")
                    .endsWith(": " + guidance);
        }

        @Test
        void oneSideAPartyIsNotEnough() {
            for (boolean[] parties : new boolean[][] {{true, false}, {false, true}}) {
                assertThat(problems(subscriberDraft(RequestType.DISCLOSURE), abroad(parties[0], parties[1])))
                        .extracting(FieldProblem::messageKey)
                        .containsExactly("requests.validation.foreign-provider");
            }
        }

        @Test
        void withoutKnownContactsTheGuidanceSaysSo() {
            RequestValidator.Context context = abroad(false, false);
            RequestValidator.Context none = new RequestValidator.Context(
                    context.requester(),
                    context.provider(),
                    context.service(),
                    false,
                    context.provision(),
                    false,
                    context.requesterTreaty(),
                    context.providerTreaty(),
                    Optional.empty(),
                    Optional.empty(),
                    List.of(),
                    0,
                    NOW,
                    ZONE);
            assertThat(problems(subscriberDraft(RequestType.DISCLOSURE), none))
                    .containsExactly(FieldProblem.of("providerId", "requests.validation.foreign-provider", "IE", "-"));
        }

        @Test
        void subscriberInformationGoesDirectlyWhenBothCountriesArePartiesOfTheSecondProtocol() {
            RequestValidator.ValidRequest valid = valid(subscriberDraft(RequestType.DISCLOSURE), abroad(true, true));
            assertThat(valid.provider()).isEqualTo(foreign);
        }

        @Test
        void trafficDataStaysBlockedBetweenParties() {
            DraftCommand traffic = DraftVariation.of(subscriberDraft(RequestType.DISCLOSURE))
                    .identifier(i -> {
                        i.category = DataCategory.TRAFFIC_DATA;
                        i.items = List.of(DataItem.CONNECTION_RECORDS);
                    })
                    .build();
            List<FieldProblem> problems = problems(traffic, abroad(true, true, 1));

            assertThat(problems)
                    .containsExactly(FieldProblem.of(
                            "providerId", "requests.validation.foreign-provider-category", "IE", guidance));
            assertThat(render(problems.getFirst(), Locale.ENGLISH))
                    .startsWith("With a provider in IE only requests for subscriber information")
                    .endsWith("24/7 contact point: " + guidance);
        }

        @Test
        void identificationDataOrAMixStaysBlockedBetweenParties() {
            DraftCommand ip = DraftVariation.of(draft())
                    .with(d -> {
                        d.providerId = foreign.id();
                        d.serviceId = foreignService.id();
                    })
                    .build();
            assertThat(problems(ip, abroad(true, true)))
                    .extracting(FieldProblem::messageKey)
                    .containsExactly("requests.validation.foreign-provider-category");
            DraftCommand mix = DraftVariation.of(subscriberDraft(RequestType.DISCLOSURE))
                    .with(d -> d.identifiers.add(
                            DraftVariation.Identifier.of(ip.identifiers().getFirst())))
                    .build();
            assertThat(problems(mix, abroad(true, true)))
                    .extracting(FieldProblem::messageKey)
                    .containsExactly("requests.validation.foreign-provider-category");
        }

        @Test
        void aPreservationOrAnEmergencyStaysBlockedBetweenParties() {
            DraftCommand preservation = subscriberDraft(RequestType.PRESERVATION);
            DraftCommand emergency = DraftVariation.of(subscriberDraft(RequestType.EMERGENCY_DISCLOSURE))
                    .with(d -> d.emergencyJustification = "A person announced self-harm for tonight.")
                    .build();
            DraftCommand flagged = DraftVariation.of(subscriberDraft(RequestType.DISCLOSURE))
                    .with(d -> {
                        d.emergency = true;
                        d.emergencyJustification = "A person announced self-harm for tonight.";
                    })
                    .build();
            for (DraftCommand draft : List.of(preservation, emergency, flagged)) {
                assertThat(problems(draft, abroad(true, true)))
                        .as("%s, emergency %s", draft.type(), draft.emergency())
                        .containsExactly(FieldProblem.of(
                                "providerId", "requests.validation.foreign-provider-category", "IE", guidance));
            }
        }

        private DraftCommand subscriberDraft(RequestType type) {
            return DraftVariation.of(email("someone@platform.example"))
                    .with(d -> {
                        d.type = type;
                        d.providerId = foreign.id();
                        d.serviceId = foreignService.id();
                    })
                    .build();
        }

        private RequestValidator.Context abroad(boolean albaniaParty, boolean irelandParty) {
            return abroad(albaniaParty, irelandParty, 0);
        }

        private RequestValidator.Context abroad(boolean albaniaParty, boolean irelandParty, int orders) {
            return context(c -> {
                c.provider = Optional.of(foreign);
                c.service = Optional.of(foreignService);
                c.requesterTreaty = new TreatyCountry("AL", albaniaParty, 90, 90, 1);
                c.providerTreaty = Optional.of(new TreatyCountry("IE", irelandParty, 90, 90, 1));
                c.foreignContacts = contacts;
                c.orderAttachments = orders;
            });
        }
    }

    // ---- messages --------------------------------------------------------------------------

    @Test
    void dataItemsAreNamedInTheReadersLanguage() {
        FieldProblem problem = FieldProblem.of(
                "identifiers[0].items",
                "requests.validation.item-not-offered",
                LocalisedName.of(DataItem.LOCATION_DATA));
        assertThat(render(problem, Locale.forLanguageTag("sq")))
                .isEqualTo(
                        "Ofruesi nuk ka deklaruar se mund të japë të dhënat „Të dhëna vendndodhjeje” për këtë shërbim.");
        assertThat(render(problem, Locale.ENGLISH))
                .isEqualTo("The provider has not declared that it can disclose \"Location data\" for this service.");
        assertThat(LocalisedName.of(DataItem.LOCATION_DATA).toString()).isEqualTo("LOCATION_DATA");
    }

    // ---- helpers ---------------------------------------------------------------------------

    /** A valid disclosure: who was assigned 203.0.113.25, port 51234, an hour ago. */
    DraftCommand draft() {
        Instant seen = NOW.minus(Duration.ofHours(1));
        return new DraftCommand(
                RequestType.DISCLOSURE,
                "PP-2026-000001",
                "Sektori i Krimeve Kibernetike",
                "Officer Test",
                "+355 4 222 3333",
                "officer@policia.test.example",
                provision.id(),
                null,
                provider.id(),
                service.id(),
                List.of(new DraftCommand.IdentifierCommand(
                        IdentifierKind.IPV4,
                        "203.0.113.25",
                        51234,
                        seen.atOffset(ZoneOffset.ofHours(1)).toString(),
                        null,
                        DataCategory.IDENTIFICATION_DATA,
                        List.of(DataItem.IP_ASSIGNMENT),
                        seen.minus(Duration.ofHours(1)).toString(),
                        seen.plus(Duration.ofMinutes(30)).toString())),
                "Mashtrim kompjuterik (neni 143/b KP)",
                "Fictional: a phishing site took payments from victims.",
                "The address identifies who ran the phishing site.",
                Priority.NORMAL,
                false,
                null,
                true,
                null,
                null,
                null,
                null,
                false);
    }

    /** A valid disclosure of who holds an e-mail account, over the last month. */
    DraftCommand email(String address) {
        return DraftVariation.of(draft())
                .identifier(i -> {
                    i.kind = IdentifierKind.EMAIL;
                    i.value = address;
                    i.sourcePort = null;
                    i.observedAt = null;
                    i.category = DataCategory.SUBSCRIBER_INFORMATION;
                    i.items = List.of(DataItem.SUBSCRIBER_IDENTITY);
                    i.from = NOW.minus(Duration.ofDays(30)).toString();
                    i.to = NOW.minus(Duration.ofMinutes(10)).toString();
                })
                .build();
    }

    DraftCommand traffic(DataItem item) {
        return DraftVariation.of(draft())
                .identifier(i -> {
                    i.category = DataCategory.TRAFFIC_DATA;
                    i.items = List.of(item);
                })
                .build();
    }

    DraftCommand ips(int count) {
        DraftVariation draft = DraftVariation.of(draft());
        DraftVariation.Identifier first = draft.identifiers.getFirst();
        draft.identifiers.clear();
        for (int n = 0; n < count; n++) {
            DraftVariation.Identifier ip = DraftVariation.Identifier.of(first.build());
            ip.value = "203.0.113." + (n + 1);
            draft.identifiers.add(ip);
        }
        return draft.build();
    }

    List<FieldProblem> problems(DraftCommand draft, RequestValidator.Context context) {
        return switch (validator.validate(draft, context)) {
            case RequestValidator.Outcome.Valid ignored -> List.of();
            case RequestValidator.Outcome.Invalid invalid -> invalid.problems();
        };
    }

    RequestValidator.ValidRequest valid(DraftCommand draft, RequestValidator.Context context) {
        RequestValidator.Outcome outcome = validator.validate(draft, context);
        assertThat(outcome).isInstanceOf(RequestValidator.Outcome.Valid.class);
        return ((RequestValidator.Outcome.Valid) outcome).request();
    }

    /** The context of a request from {@link #police} to {@link #provider}, changed by {@code change}. */
    RequestValidator.Context context(Consumer<ContextVariation> change) {
        ContextVariation c = new ContextVariation();
        change.accept(c);
        return new RequestValidator.Context(
                c.requester,
                c.provider,
                c.service,
                c.serviceRetired,
                c.provision,
                c.provisionRetired,
                c.requesterTreaty,
                c.providerTreaty,
                c.preservation,
                c.oral,
                c.foreignContacts,
                c.orderAttachments,
                NOW,
                ZONE);
    }

    RequestValidator.Context context() {
        return context(c -> {});
    }

    final class ContextVariation {
        OrganisationView requester = police;
        Optional<OrganisationView> provider = Optional.of(RequestValidatorTest.this.provider);
        Optional<ProviderServiceView> service = Optional.of(RequestValidatorTest.this.service);
        boolean serviceRetired;
        Optional<LegalProvision> provision = Optional.of(RequestValidatorTest.this.provision);
        boolean provisionRetired;
        TreatyCountry requesterTreaty = new TreatyCountry("AL", false, 90, 90, 1);
        Optional<TreatyCountry> providerTreaty = Optional.of(new TreatyCountry("AL", false, 90, 90, 1));
        Optional<RequestValidator.PreservationLink> preservation = Optional.empty();
        Optional<RequestValidator.OralLink> oral = Optional.empty();
        List<String> foreignContacts = List.of();
        int orderAttachments;
    }

    static OrganisationView organisation(OrganisationType type, String country, String... domains) {
        return new OrganisationView(
                UUID.randomUUID(),
                "ORG-" + domains[0].substring(0, domains[0].indexOf('.')),
                "Organizata",
                "Organisation",
                type,
                country,
                OrganisationStatus.ACTIVE,
                false,
                NOW,
                Sector.JUSTICE_AND_SECURITY,
                List.of(domains),
                "+355 4 222 0000",
                "https://www." + domains[0],
                null,
                List.of("sq", "en"),
                VerificationLevel.VERIFIED,
                null,
                null,
                null,
                null,
                0);
    }

    static OrganisationView suspended(OrganisationView o) {
        return new OrganisationView(
                o.id(),
                o.shortName(),
                o.nameSq(),
                o.nameEn(),
                o.type(),
                o.country(),
                OrganisationStatus.SUSPENDED,
                false,
                o.createdAt(),
                o.sector(),
                o.officialDomains(),
                o.switchboardPhone(),
                o.website(),
                null,
                o.languages(),
                VerificationLevel.SUSPENDED,
                null,
                null,
                NOW,
                null,
                0);
    }

    /** The fixtures' service, and published content on a court order. */
    static ProviderServiceView service(OrganisationView provider, boolean sharedAddresses) {
        return new ProviderServiceView(
                UUID.randomUUID(),
                provider.id(),
                "Mobile internet",
                null,
                "Mobile data with carrier-grade NAT",
                sharedAddresses,
                List.of(
                        offering(DataItem.SUBSCRIBER_IDENTITY, 730, LegalProcess.AUTHORITY_REQUEST),
                        offering(DataItem.SUBSCRIBER_ADDRESS, 730, LegalProcess.AUTHORITY_REQUEST),
                        offering(DataItem.IP_ASSIGNMENT, 365, LegalProcess.AUTHORITY_REQUEST),
                        offering(DataItem.CONNECTION_RECORDS, 180, LegalProcess.PROSECUTOR_ORDER),
                        offering(DataItem.STORED_MESSAGES, 90, LegalProcess.MUTUAL_LEGAL_ASSISTANCE),
                        offering(DataItem.PUBLISHED_CONTENT, 400, LegalProcess.COURT_ORDER)),
                null,
                null);
    }

    static ProviderServiceView.Offering offering(DataItem item, int days, LegalProcess process) {
        return new ProviderServiceView.Offering(item, days, process);
    }

    static String render(FieldProblem problem, Locale locale) {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasenames("i18n/messages", "i18n/directory", "i18n/requests");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages.getMessage(problem.messageKey(), problem.arguments().toArray(), locale);
    }
}
