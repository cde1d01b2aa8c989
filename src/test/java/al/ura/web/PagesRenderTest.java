package al.ura.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

import al.ura.identity.IdentityFixtures;
import al.ura.notification.Notifications;
import al.ura.notification.PostNotification;
import al.ura.requests.RequestFixtures;
import al.ura.testing.DatabaseTest;
import jakarta.servlet.http.Cookie;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Every page renders for the people who may see it, in Albanian and in English, with its own heading. */
@DatabaseTest
class PagesRenderTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    IdentityFixtures fixtures;

    @Autowired
    Notifications notifications;

    @Autowired
    RequestFixtures requestFixtures;

    @ParameterizedTest
    @ValueSource(strings = {"sq", "en"})
    void everyPageRendersInBothLanguages(String language) {
        var organisation = fixtures.organisation();
        IdentityFixtures.TestUser operator =
                fixtures.user(organisation, IdentityFixtures.PLATFORM_ADMIN, IdentityFixtures.AUDITOR);
        IdentityFixtures.TestUser colleague = fixtures.user(organisation, IdentityFixtures.AUDITOR);
        notifications.post(new PostNotification(operator.id(), "notification.welcome", List.of(), "/account"));
        boolean english = "en".equals(language);
        Map<String, String> headings = Map.of(
                "/",
                english ? "Welcome" : "Mirë se vini",
                "/directory",
                english ? "Directory of organisations" : "Drejtoria e organizatave",
                "/admin/users",
                english ? "Users of" : "Përdoruesit e",
                "/admin/users/" + colleague.id(),
                "Test User",
                "/admin/tokens",
                english ? "API tokens" : "Tokenat API",
                "/admin/organisations/new",
                english ? "Onboard an organisation" : "Regjistro një organizatë",
                "/audit",
                english ? "Audit ledger" : "Regjistri i auditimit",
                "/notifications",
                english ? "Notifications" : "Njoftimet",
                "/account",
                english ? "My account" : "Llogaria ime",
                "/api",
                english ? "Ura&#39;s API" : "API e Ura-s");
        for (Map.Entry<String, String> page : headings.entrySet()) {
            MvcTestResult result = mvc.get()
                    .uri(page.getKey())
                    .cookie(new Cookie("ura-lang", language))
                    .with(authentication(operator.authentication()))
                    .exchange();
            assertThat(result).as(page.getKey()).hasStatusOk();
            assertThat(result)
                    .as(page.getKey())
                    .bodyText()
                    .contains("<h1>" + page.getValue())
                    .contains("lang=\"" + language + "\"");
        }
        MvcTestResult problems = mvc.get()
                .uri("/problems")
                .cookie(new Cookie("ura-lang", language))
                .exchange();
        assertThat(problems).hasStatusOk();
        assertThat(problems).bodyText().contains(english ? "Invalid input" : "Të dhëna të pavlefshme");
    }

    /** The legal requests' pages, for the people of the two sides who may see them. */
    @ParameterizedTest
    @ValueSource(strings = {"sq", "en"})
    void theRequestPagesRenderInBothLanguages(String language) {
        boolean english = "en".equals(language);
        RequestFixtures.World world = requestFixtures.world();
        var submitted = requestFixtures.submitted(world);
        Map<String, String> officer = Map.of(
                "/requests",
                english ? "Legal requests" : "Kërkesat ligjore",
                "/requests/new",
                english ? "New legal request" : "Kërkesë e re ligjore",
                "/requests/" + submitted.id(),
                (english ? "Request " : "Kërkesa ") + submitted.reference(),
                "/requests/oral/new",
                english ? "Log an oral emergency" : "Regjistro një emergjencë me telefon",
                "/requests/statistics",
                english ? "Legal request statistics" : "Statistikat e kërkesave ligjore");
        Map<String, String> provider = Map.of(
                "/requests",
                english ? "Legal requests" : "Kërkesat ligjore",
                "/requests/" + submitted.id(),
                (english ? "Request " : "Kërkesa ") + submitted.reference(),
                "/requests/transparency",
                english ? "Transparency report" : "Raporti i transparencës");
        for (var pages : List.of(Map.entry(world.officer(), officer), Map.entry(world.compliance(), provider))) {
            for (Map.Entry<String, String> page : pages.getValue().entrySet()) {
                MvcTestResult result = mvc.get()
                        .uri(page.getKey())
                        .cookie(new Cookie("ura-lang", language))
                        .with(authentication(pages.getKey().authentication()))
                        .exchange();
                assertThat(result).as(page.getKey()).hasStatusOk();
                assertThat(result)
                        .as(page.getKey())
                        .bodyText()
                        .contains("<h1>" + page.getValue())
                        .contains("lang=\"" + language + "\"");
            }
        }
    }

    @org.junit.jupiter.api.Test
    void theLedgerPageNamesWhoActed() {
        IdentityFixtures.TestUser admin = fixtures.user(fixtures.organisation(), IdentityFixtures.ORGANISATION_ADMIN);
        // Reading the ledger is itself recorded, so the second visit lists the first one's reader.
        mvc.get().uri("/audit").with(authentication(admin.authentication())).exchange();

        MvcTestResult ledger = mvc.get()
                .uri("/audit")
                .with(authentication(admin.authentication()))
                .exchange();

        assertThat(ledger).hasStatusOk();
        assertThat(ledger).bodyText().contains(admin.actor().displayName()).doesNotContain("USER " + admin.id());
    }

    @ParameterizedTest
    @ValueSource(strings = {"sq", "en"})
    void aRefusedPageExplainsItselfInTheReadersLanguage(String language) {
        IdentityFixtures.TestUser member = fixtures.user(fixtures.organisation());

        MvcTestResult result = mvc.get()
                .uri("/audit")
                .cookie(new Cookie("ura-lang", language))
                .with(authentication(member.authentication()))
                .exchange();

        assertThat(result).hasStatus(403);
        assertThat(result).bodyText().contains("en".equals(language) ? "Access refused" : "Akses i refuzuar");
    }
}
