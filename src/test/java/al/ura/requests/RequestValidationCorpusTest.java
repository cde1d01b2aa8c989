package al.ura.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import al.ura.directory.ContactFunction;
import al.ura.directory.ContactPointView;
import al.ura.directory.DataCategory;
import al.ura.directory.DataItem;
import al.ura.directory.DirectoryFixtures;
import al.ura.directory.OrganisationDirectory;
import al.ura.directory.OrganisationType;
import al.ura.directory.OrganisationView;
import al.ura.identity.IdentityFixtures;
import al.ura.kernel.Actor;
import al.ura.testing.DatabaseTest;
import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.zone.ZoneOffsetTransition;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Stream;
import org.assertj.core.groups.Tuple;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.json.JsonMapper;

/**
 * A corpus of malformed and improper requests, each a variation of the fixtures' valid draft, sent
 * through the REST API: the draft is saved as typed, sending it for authorisation is refused with
 * the one field problem the variation deserves, in Albanian and in English, and nothing beyond the
 * draft is written.
 */
@DatabaseTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestValidationCorpusTest {

    static final Locale ALBANIAN = Locale.forLanguageTag("sq");
    static final Actor CATALOGUE_MANAGER =
            new Actor(Actor.Kind.SYSTEM, null, null, "fixture-catalogue", Set.of(RequestPermissions.CATALOGUE), null);

    /** A country no treaty links to Albania, and one that is, like Albania, a party of the Second Protocol. */
    static final String NO_TREATY = "IS";

    static final String PARTY = "LT";

    @Autowired
    MockMvcTester mvc;

    @Autowired
    RequestFixtures fixtures;

    @Autowired
    DirectoryFixtures directoryFixtures;

    @Autowired
    IdentityFixtures people;

    @Autowired
    OrganisationDirectory directory;

    @Autowired
    LegalCatalogue catalogue;

    @Autowired
    LegalRequests requests;

    @Autowired
    RequestAttachments attachments;

    @Autowired
    MessageSource messages;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    private RequestFixtures.@Nullable World world;
    private RequestFixtures.@Nullable World otherProvider;
    private final java.util.Map<String, RequestFixtures.World> abroad = new java.util.HashMap<>();
    private final java.util.Map<String, String> guidance = new java.util.HashMap<>();
    private @Nullable TreatyCountry albaniaBefore;

    // ---- the corpus ------------------------------------------------------------------------

    static List<Case> corpus() {
        return List.of(
                // identifiers
                new Case(
                        "bad IPv4 address",
                        t -> t.ip(i -> i.value = "203.0.113.256")
                                .expect("identifiers[0].value", "requests.validation.identifier.IPV4")),
                new Case(
                        "IPv4 address with a leading zero",
                        t -> t.ip(i -> i.value = "203.0.113.025")
                                .expect("identifiers[0].value", "requests.validation.identifier.IPV4")),
                new Case(
                        "bad IPv6 address",
                        t -> t.ip(i -> {
                                    i.kind = IdentifierKind.IPV6;
                                    i.value = "2001:db8::25::1";
                                })
                                .expect("identifiers[0].value", "requests.validation.identifier.IPV6")),
                new Case(
                        "private IPv4 address",
                        t -> t.ip(i -> i.value = "192.168.1.20")
                                .expect("identifiers[0].value", "requests.validation.ip-not-public")),
                new Case(
                        "private IPv4 address written as IPv6",
                        t -> t.ip(i -> {
                                    i.kind = IdentifierKind.IPV6;
                                    i.value = "::ffff:10.20.30.40";
                                })
                                .expect("identifiers[0].value", "requests.validation.ip-not-public")),
                new Case(
                        "unique-local IPv6 address",
                        t -> t.ip(i -> {
                                    i.kind = IdentifierKind.IPV6;
                                    i.value = "fd00::25";
                                })
                                .expect("identifiers[0].value", "requests.validation.ip-not-public")),
                new Case(
                        "IP address without port where the provider shares addresses",
                        t -> t.ip(i -> i.sourcePort = null)
                                .expect("identifiers[0].sourcePort", "requests.validation.port-required")),
                new Case(
                        "source port out of range",
                        t -> t.ip(i -> i.sourcePort = 70000)
                                .expect("identifiers[0].sourcePort", "requests.validation.port")),
                new Case(
                        "IP address seen at a time without time zone",
                        t -> t.ip(i -> i.observedAt = OffsetDateTime.parse(i.observedAt)
                                        .toLocalDateTime()
                                        .toString())
                                .expect("identifiers[0].observedAt", "requests.validation.time-zone-required")),
                new Case(
                        "IP address seen at a local time the change of summer time makes ambiguous",
                        t -> t.ip(t::atTheLastChangeOfSummerTime)
                                .expect(
                                        "identifiers[0].observedAt",
                                        "requests.validation.time-ambiguous",
                                        "Europe/Tirane")),
                new Case(
                        "IP address without the time it was seen",
                        t -> t.ip(i -> i.observedAt = null)
                                .expect("identifiers[0].observedAt", "requests.validation.observed-at-required")),
                new Case(
                        "IP address seen at a malformed time",
                        t -> t.ip(i -> i.observedAt = "dje në mesditë")
                                .expect("identifiers[0].observedAt", "requests.validation.timestamp")),
                new Case(
                        "IP address seen outside the requested range",
                        t -> t.ip(i -> i.observedAt = OffsetDateTime.parse(i.from)
                                        .minusHours(1)
                                        .toString())
                                .expect("identifiers[0].observedAt", "requests.validation.observed-outside-range")),
                new Case(
                        "malformed e-mail identifier",
                        t -> t.email("someone@@shembull.al", i -> {})
                                .expect("identifiers[0].value", "requests.validation.identifier.EMAIL")),
                new Case(
                        "phone number not in E.164",
                        t -> t.email("069 123 4567", i -> i.kind = IdentifierKind.PHONE)
                                .expect("identifiers[0].value", "requests.validation.identifier.PHONE")),
                new Case(
                        "phone number with its trunk zero",
                        t -> t.email("+355 (0)69 123 4567", i -> i.kind = IdentifierKind.PHONE)
                                .expect("identifiers[0].value", "requests.validation.identifier.PHONE")),
                new Case(
                        "URL without its scheme",
                        t -> t.email("www.shembull.al/faqe", i -> i.kind = IdentifierKind.URL)
                                .expect("identifiers[0].value", "requests.validation.identifier.URL")),
                new Case(
                        "bad domain",
                        t -> t.email("shembull_.al", i -> i.kind = IdentifierKind.DOMAIN)
                                .expect("identifiers[0].value", "requests.validation.identifier.DOMAIN")),
                new Case(
                        "IMEI with a wrong check digit",
                        t -> t.email("35-209900-176148-2", i -> i.kind = IdentifierKind.DEVICE)
                                .expect("identifiers[0].value", "requests.validation.identifier.DEVICE")),
                new Case(
                        "port on an e-mail identifier",
                        t -> t.email("someone@shembull.al", i -> i.sourcePort = 443)
                                .expect("identifiers[0].sourcePort", "requests.validation.port-only-ip")),
                new Case(
                        "identifier without its kind",
                        t -> t.ip(i -> i.kind = null).expect("identifiers[0].kind", "validation.required")),
                new Case(
                        "identifier without its value",
                        t -> t.ip(i -> i.value = "  ").expect("identifiers[0].value", "validation.required")),
                new Case(
                        "too many identifiers (11)",
                        t -> t.request(d -> {
                                    DraftVariation.Identifier first = d.identifiers.getFirst();
                                    for (int n = 2; n <= 11; n++) {
                                        DraftVariation.Identifier another = DraftVariation.Identifier.of(first.build());
                                        another.value = "203.0.113." + n;
                                        d.identifiers.add(another);
                                    }
                                })
                                .expect("identifiers", "requests.validation.too-many-identifiers", 10)),
                new Case(
                        "no identifiers",
                        t -> t.request(d -> d.identifiers = new ArrayList<>())
                                .expect("identifiers", "requests.validation.identifiers-required")),

                // time ranges
                new Case(
                        "range too wide for identification data",
                        t -> t.ip(i -> i.from = instant(i.from)
                                        .minus(Duration.ofDays(40))
                                        .toString())
                                .expect("identifiers[0].from", "requests.validation.range-too-wide", 31L)),
                new Case(
                        "range too wide for traffic data",
                        t -> t.ip(i -> {
                                    i.category = DataCategory.TRAFFIC_DATA;
                                    i.items = List.of(DataItem.CONNECTION_RECORDS);
                                    i.from = instant(i.from)
                                            .minus(Duration.ofDays(100))
                                            .toString();
                                })
                                .withOrder()
                                .expect("identifiers[0].from", "requests.validation.range-too-wide", 92L)),
                new Case(
                        "range too wide for subscriber information, retention acknowledged",
                        t -> t.email("someone@shembull.al", i -> i.from = t.daysAgo(800))
                                .and(d -> d.acknowledgeRetention = true)
                                .expect("identifiers[0].from", "requests.validation.range-too-wide", 730L)),
                new Case(
                        "range reversed",
                        t -> t.ip(i -> {
                                    String from = i.from;
                                    i.from = i.to;
                                    i.to = from;
                                })
                                .expect("identifiers[0].to", "requests.validation.range-order")),
                new Case(
                        "range in the future",
                        t -> t.ip(i -> i.to = t.now().plus(Duration.ofDays(1)).toString())
                                .expect("identifiers[0].to", "requests.validation.range-future")),
                new Case(
                        "range without time zone",
                        t -> t.ip(i -> i.from = instant(i.from)
                                        .atOffset(ZoneOffset.UTC)
                                        .toLocalDateTime()
                                        .toString())
                                .expect("identifiers[0].from", "requests.validation.time-zone-required")),
                new Case(
                        "range without its start",
                        t -> t.ip(i -> i.from = null)
                                .expect("identifiers[0].from", "requests.validation.range-required")),
                new Case(
                        "range before the provider's retention (warning)",
                        t -> t.beforeRetention()
                                .expect(
                                        "identifiers[0].from",
                                        "requests.validation.before-retention",
                                        LocalisedName.of(DataItem.SUBSCRIBER_IDENTITY),
                                        730)),

                // the data sought
                new Case(
                        "item not offered by the service",
                        t -> t.ip(i -> {
                                    i.category = DataCategory.TRAFFIC_DATA;
                                    i.items = List.of(DataItem.LOCATION_DATA);
                                })
                                .expect(
                                        "identifiers[0].items",
                                        "requests.validation.item-not-offered",
                                        LocalisedName.of(DataItem.LOCATION_DATA))),
                new Case(
                        "item the provider gives only through mutual legal assistance",
                        t -> t.ip(i -> {
                                    i.category = DataCategory.CONTENT_DATA;
                                    i.items = List.of(DataItem.STORED_MESSAGES);
                                })
                                .expect(
                                        "identifiers[0].items",
                                        "requests.validation.item-needs-mla",
                                        LocalisedName.of(DataItem.STORED_MESSAGES))),
                new Case(
                        "item not in the category",
                        t -> t.ip(i -> i.items = List.of(DataItem.SUBSCRIBER_IDENTITY))
                                .expect(
                                        "identifiers[0].items",
                                        "requests.validation.item-not-in-category",
                                        LocalisedName.of(DataItem.SUBSCRIBER_IDENTITY))),
                new Case(
                        "no data category",
                        t -> t.ip(i -> i.category = null).expect("identifiers[0].category", "validation.required")),
                new Case(
                        "no data items",
                        t -> t.ip(i -> i.items = List.of())
                                .expect("identifiers[0].items", "requests.validation.items-required")),
                new Case(
                        "connection records without the prosecutor's order attached",
                        t -> t.ip(i -> {
                                    i.category = DataCategory.TRAFFIC_DATA;
                                    i.items = List.of(DataItem.CONNECTION_RECORDS);
                                })
                                .expect("attachments", "requests.validation.order-required")),

                // who asks, and why
                new Case("missing type", t -> t.request(d -> d.type = null).expect("type", "validation.required")),
                new Case(
                        "missing file number",
                        t -> t.request(d -> d.fileNumber = null).expect("fileNumber", "validation.required")),
                new Case(
                        "file number too long",
                        t -> t.request(d -> d.fileNumber = "PP-" + "9".repeat(98))
                                .expect("fileNumber", "requests.validation.too-long", 100)),
                new Case(
                        "missing requesting unit",
                        t -> t.request(d -> d.requestingUnit = " ").expect("requestingUnit", "validation.required")),
                new Case(
                        "missing officer name",
                        t -> t.request(d -> d.officerName = "").expect("officerName", "validation.required")),
                new Case(
                        "missing officer phone",
                        t -> t.request(d -> d.officerPhone = null).expect("officerPhone", "validation.required")),
                new Case(
                        "officer phone not international",
                        t -> t.request(d -> d.officerPhone = "04 222 3333")
                                .expect("officerPhone", "requests.validation.phone")),
                new Case(
                        "personal e-mail address of the officer",
                        t -> t.request(d -> d.officerEmail = "officer.test@gmail.com")
                                .expect(
                                        "officerEmail",
                                        "requests.validation.personal-email",
                                        String.join(", ", t.world().police().officialDomains()))),
                new Case(
                        "missing offence",
                        t -> t.request(d -> d.offence = null).expect("offence", "validation.required")),
                new Case(
                        "missing summary",
                        t -> t.request(d -> d.summary = "   ").expect("summary", "validation.required")),
                new Case(
                        "missing relevance of the data",
                        t -> t.request(d -> d.relevance = null).expect("relevance", "validation.required")),
                new Case(
                        "missing priority",
                        t -> t.request(d -> d.priority = null).expect("priority", "validation.required")),
                new Case(
                        "missing legal basis",
                        t -> t.request(d -> d.legalProvisionId = null)
                                .expect("legalProvisionId", "requests.validation.legal-basis-required")),
                new Case(
                        "unknown legal basis",
                        t -> t.request(d -> d.legalProvisionId = UUID.randomUUID())
                                .expect("legalProvisionId", "requests.validation.legal-basis-unknown")),
                new Case(
                        "legal provision of another country",
                        t -> t.request(d -> d.legalProvisionId = t.provision("XK", false))
                                .expect("legalProvisionId", "requests.validation.legal-basis-unknown")),
                new Case(
                        "retired legal provision",
                        t -> t.request(d -> d.legalProvisionId = t.provision("AL", true))
                                .expect("legalProvisionId", "requests.validation.legal-basis-unknown")),

                // to whom
                new Case(
                        "missing provider",
                        t -> t.request(d -> d.providerId = null)
                                .expect("providerId", "requests.validation.provider-required")),
                new Case(
                        "unknown provider",
                        t -> t.request(d -> d.providerId = UUID.randomUUID())
                                .expect("providerId", "requests.validation.provider-unknown")),
                new Case(
                        "organisation that is not a provider",
                        t -> t.request(d -> d.providerId = t.world().police().id())
                                .expect("providerId", "requests.validation.not-a-provider")),
                new Case(
                        "suspended provider",
                        t -> t.suspendedProvider().expect("providerId", "requests.validation.provider-suspended")),
                new Case(
                        "missing service",
                        t -> t.request(d -> d.serviceId = null)
                                .expect("serviceId", "requests.validation.service-required")),
                new Case(
                        "unknown service",
                        t -> t.request(d -> d.serviceId = UUID.randomUUID())
                                .expect(
                                        "serviceId",
                                        "requests.validation.service-unknown",
                                        t.world().provider().shortName())),
                new Case(
                        "service of another provider",
                        t -> t.request(d -> d.serviceId =
                                        t.otherProvider().service().id())
                                .expect(
                                        "serviceId",
                                        "requests.validation.service-unknown",
                                        t.world().provider().shortName())),
                new Case(
                        "provider abroad, no treaty",
                        t -> t.abroad(NO_TREATY, d -> {})
                                .expect(
                                        "providerId",
                                        "requests.validation.foreign-provider",
                                        NO_TREATY,
                                        t.guidance(NO_TREATY))),
                new Case(
                        "provider abroad, both parties, but traffic data",
                        t -> t.parties()
                                .abroad(
                                        PARTY,
                                        d -> d.identifier(i -> {
                                            i.category = DataCategory.TRAFFIC_DATA;
                                            i.items = List.of(DataItem.CONNECTION_RECORDS);
                                        }))
                                .withOrder()
                                .expect(
                                        "providerId",
                                        "requests.validation.foreign-provider-category",
                                        PARTY,
                                        t.guidance(PARTY))),
                new Case(
                        "provider abroad, both parties, but a preservation",
                        t -> t.parties()
                                .abroad(PARTY, d -> {
                                    d.type = RequestType.PRESERVATION;
                                    d.identifiers =
                                            new ArrayList<>(List.of(t.subscriberIdentifier("someone@shembull.lt")));
                                })
                                .expect(
                                        "providerId",
                                        "requests.validation.foreign-provider-category",
                                        PARTY,
                                        t.guidance(PARTY))),
                new Case(
                        "provider abroad, both parties, but an emergency",
                        t -> t.parties()
                                .abroad(PARTY, d -> {
                                    d.type = RequestType.EMERGENCY_DISCLOSURE;
                                    d.emergency = true;
                                    d.emergencyJustification = "Fictional: a person has announced self-harm tonight.";
                                    d.identifiers =
                                            new ArrayList<>(List.of(t.subscriberIdentifier("someone@shembull.lt")));
                                })
                                .expect(
                                        "providerId",
                                        "requests.validation.foreign-provider-category",
                                        PARTY,
                                        t.guidance(PARTY))),

                // urgency, confidentiality, links
                new Case(
                        "emergency without justification",
                        t -> t.request(d -> d.emergency = true)
                                .expect("emergencyJustification", "requests.validation.emergency-justification", 20)),
                new Case(
                        "emergency disclosure with a too short justification",
                        t -> t.request(d -> {
                                    d.type = RequestType.EMERGENCY_DISCLOSURE;
                                    d.emergencyJustification = "Urgjent!";
                                })
                                .expect("emergencyJustification", "requests.validation.emergency-justification", 20)),
                new Case(
                        "confidentiality date in the past",
                        t -> t.request(d -> d.confidentialUntil = t.today().minusDays(1))
                                .expect("confidentialUntil", "requests.validation.date-not-future")),
                new Case(
                        "requested deadline in the past",
                        t -> t.request(d -> d.requestedDeadline = t.today().minusDays(1))
                                .expect("requestedDeadline", "requests.validation.date-past")),
                new Case(
                        "disclosure after preservation without a preservation",
                        t -> t.request(d -> d.type = RequestType.DISCLOSURE_AFTER_PRESERVATION)
                                .expect("preservationRequestId", "requests.validation.preservation-required")),
                new Case(
                        "disclosure after someone else's preservation",
                        t -> t.request(d -> {
                                    d.type = RequestType.DISCLOSURE_AFTER_PRESERVATION;
                                    d.preservationRequestId = t.anotherAgencysPreservation();
                                })
                                .expect("preservationRequestId", "requests.validation.preservation-unknown")),
                new Case(
                        "written request after an unknown oral emergency",
                        t -> t.request(d -> d.oralRequestId = UUID.randomUUID())
                                .expect("oralRequestId", "requests.validation.oral-unknown")));
    }

    static Stream<Named<Case>> cases() {
        return corpus().stream().map(c -> Named.of(c.name(), c));
    }

    @Test
    void theCorpusHoldsAtLeastThirtyDistinctlyNamedCases() {
        List<Case> corpus = corpus();
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(30);
        assertThat(new HashSet<>(corpus.stream().map(Case::name).toList())).hasSameSizeAs(corpus);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void anImproperRequestIsSavedAsADraftAndRefusedWithItsFieldProblem(Case corpusCase) throws Exception {
        // Surefire's XML names a parameterized test by its index: the case's name goes beside it.
        System.out.println("Corpus case: " + corpusCase.name());
        Variation variation = corpusCase.prepare().apply(this);
        DraftCommand draft = variation.draft.build();
        assertThat(variation.expected).as("the case says what it expects").isNotEmpty();

        MvcTestResult created = post("/api/v1/requests", json.writeValueAsString(draft), ALBANIAN);
        assertThat(created).hasStatus(201);
        String body = contentOf(created);
        UUID id = UUID.fromString(JsonPath.read(body, "$.id"));
        assertThat(JsonPath.<String>read(body, "$.status")).isEqualTo("DRAFT");
        DraftCommand saved =
                json.readValue(json.writeValueAsString(JsonPath.read(body, "$.draft")), DraftCommand.class);
        assertThat(saved).as("saved as typed").isEqualTo(draft);
        for (Consumer<UUID> after : variation.afterCreate) {
            after.accept(id);
        }

        for (Locale language : List.of(ALBANIAN, Locale.ENGLISH)) {
            MvcTestResult refused = post("/api/v1/requests/" + id + "/submission", "", language);
            assertThat(refused).hasStatus(400);
            assertThat(refused.getResponse().getContentType()).startsWith("application/problem+json");
            String problem = contentOf(refused);
            assertThat(JsonPath.<String>read(problem, "$.type")).isEqualTo("/problems/validation");
            List<Map<String, String>> errors = JsonPath.read(problem, "$.errors");
            assertThat(errors)
                    .as("%s, in %s", corpusCase.name(), language)
                    .extracting(e -> tuple(e.get("field"), e.get("code"), e.get("message")))
                    .containsExactlyInAnyOrderElementsOf(expected(variation.expected, language));
        }

        MvcTestResult check = mvc.get()
                .uri("/api/v1/requests/{id}/check", id)
                .with(authentication(world().officer().authentication()))
                .exchange();
        assertThat(check).hasStatusOk();
        List<Map<String, Object>> checked = JsonPath.read(contentOf(check), "$");
        assertThat(checked)
                .as("the check without sending says the same")
                .extracting(p -> tuple(p.get("field"), p.get("messageKey"), strings((List<?>) p.get("arguments"))))
                .containsExactlyInAnyOrderElementsOf(variation.expected.stream()
                        .map(e -> tuple(e.field(), e.key(), strings(e.arguments())))
                        .toList());

        MvcTestResult read = mvc.get()
                .uri("/api/v1/requests/{id}", id)
                .with(authentication(world().officer().authentication()))
                .exchange();
        assertThat(read).hasStatusOk();
        assertThat(JsonPath.<String>read(contentOf(read), "$.request.status")).isEqualTo("DRAFT");
        assertThat(count("SELECT COUNT(*) FROM request_identifier WHERE request_id = ?", id))
                .as("no identifiers written")
                .isZero();
        assertThat(count(
                        "SELECT COUNT(*) FROM legal_request WHERE id = ? AND status = 'DRAFT' AND signed_payload IS NULL"
                                + " AND signature IS NULL AND submitted_at IS NULL AND authoriser_id IS NULL",
                        id))
                .as("still an unsigned draft")
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT kind FROM request_event WHERE request_id = ?")
                        .param(id)
                        .query(String.class)
                        .list())
                .as("its history holds its creation only")
                .containsExactly("created");
    }

    // ---- the corpus's controls: what passes ------------------------------------------------

    @Test
    void theUnchangedDraftIsSentForAuthorisation() throws Exception {
        assertSentForAuthorisation(fixtures.draft(world()), 1);
    }

    @Test
    void aRangeBeforeTheRetentionPassesOnceTheOfficerAcknowledgesIt() throws Exception {
        DraftCommand acknowledged =
                beforeRetention().and(d -> d.acknowledgeRetention = true).draft.build();
        assertSentForAuthorisation(acknowledged, 1);
    }

    @Test
    void subscriberInformationGoesDirectlyToAProviderInAPartyOfTheSecondProtocol() throws Exception {
        DraftCommand draft = parties()
                .abroad(
                        PARTY,
                        d -> d.identifiers = new ArrayList<>(List.of(subscriberIdentifier("someone@shembull.lt"))))
                .draft
                .build();
        assertSentForAuthorisation(draft, 1);
    }

    private void assertSentForAuthorisation(DraftCommand draft, int identifiers) throws Exception {
        MvcTestResult created = post("/api/v1/requests", json.writeValueAsString(draft), ALBANIAN);
        assertThat(created).hasStatus(201);
        UUID id = UUID.fromString(JsonPath.read(contentOf(created), "$.id"));
        MvcTestResult sent = post("/api/v1/requests/" + id + "/submission", "", Locale.ENGLISH);
        assertThat(sent).as(contentOf(sent)).hasStatusOk();
        assertThat(JsonPath.<String>read(contentOf(sent), "$.status")).isEqualTo("AWAITING_AUTHORISATION");
        assertThat(count("SELECT COUNT(*) FROM request_identifier WHERE request_id = ?", id))
                .isEqualTo(identifiers);
    }

    // ---- the variations --------------------------------------------------------------------

    /** One case of the corpus: its name in the report, and how it varies the valid draft. */
    record Case(String name, Function<RequestValidationCorpusTest, Variation> prepare) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** One expected field problem: the field, the message key and its arguments. */
    record Expected(String field, String key, List<Object> arguments) {}

    /** A varied draft, what it should be told, and what to do once it is saved. */
    final class Variation {
        final DraftVariation draft;
        final List<Expected> expected = new ArrayList<>();
        final List<Consumer<UUID>> afterCreate = new ArrayList<>();

        Variation(DraftVariation draft) {
            this.draft = draft;
        }

        Variation and(Consumer<DraftVariation> change) {
            draft.with(change);
            return this;
        }

        Variation expect(String field, String key, Object... arguments) {
            expected.add(new Expected(field, key, Arrays.asList(arguments)));
            return this;
        }

        /** Attaches the prosecutor's order once the draft is saved. */
        Variation withOrder() {
            afterCreate.add(id -> attachments.attach(
                    world().officer().actor(),
                    id,
                    new ByteArrayInputStream("Urdhër i prokurorit (fiktiv)".getBytes(StandardCharsets.UTF_8)),
                    "urdher.txt"));
            return this;
        }
    }

    /** The fixtures' valid draft with its IP identifier changed. */
    Variation ip(Consumer<DraftVariation.Identifier> change) {
        return new Variation(DraftVariation.of(fixtures.draft(world())).identifier(change));
    }

    /** A valid draft asking who holds an e-mail account, its identifier then changed. */
    Variation email(String value, Consumer<DraftVariation.Identifier> change) {
        return new Variation(
                DraftVariation.of(fixtures.draft(world(), RequestType.DISCLOSURE, List.of(fixtures.email(value))))
                        .identifier(change));
    }

    Variation request(Consumer<DraftVariation> change) {
        return new Variation(DraftVariation.of(fixtures.draft(world())).with(change));
    }

    /** Subscriber data from 731 to 700 days ago: within the widest range, before the 730 days kept. */
    Variation beforeRetention() {
        return email("someone@shembull.al", i -> {
            i.from = daysAgo(731);
            i.to = daysAgo(700);
        });
    }

    /** The fixtures' draft sent to the provider of {@code country}'s world instead. */
    Variation abroad(String country, Consumer<DraftVariation> change) {
        RequestFixtures.World there = abroad(country);
        return request(d -> {
                    d.providerId = there.provider().id();
                    d.serviceId = there.service().id();
                })
                .and(change);
    }

    /** Albania and {@link #PARTY} parties of the Second Additional Protocol, for this test only. */
    RequestValidationCorpusTest parties() {
        if (albaniaBefore == null) {
            albaniaBefore = catalogue.treaty("AL");
        }
        catalogue.configure(CATALOGUE_MANAGER, new TreatyCountry("AL", true, 90, 90, 1));
        catalogue.configure(CATALOGUE_MANAGER, new TreatyCountry(PARTY, true, 90, 90, 1));
        return this;
    }

    @AfterEach
    void albaniaAsBefore() {
        if (albaniaBefore != null) {
            catalogue.configure(CATALOGUE_MANAGER, albaniaBefore);
            albaniaBefore = null;
        }
    }

    DraftVariation.Identifier subscriberIdentifier(String email) {
        return DraftVariation.Identifier.of(fixtures.email(email));
    }

    /** The observed time as a local time in Europe/Tirane half an hour into its last change of summer time. */
    void atTheLastChangeOfSummerTime(DraftVariation.Identifier identifier) {
        ZoneOffsetTransition change = ZoneId.of("Europe/Tirane").getRules().previousTransition(now());
        var local = (change.isGap() ? change.getDateTimeBefore() : change.getDateTimeAfter()).plusMinutes(30);
        identifier.observedAt = local.toString();
        identifier.timeZone = "Europe/Tirane";
        identifier.from = change.getInstant().minus(Duration.ofHours(3)).toString();
        identifier.to = change.getInstant().plus(Duration.ofHours(3)).toString();
    }

    /** A provision added to the catalogue for {@code country}, retired if asked. */
    UUID provision(String country, boolean retired) {
        LegalProvision provision = catalogue.addProvision(
                CATALOGUE_MANAGER,
                new LegalCatalogue.ProvisionCommand(
                        country,
                        "Test " + UUID.randomUUID().toString().substring(0, 8),
                        "Nen prove",
                        "Test provision",
                        "LAW",
                        true));
        if (retired) {
            catalogue.retireProvision(CATALOGUE_MANAGER, provision.id());
        }
        return provision.id();
    }

    /** A draft to a provider of its own that is then suspended in the directory. */
    Variation suspendedProvider() {
        RequestFixtures.World own = fixtures.world();
        directory.suspend(DirectoryFixtures.OPERATOR, own.provider().id(), "Test");
        return request(d -> {
            d.providerId = own.provider().id();
            d.serviceId = own.service().id();
        });
    }

    /** A preservation another police organisation sent to the same provider. */
    UUID anotherAgencysPreservation() {
        RequestFixtures.World mine = world();
        OrganisationView police = directoryFixtures.organisation(OrganisationType.LAW_ENFORCEMENT, "AL");
        IdentityFixtures.TestUser officer = people.user(police, RequestsConfiguration.OFFICER);
        RequestFixtures.World theirs = new RequestFixtures.World(
                police,
                mine.provider(),
                mine.service(),
                officer,
                officer,
                people.user(police, RequestsConfiguration.AUTHORISER),
                mine.compliance(),
                mine.lead());
        RequestView preservation = fixtures.submitted(
                theirs, fixtures.draft(theirs, RequestType.PRESERVATION, List.of(fixtures.ip("203.0.113.25"))));
        assertThat(preservation.type()).isEqualTo(RequestType.PRESERVATION);
        return preservation.id();
    }

    RequestFixtures.World world() {
        if (world == null) {
            world = fixtures.world();
        }
        return world;
    }

    RequestFixtures.World otherProvider() {
        if (otherProvider == null) {
            otherProvider = fixtures.world();
        }
        return otherProvider;
    }

    /**
     * The world of a provider in {@code country}, and a police organisation there with its 24/7
     * contact, which the refusal names as the way to ask instead.
     */
    RequestFixtures.World abroad(String country) {
        return abroad.computeIfAbsent(country, c -> {
            RequestFixtures.World there = fixtures.world(c);
            OrganisationView police = directoryFixtures.organisation(OrganisationType.LAW_ENFORCEMENT, c);
            ContactPointView desk =
                    directoryFixtures.alwaysAvailable(police, ContactFunction.EMERGENCY_24_7, "Europe/Vilnius");
            guidance.put(
                    c,
                    police.shortName() + " — " + desk.name() + " <" + desk.email() + ">"
                            + (desk.phones().isEmpty()
                                    ? ""
                                    : " " + desk.phones().getFirst()));
            return there;
        });
    }

    String guidance(String country) {
        abroad(country);
        return guidance.get(country);
    }

    Instant now() {
        return clock.instant();
    }

    LocalDate today() {
        return LocalDate.ofInstant(now(), ZoneId.of("Europe/Tirane"));
    }

    String daysAgo(int days) {
        return now().truncatedTo(ChronoUnit.SECONDS)
                .minus(Duration.ofDays(days))
                .toString();
    }

    static Instant instant(String text) {
        return OffsetDateTime.parse(text).toInstant();
    }

    // ---- plumbing --------------------------------------------------------------------------

    /** Each expected problem as the API should render it in {@code language}: field, key and the bundle's text. */
    private List<Tuple> expected(List<Expected> expected, Locale language) {
        List<Tuple> rendered = new ArrayList<>();
        for (Expected e : expected) {
            String text = messages.getMessage(e.key(), e.arguments().toArray(), language);
            String other = messages.getMessage(
                    e.key(), e.arguments().toArray(), language.equals(ALBANIAN) ? Locale.ENGLISH : ALBANIAN);
            assertThat(text).as("%s is translated", e.key()).isNotEqualTo(other).doesNotContain("{");
            rendered.add(tuple(e.field(), e.key(), text));
        }
        return rendered;
    }

    /** Arguments as a client reads them from JSON: a data item by its constant, numbers as numbers. */
    private static List<String> strings(List<?> arguments) {
        return arguments.stream().map(String::valueOf).toList();
    }

    private MvcTestResult post(String uri, String body, Locale language) {
        var request = mvc.post()
                .uri(uri)
                .header("Accept-Language", language.toLanguageTag())
                .with(authentication(world().officer().authentication()))
                .with(csrf());
        if (!body.isEmpty()) {
            request = request.contentType(MediaType.APPLICATION_JSON).content(body);
        }
        return request.exchange();
    }

    private long count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Long.class).single();
    }

    private static String contentOf(MvcTestResult result) {
        try {
            return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
