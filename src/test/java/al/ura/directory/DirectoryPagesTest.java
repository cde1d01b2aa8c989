package al.ura.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import al.ura.identity.IdentityFixtures;
import al.ura.testing.DatabaseTest;
import jakarta.servlet.http.Cookie;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** The directory's pages for an organisation's administrator and the operator, in Albanian and English. */
@DatabaseTest
class DirectoryPagesTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    IdentityFixtures people;

    @Autowired
    DirectoryFixtures fixtures;

    @Autowired
    ReachabilityChecks checks;

    @Autowired
    ProviderServices services;

    @Autowired
    JdbcClient jdbc;

    @ParameterizedTest
    @ValueSource(strings = {"sq", "en"})
    void everyDirectoryPageRendersForItsReaders(String language) {
        boolean english = "en".equals(language);
        OrganisationView provider = fixtures.organisation(OrganisationType.PROVIDER_ELECTRONIC_COMMUNICATIONS, "AL");
        IdentityFixtures.TestUser admin = people.user(provider, IdentityFixtures.ORGANISATION_ADMIN);
        IdentityFixtures.TestUser operator = people.user(people.organisation(), IdentityFixtures.PLATFORM_ADMIN);
        ContactPointView desk = fixtures.alwaysAvailable(provider, ContactFunction.EMERGENCY_24_7, "Europe/Tirane");
        ProviderServiceView service = services.create(
                admin.actor(),
                provider.id(),
                new ProviderServiceCommand(
                        "Mobile internet",
                        null,
                        "4G",
                        true,
                        List.of(new ProviderServiceCommand.Offering(
                                DataItem.IP_ASSIGNMENT, 365, LegalProcess.PROSECUTOR_ORDER)),
                        72,
                        8));
        ReachabilityCheckView check = checks.start(operator.actor(), desk.id());

        Map<String, String> adminPages = Map.of(
                "/directory?country=AL&function=EMERGENCY_24_7&availableNow=true",
                english ? "Directory of organisations" : "Drejtoria e organizatave",
                "/directory/organisations/" + provider.id(),
                provider.nameEn().equals(provider.name(java.util.Locale.ENGLISH)) && english
                        ? provider.nameEn()
                        : english ? provider.nameEn() : provider.nameSq(),
                "/directory/organisations/" + provider.id() + "/edit",
                english ? "Profile of" : "Profili i",
                "/directory/organisations/" + provider.id() + "/contacts/new",
                english ? "Contact point" : "Pikë kontakti",
                "/directory/contacts/" + desk.id(),
                desk.name(),
                "/directory/contacts/" + desk.id() + "/edit",
                english ? "Contact point" : "Pikë kontakti",
                "/directory/organisations/" + provider.id() + "/services/new",
                english ? "Service" : "Shërbim",
                "/directory/services/" + service.id() + "/edit",
                english ? "Service" : "Shërbim",
                "/directory/organisations/" + provider.id() + "/history",
                english ? "Change history" : "Historiku i ndryshimeve",
                "/directory/checks/" + check.id(),
                english ? "24/7 reachability check" : "Kontroll i arritshmërisë 24/7");
        for (Map.Entry<String, String> page : adminPages.entrySet()) {
            MvcTestResult result = mvc.get()
                    .uri(page.getKey())
                    .cookie(new Cookie("ura-lang", language))
                    .with(authentication(admin.authentication()))
                    .exchange();
            assertThat(result).as(page.getKey()).hasStatusOk();
            assertThat(result).as(page.getKey()).bodyText().contains("<h1>" + page.getValue());
        }
        MvcTestResult organisationPage = mvc.get()
                .uri("/directory/organisations/{id}", provider.id())
                .cookie(new Cookie("ura-lang", language))
                .with(authentication(operator.authentication()))
                .exchange();
        assertThat(organisationPage)
                .bodyText()
                .contains(english ? "Suspend the organisation" : "Pezullo organizatën")
                .contains(english ? "Public IP addresses are shared" : "Adresat IP publike ndahen")
                .contains(desk.email());
        MvcTestResult list = mvc.get()
                .uri("/directory/contact-list?country=AL&function=EMERGENCY_24_7")
                .cookie(new Cookie("ura-lang", language))
                .with(authentication(admin.authentication()))
                .exchange();
        assertThat(list).hasStatusOk();
        assertThat(list)
                .bodyText()
                .contains(desk.email())
                .contains(english ? "Responsible body" : "Institucioni përgjegjës");
    }

    @org.junit.jupiter.api.Test
    void aContactWithAnEmailOffTheOfficialDomainsIsShownAgainWithTheErrorNextToTheField() {
        OrganisationView organisation = fixtures.organisation();
        IdentityFixtures.TestUser admin = people.user(organisation, IdentityFixtures.ORGANISATION_ADMIN);

        MvcTestResult result = mvc.post()
                .uri("/directory/organisations/{id}/contacts", organisation.id())
                .with(authentication(admin.authentication()))
                .with(csrf())
                .cookie(new Cookie("ura-lang", "en"))
                .param("function", "LEGAL_REQUESTS")
                .param("kind", "DESK")
                .param("name", "Compliance")
                .param("phones", "+355 4 555 0100")
                .param("email", "someone@mail.example")
                .param("languages", "sq, en")
                .param("timeZone", "Europe/Tirane")
                .param("from_MONDAY", "08:00")
                .param("to_MONDAY", "16:00")
                .exchange();

        assertThat(result).hasStatus(422);
        assertThat(result)
                .bodyText()
                .contains("id=\"email-error\"")
                .contains("must be on one of the organisation&#39;s official domains")
                .contains("value=\"someone@mail.example\"")
                .contains("value=\"Compliance\"");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM contact_point WHERE organisation_id = ?")
                        .param(organisation.id())
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @org.junit.jupiter.api.Test
    void aPublishedDocumentIsDownloadedByAnyReaderAndEachDownloadIsInTheLedger() {
        OrganisationView organisation = fixtures.organisation();
        IdentityFixtures.TestUser admin = people.user(organisation, IdentityFixtures.ORGANISATION_ADMIN);
        IdentityFixtures.TestUser reader = people.user(people.organisation());
        byte[] text = "Procedura e bashkëpunimit\n".getBytes(StandardCharsets.UTF_8);

        MvcTestResult published = mvc.post()
                .uri("/api/v1/directory/organisations/{id}/documents", organisation.id())
                .multipart()
                .file(new MockMultipartFile("file", "procedura.txt", "text/plain", text))
                .param("title", "Procedura")
                .param("language", "sq")
                .with(authentication(admin.authentication()))
                .with(csrf())
                .exchange();
        assertThat(published).hasStatus(201);
        String id = jdbc.sql("SELECT CAST(id AS VARCHAR(36)) FROM organisation_document WHERE organisation_id = ?")
                .param(organisation.id())
                .query(String.class)
                .single();

        MvcTestResult download = mvc.get()
                .uri("/directory/documents/{id}", id)
                .with(authentication(reader.authentication()))
                .exchange();

        assertThat(download).hasStatusOk();
        assertThat(download.getResponse().getContentAsByteArray()).isEqualTo(text);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_entries WHERE action = 'directory.document.downloaded'"
                                + " AND object_id = ? AND actor_user_id = ?")
                        .params(id, reader.id())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        // Someone else's administrator cannot withdraw it.
        assertThat(mvc.delete()
                        .uri("/api/v1/directory/documents/{id}", id)
                        .with(authentication(reader.authentication()))
                        .with(csrf())
                        .exchange())
                .hasStatus(403);
        assertThat(UUID.fromString(id)).isNotNull();
    }

    @org.junit.jupiter.api.Test
    void theContactListIsACsvInTheAnnexShape() {
        OrganisationView ngo = fixtures.organisation(OrganisationType.NGO_SOCIAL_SERVICE, "XW");
        fixtures.officeHours(ngo, ContactFunction.CASE_REFERRAL, "Europe/Tirane", List.of("sq"));
        IdentityFixtures.TestUser reader = people.user(people.organisation());

        MvcTestResult csv = mvc.get()
                .uri("/api/v1/directory/contact-list.csv?country=XW&function=CASE_REFERRAL")
                .header("Accept-Language", "en")
                .with(authentication(reader.authentication()))
                .exchange();

        assertThat(csv).hasStatusOk();
        String body = new String(csv.getResponse().getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(body)
                .startsWith("\ufeff\"Function / measure\",\"Responsible body\",\"Contact\"")
                .contains("\"Case referral focal point\",\"" + ngo.nameEn() + " (" + ngo.shortName() + ")\"")
                .contains("Monday 08:00–16:00");
    }
}
