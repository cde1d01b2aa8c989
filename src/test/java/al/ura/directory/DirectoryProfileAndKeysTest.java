package al.ura.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import al.ura.identity.IdentityFixtures;
import al.ura.kernel.ProblemException;
import al.ura.testing.DatabaseTest;
import al.ura.testing.TestClock;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import tools.jackson.databind.json.JsonMapper;

/**
 * The organisation profile with its field-by-field checks, contacts on official domains only,
 * provider services, and the signing keys behind {@link DocumentSigning}.
 */
@DatabaseTest
class DirectoryProfileAndKeysTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    IdentityFixtures people;

    @Autowired
    DirectoryFixtures fixtures;

    @Autowired
    DocumentSigning signing;

    @Autowired
    SigningKeys keys;

    @Autowired
    SigningKeyService keyService;

    @Autowired
    OrganisationDirectory directory;

    @Autowired
    ProviderCatalogue catalogue;

    @Autowired
    ContactPoints contactPoints;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    TestClock clock;

    private static final String CONTACT_OFF_DOMAIN = """
            {"function":"LEGAL_REQUESTS","kind":"DESK","name":"Compliance desk","phones":["+355 4 555 0199"],
             "email":"compliance@gmail.example","languages":["sq","en"],"alwaysAvailable":false,
             "timeZone":"Europe/Tirane","hours":[{"day":"MONDAY","from":"08:00","to":"16:00"}]}""";

    @Test
    void aContactEmailOutsideTheOfficialDomainsIsRefusedInAlbanianAndEnglishAndNothingIsSaved() {
        OrganisationView organisation = fixtures.organisation();
        IdentityFixtures.TestUser admin = people.user(organisation, IdentityFixtures.ORGANISATION_ADMIN);

        for (String language : List.of("sq", "en")) {
            MvcTestResult result = mvc.post()
                    .uri("/api/v1/directory/organisations/{id}/contacts", organisation.id())
                    .with(authentication(admin.authentication()))
                    .with(csrf())
                    .header("Accept-Language", language)
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(CONTACT_OFF_DOMAIN)
                    .exchange();

            assertThat(result).hasStatus(400);
            assertThat(result).bodyJson().extractingPath("$.errors[0].field").isEqualTo("email");
            assertThat(result)
                    .bodyJson()
                    .extractingPath("$.errors[0].message")
                    .asString()
                    .contains(
                            "sq".equals(language)
                                    ? "duhet të jetë në një nga domenet zyrtare"
                                    : "must be on one of the organisation's official domains")
                    .contains(organisation.officialDomains().getFirst());
        }
        assertThat(contactRows(organisation.id())).isZero();

        // The same contact on the organisation's own domain is taken.
        MvcTestResult accepted = mvc.post()
                .uri("/api/v1/directory/organisations/{id}/contacts", organisation.id())
                .with(authentication(admin.authentication()))
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(CONTACT_OFF_DOMAIN.replace(
                        "gmail.example", organisation.officialDomains().getFirst()))
                .exchange();
        assertThat(accepted).hasStatus(201);
        assertThat(contactRows(organisation.id())).isEqualTo(1);
    }

    @Test
    void aSubdomainOfAnOfficialDomainIsOnItButALookAlikeIsNot() {
        OrganisationView organisation = fixtures.organisation();
        String domain = organisation.officialDomains().getFirst();
        assertThat(organisation.ownsAddress("desk@" + domain)).isTrue();
        assertThat(organisation.ownsAddress("desk@mail." + domain)).isTrue();
        assertThat(organisation.ownsAddress("desk@evil-" + domain)).isFalse();
        assertThat(organisation.ownsAddress("desk@" + domain + ".attacker.example"))
                .isFalse();
    }

    @Test
    void everyWrongProfileFieldIsNamedAndNothingChanges() {
        OrganisationView organisation = fixtures.organisation();
        IdentityFixtures.TestUser admin = people.user(organisation, IdentityFixtures.ORGANISATION_ADMIN);

        MvcTestResult result = mvc.put()
                .uri("/api/v1/directory/organisations/{id}", organisation.id())
                .with(authentication(admin.authentication()))
                .with(csrf())
                .header("Accept-Language", "en")
                .contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"nameSq":"","nameEn":"Renamed","officialDomains":["not a domain"],
                         "switchboardPhone":"0042","website":"ftp://x.example","languages":["english"]}""")
                .exchange();

        assertThat(result).hasStatus(400);
        assertThat(result)
                .bodyJson()
                .extractingPath("$.errors[*].field")
                .asArray()
                .containsExactlyInAnyOrder("nameSq", "officialDomains", "switchboardPhone", "website", "languages");
        OrganisationView unchanged = directory.find(organisation.id()).orElseThrow();
        assertThat(unchanged.nameEn()).isEqualTo(organisation.nameEn());
        assertThat(unchanged.version()).isEqualTo(organisation.version());
    }

    @Test
    void theProfileIsSavedWithItsHistoryAndAStaleSaveIsRefused() {
        OrganisationView organisation = fixtures.organisation();
        IdentityFixtures.TestUser admin = people.user(organisation, IdentityFixtures.ORGANISATION_ADMIN);
        UpdateProfileCommand command = new UpdateProfileCommand(
                organisation.nameSq(),
                "Renamed organisation",
                Sector.ENERGY,
                List.of("Example-Grid.example", "grid.example."),
                "+355 4 555 0123",
                "https://grid.example",
                "Rruga 1, Tiranë",
                List.of("sq", "EN", "it"),
                organisation.version());

        OrganisationView saved = directory.updateProfile(admin.actor(), organisation.id(), command);

        assertThat(saved.nameEn()).isEqualTo("Renamed organisation");
        assertThat(saved.officialDomains()).containsExactly("example-grid.example", "grid.example");
        assertThat(saved.languages()).containsExactly("sq", "en", "it");
        assertThat(saved.sector()).isEqualTo(Sector.ENERGY);
        assertThat(saved.version()).isEqualTo(organisation.version() + 1);
        var history =
                directory.history(admin.actor(), organisation.id(), null, 10).items();
        assertThat(history.getFirst().action()).isEqualTo("organisation.updated");
        assertThat(history.getFirst().fields())
                .containsEntry("nameEn", "Renamed organisation")
                .containsEntry("officialDomains", "example-grid.example grid.example")
                .doesNotContainKey("nameSq");
        assertThat(history.getFirst().actorUserId()).isEqualTo(admin.id());

        // A form loaded before that save would overwrite it: refused.
        assertThatThrownBy(() -> directory.updateProfile(admin.actor(), organisation.id(), command))
                .isInstanceOfSatisfying(
                        ProblemException.class, p -> assertThat(p.type().slug()).isEqualTo("stale-edit"));
    }

    @Test
    void everyOrganisationHasAKeyIncludingOnesCreatedBeforeKeysExisted() {
        OrganisationView created = people.organisation();
        assertThat(keyService.keysOf(created.id())).hasSize(1).allMatch(SigningKeyView::current);

        UUID legacy = UUID.randomUUID();
        jdbc.sql("INSERT INTO organisation (id, short_name, name_sq, name_en, type, country, status, created_at,"
                        + " updated_at) VALUES (?, ?, 'Vjetër', 'Old', 'COURT', 'AL', 'ACTIVE', CURRENT_TIMESTAMP,"
                        + " CURRENT_TIMESTAMP)")
                .params(legacy, "L-" + legacy.toString().substring(0, 8))
                .update();
        assertThat(keyService.keysOf(legacy)).isEmpty();

        keyService.maintainKeys();

        assertThat(keyService.keysOf(legacy)).hasSize(1);
        SignedDocument signed = signing.sign(legacy, bytes("{}"));
        assertThat(signing.verify(legacy, bytes("{}"), signed.detachedJws()).valid())
                .isTrue();
    }

    @Test
    void theSignatureIsADetachedJwsWithKidOrgAndIatAndVerifies() {
        clock.set(Instant.parse("2026-05-04T10:15:30.456Z"));
        OrganisationView organisation = fixtures.organisation();
        byte[] payload = bytes("{\"request\":\"R-2026-0001\"}");

        SignedDocument signed = signing.sign(organisation.id(), payload);

        String[] parts = signed.detachedJws().split("\\.", -1);
        assertThat(parts).hasSize(3);
        assertThat(parts[1]).isEmpty();
        var header = json.readTree(java.util.Base64.getUrlDecoder().decode(parts[0]));
        assertThat(header.get("alg").asString()).isEqualTo("ES256");
        assertThat(header.get("kid").asString()).isEqualTo(signed.keyId());
        assertThat(header.get("org").asString()).isEqualTo(organisation.id().toString());
        assertThat(header.get("iat").asLong())
                .isEqualTo(Instant.parse("2026-05-04T10:15:30Z").getEpochSecond());
        assertThat(signed.signedAt()).isEqualTo(Instant.parse("2026-05-04T10:15:30Z"));

        assertThat(signing.verify(organisation.id(), payload, signed.detachedJws()))
                .isEqualTo(new SignatureCheck.Valid(organisation.id(), signed.keyId(), signed.signedAt()));
        assertThat(signing.verify(organisation.id(), bytes("{\"request\":\"R-2026-0002\"}"), signed.detachedJws()))
                .isEqualTo(new SignatureCheck.Invalid(SignatureCheck.Reason.SIGNATURE_MISMATCH));
        assertThat(signing.verify(organisation.id(), payload, "not.a.jws"))
                .isEqualTo(new SignatureCheck.Invalid(SignatureCheck.Reason.MALFORMED));
        assertThat(signing.verify(organisation.id(), payload, parts[0] + "." + parts[0] + "." + parts[2]))
                .isEqualTo(new SignatureCheck.Invalid(SignatureCheck.Reason.MALFORMED));
    }

    @Test
    void aSignatureClaimingAnotherOrganisationFails() {
        OrganisationView a = fixtures.organisation();
        OrganisationView b = fixtures.organisation();
        byte[] payload = bytes("{\"n\":1}");
        SignedDocument byA = signing.sign(a.id(), payload);

        // Presented as B's: the header names A.
        assertThat(signing.verify(b.id(), payload, byA.detachedJws()))
                .isEqualTo(new SignatureCheck.Invalid(SignatureCheck.Reason.OTHER_ORGANISATION));
        // A header rewritten to name B, signed with A's key: the key is A's.
        SigningKeys.SigningKey keyOfA = keys.current(a.id(), Instant.now()).orElseThrow();
        String forged = forge(keyOfA, b.id(), Instant.now(), payload);
        assertThat(signing.verify(b.id(), payload, forged))
                .isEqualTo(new SignatureCheck.Invalid(SignatureCheck.Reason.OTHER_ORGANISATION));
        // A key id nobody published.
        String unknown = forgeWithKid("unknown-kid", keyOfA, a.id(), Instant.now(), payload);
        assertThat(signing.verify(a.id(), payload, unknown))
                .isEqualTo(new SignatureCheck.Invalid(SignatureCheck.Reason.UNKNOWN_KEY));
    }

    @Test
    void aRotatedOutKeyStillVerifiesWhatItSignedDuringItsValidityButNothingLater() {
        clock.set(Instant.parse("2026-02-01T09:00:00Z"));
        OrganisationView organisation = fixtures.organisation();
        IdentityFixtures.TestUser admin = people.user(organisation, IdentityFixtures.ORGANISATION_ADMIN);
        byte[] payload = bytes("{\"before\":\"rotation\"}");
        SignedDocument before = signing.sign(organisation.id(), payload);
        SigningKeys.SigningKey oldKey = keys.find(before.keyId()).orElseThrow();

        clock.advance(Duration.ofDays(3));
        SigningKeyView newKey = keyService.rotate(admin.actor(), organisation.id());
        clock.advance(Duration.ofMinutes(5));
        SignedDocument after = signing.sign(organisation.id(), payload);

        assertThat(newKey.kid()).isNotEqualTo(before.keyId());
        assertThat(after.keyId()).isEqualTo(newKey.kid());
        assertThat(signing.verify(organisation.id(), payload, before.detachedJws())
                        .valid())
                .isTrue();
        assertThat(signing.verify(organisation.id(), payload, after.detachedJws())
                        .valid())
                .isTrue();
        // Someone holding the old private key signs after its retirement: refused.
        String late = forge(oldKey, organisation.id(), clock.instant(), payload);
        assertThat(signing.verify(organisation.id(), payload, late))
                .isEqualTo(new SignatureCheck.Invalid(SignatureCheck.Reason.KEY_NOT_VALID_AT_SIGNING_TIME));
        assertThat(keyService.keysOf(organisation.id()))
                .extracting(SigningKeyView::kid, SigningKeyView::current)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(newKey.kid(), true),
                        org.assertj.core.groups.Tuple.tuple(before.keyId(), false));
        assertThat(deniedOrRecorded("directory.signing-key.rotated", organisation.id()))
                .isEqualTo(1);
    }

    @Test
    void afterASuspensionTheKeysNoLongerVerifyNewDocumentsButOldOnesStillDo() {
        clock.set(Instant.parse("2026-04-01T08:00:00Z"));
        OrganisationView organisation = fixtures.organisation();
        byte[] payload = bytes("{\"doc\":1}");
        SignedDocument old = signing.sign(organisation.id(), payload);
        SigningKeys.SigningKey key = keys.find(old.keyId()).orElseThrow();

        clock.advance(Duration.ofHours(2));
        directory.suspend(DirectoryFixtures.OPERATOR, organisation.id(), "Compromised mailbox");
        clock.advance(Duration.ofMinutes(1));

        assertThat(signing.verify(organisation.id(), payload, old.detachedJws()).valid())
                .isTrue();
        assertThatThrownBy(() -> signing.sign(organisation.id(), payload))
                .isInstanceOfSatisfying(
                        ProblemException.class, p -> assertThat(p.type().slug()).isEqualTo("organisation-suspended"));
        String afterSuspension = forge(key, organisation.id(), clock.instant(), payload);
        assertThat(signing.verify(organisation.id(), payload, afterSuspension))
                .isEqualTo(new SignatureCheck.Invalid(SignatureCheck.Reason.ORGANISATION_SUSPENDED));
    }

    @Test
    void theProviderCatalogueHoldsServicesWithTheirOfferings() {
        OrganisationView provider = fixtures.organisation(OrganisationType.PROVIDER_HOSTING, "AL");
        IdentityFixtures.TestUser admin = people.user(provider, IdentityFixtures.ORGANISATION_ADMIN);
        ProviderServices services = (ProviderServices) catalogue;

        ProviderServiceView vps = services.create(
                admin.actor(),
                provider.id(),
                new ProviderServiceCommand(
                        "VPS",
                        "https://vps.example",
                        "Virtual servers",
                        true,
                        List.of(
                                new ProviderServiceCommand.Offering(
                                        DataItem.IP_ASSIGNMENT, 365, LegalProcess.PROSECUTOR_ORDER),
                                new ProviderServiceCommand.Offering(
                                        DataItem.ACCOUNT_REGISTRATION, 730, LegalProcess.AUTHORITY_REQUEST)),
                        72,
                        8));

        assertThat(catalogue.servicesOf(provider.id())).containsExactly(vps);
        assertThat(vps.sharedAddresses()).isTrue();
        assertThat(vps.declaredAnswerTime()).isEqualTo(Duration.ofHours(72));
        assertThat(vps.declaredEmergencyAnswerTime()).isEqualTo(Duration.ofHours(8));
        assertThat(vps.offering(DataItem.IP_ASSIGNMENT))
                .contains(new ProviderServiceView.Offering(DataItem.IP_ASSIGNMENT, 365, LegalProcess.PROSECUTOR_ORDER));
        assertThat(vps.offering(DataItem.STORED_MESSAGES)).isEmpty();

        // Not a provider: refused, field by field.
        OrganisationView ngo = fixtures.organisation(OrganisationType.NGO_SOCIAL_SERVICE, "AL");
        assertThatThrownBy(() -> services.create(
                        DirectoryFixtures.OPERATOR,
                        ngo.id(),
                        new ProviderServiceCommand(
                                "X",
                                null,
                                "Y",
                                false,
                                List.of(new ProviderServiceCommand.Offering(DataItem.IP_ASSIGNMENT, -1, null)),
                                null,
                                null)))
                .isInstanceOfSatisfying(
                        ProblemException.class,
                        p -> assertThat(p.fieldProblems())
                                .extracting(ProblemException.FieldProblem::field)
                                .containsExactlyInAnyOrder(
                                        "organisation", "offerings[0].retentionDays", "offerings[0].legalProcess"));

        services.retire(admin.actor(), vps.id());
        assertThat(catalogue.servicesOf(provider.id())).isEmpty();
        assertThat(catalogue.service(vps.id())).isPresent();
    }

    @Test
    void contactPointsListTheVerifiedFirstAndOnlyOrganisationsThatAreNotSuspended() {
        OrganisationView a = fixtures.organisation(OrganisationType.LAW_ENFORCEMENT, "XK");
        OrganisationView b = fixtures.organisation(OrganisationType.LAW_ENFORCEMENT, "XK");
        ContactPointView fresh = fixtures.alwaysAvailable(a, ContactFunction.EMERGENCY_24_7, "Europe/Belgrade");
        ContactPointView stale = fixtures.alwaysAvailable(a, ContactFunction.EMERGENCY_24_7, "Europe/Belgrade");
        jdbc.sql("UPDATE contact_point SET last_verified = ?, verification_due = ? WHERE id = ?")
                .params(java.time.LocalDate.of(2020, 1, 1), java.time.LocalDate.of(2020, 5, 1), stale.id())
                .update();
        ContactPointView ofB = fixtures.alwaysAvailable(b, ContactFunction.EMERGENCY_24_7, "Europe/Belgrade");

        assertThat(contactPoints.of(a.id(), ContactFunction.EMERGENCY_24_7))
                .extracting(ContactPointView::id, ContactPointView::overdue)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(fresh.id(), false),
                        org.assertj.core.groups.Tuple.tuple(stale.id(), true));
        assertThat(contactPoints.inCountry("XK", ContactFunction.EMERGENCY_24_7))
                .extracting(ContactPointView::id)
                .containsExactlyInAnyOrder(fresh.id(), stale.id(), ofB.id());

        directory.suspend(DirectoryFixtures.OPERATOR, b.id(), "Test");
        assertThat(contactPoints.inCountry("xk", ContactFunction.EMERGENCY_24_7))
                .extracting(ContactPointView::id)
                .containsExactlyInAnyOrder(fresh.id(), stale.id());
        assertThat(contactPoints.of(a.id(), ContactFunction.LEGAL_REQUESTS)).isEmpty();
    }

    private String forge(SigningKeys.SigningKey key, UUID org, Instant at, byte[] payload) {
        return forgeWithKid(key.kid(), key, org, at, payload);
    }

    private String forgeWithKid(String kid, SigningKeys.SigningKey key, UUID org, Instant at, byte[] payload) {
        String header = Es256.base64url(bytes("{\"alg\":\"ES256\",\"kid\":\"" + kid + "\",\"org\":\"" + org
                + "\",\"iat\":" + at.getEpochSecond() + "}"));
        byte[] input = bytes(header + "." + Es256.base64url(payload));
        return header + ".." + Es256.base64url(Es256.sign(keys.privateKey(key), input));
    }

    private int contactRows(UUID organisation) {
        return jdbc.sql("SELECT COUNT(*) FROM contact_point WHERE organisation_id = ?")
                .param(organisation)
                .query(Integer.class)
                .single();
    }

    private int deniedOrRecorded(String action, UUID organisation) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_entries WHERE action = ? AND subject_org_id = ?")
                .params(action, organisation)
                .query(Integer.class)
                .single();
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
