package al.ura.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import al.ura.directory.OrganisationView;
import al.ura.identity.IdentityFixtures;
import al.ura.testing.DatabaseTest;
import com.jayway.jsonpath.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Problems in the caller's language, Idempotency-Key, cursors, headers, health and metrics. */
@DatabaseTest
class ApiConventionsTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    IdentityFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Test
    void problemsComeInAlbanianByDefaultAndInEnglishOnRequest() throws Exception {
        OrganisationView organisation = fixtures.organisation();
        IdentityFixtures.TestUser admin = fixtures.user(organisation, IdentityFixtures.ORGANISATION_ADMIN);
        String body = "{\"email\":\"not-an-address\",\"displayName\":\"\"}";

        MvcTestResult albanian = invite(admin, organisation, body, null);
        MvcTestResult english = invite(admin, organisation, body, "en-GB,en;q=0.9");

        assertThat(albanian).hasStatus(400);
        assertThat(albanian.getResponse().getContentType()).startsWith("application/problem+json");
        String sq = albanian.getResponse().getContentAsString(StandardCharsets.UTF_8);
        String en = english.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat((String) JsonPath.read(sq, "$.type"))
                .isEqualTo("/problems/validation")
                .isEqualTo(JsonPath.read(en, "$.type"));
        assertThat((String) JsonPath.read(sq, "$.title")).isEqualTo("Të dhëna të pavlefshme");
        assertThat((String) JsonPath.read(en, "$.title")).isEqualTo("Invalid input");
        List<String> sqFields = JsonPath.read(sq, "$.errors[*].field");
        assertThat(sqFields).containsExactlyInAnyOrder("email", "displayName");
        List<String> enMessages = JsonPath.read(en, "$.errors[*].message");
        assertThat(enMessages).contains("Enter a valid e-mail address.", "This field is required.");
        List<String> sqMessages = JsonPath.read(sq, "$.errors[*].message");
        assertThat(sqMessages).contains("Shkruani një adresë e-maili të vlefshme.");
        assertThat(count("SELECT COUNT(*) FROM app_user WHERE email = 'not-an-address'"))
                .as("nothing saved")
                .isZero();
    }

    @Test
    void aRetriedPostWithTheSameIdempotencyKeyIsDoneOnce() throws Exception {
        OrganisationView organisation = fixtures.organisation();
        IdentityFixtures.TestUser admin = fixtures.user(organisation, IdentityFixtures.ORGANISATION_ADMIN);
        String key = UUID.randomUUID().toString();
        String name = "Client " + key.substring(0, 8);

        MvcTestResult first = serviceAccount(admin, organisation, name, key);
        MvcTestResult retry = serviceAccount(admin, organisation, name, key);
        MvcTestResult reused = serviceAccount(admin, organisation, name + " other", key);

        assertThat(first).hasStatus(201);
        assertThat(retry).hasStatus(201);
        assertThat(retry).headers().hasValue("Idempotent-Replayed", "true");
        assertThat(retry.getResponse().getContentAsString())
                .isEqualTo(first.getResponse().getContentAsString());
        assertThat(reused).hasStatus(422);
        assertThat(reused).bodyJson().extractingPath("$.type").isEqualTo("/problems/idempotency-key-reused");
        assertThat(count("SELECT COUNT(*) FROM app_user WHERE display_name = '" + name + "'"))
                .isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM app_user WHERE display_name = '" + name + " other'"))
                .isZero();
    }

    @Test
    void cursorPagesWalkEveryUserExactlyOnce() {
        OrganisationView organisation = fixtures.organisation();
        IdentityFixtures.TestUser admin = fixtures.user(organisation, IdentityFixtures.ORGANISATION_ADMIN);
        for (int i = 0; i < 4; i++) {
            fixtures.user(organisation);
        }
        Set<String> seen = new HashSet<>();
        String cursor = null;
        int pages = 0;
        do {
            MvcTestResult page = mvc.get()
                    .uri(
                            "/api/v1/organisations/{id}/users?limit=2" + (cursor == null ? "" : "&cursor=" + cursor),
                            organisation.id())
                    .with(authentication(admin.authentication()))
                    .exchange();
            assertThat(page).hasStatusOk();
            String json = contentOf(page);
            List<String> ids = JsonPath.read(json, "$.items[*].id");
            assertThat(ids).allMatch(seen::add);
            cursor = JsonPath.<List<String>>read(json, "$..nextCursor").stream()
                    .findFirst()
                    .orElse(null);
            pages++;
        } while (cursor != null);
        assertThat(seen).hasSize(5);
        assertThat(pages).isEqualTo(3);
        assertThat(mvc.get()
                        .uri("/api/v1/organisations/{id}/users?cursor=garbage", organisation.id())
                        .with(authentication(admin.authentication()))
                        .exchange())
                .hasStatus(400);
    }

    @Test
    void pagesAndApiCarryStrictSecurityHeaders() {
        for (MvcTestResult response : List.of(
                mvc.get().uri("/login").exchange(), mvc.get().uri("/api/v1/me").exchange())) {
            String csp = response.getResponse().getHeader("Content-Security-Policy");
            assertThat(csp)
                    .contains("script-src 'self'", "frame-ancestors 'none'")
                    .doesNotContain("unsafe-inline", "unsafe-eval");
            assertThat(response)
                    .headers()
                    .hasValue("X-Frame-Options", "DENY")
                    .hasValue("Referrer-Policy", "no-referrer");
        }
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefused() {
        IdentityFixtures.TestUser member = fixtures.user(fixtures.organisation());
        assertThat(mvc.post()
                        .uri("/account/logout-everywhere")
                        .with(authentication(member.authentication()))
                        .exchange())
                .hasStatus(403);
    }

    @Test
    void healthSaysUpWithoutInternalsAndMetricsNeedThePermission() {
        MvcTestResult health = mvc.get().uri("/actuator/health").exchange();
        assertThat(health).hasStatusOk();
        assertThat(health).bodyJson().extractingPath("$.status").isEqualTo("UP");
        assertThat(health).bodyJson().doesNotHavePath("$.components");

        assertThat(mvc.get().uri("/actuator/prometheus").exchange()).hasStatus(401);
        IdentityFixtures.TestUser member = fixtures.user(fixtures.organisation());
        assertThat(mvc.get()
                        .uri("/actuator/prometheus")
                        .with(authentication(member.authentication()))
                        .exchange())
                .hasStatus(403);
        IdentityFixtures.TestUser operator = fixtures.user(fixtures.organisation(), IdentityFixtures.PLATFORM_ADMIN);
        MvcTestResult metrics = mvc.get()
                .uri("/actuator/prometheus")
                .with(authentication(operator.authentication()))
                .exchange();
        assertThat(metrics).hasStatusOk();
        assertThat(metrics).bodyText().contains("jvm_memory_used_bytes");
    }

    @Test
    void theOpenApiDocumentDescribesTheApi() {
        MvcTestResult api = mvc.get().uri("/api/v1/openapi.json").exchange();
        assertThat(api).hasStatusOk();
        assertThat(api).bodyJson().extractingPath("$.info.title").isEqualTo("Ura API");
        assertThat(api)
                .bodyJson()
                .extractingPath("$.paths['/api/v1/audit/verification'].get")
                .isNotNull();
    }

    private MvcTestResult invite(
            IdentityFixtures.TestUser admin,
            OrganisationView organisation,
            String body,
            @org.jspecify.annotations.Nullable String language) {
        var request = mvc.post()
                .uri("/api/v1/organisations/{id}/users", organisation.id())
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .with(authentication(admin.authentication()))
                .with(csrf());
        if (language != null) {
            request = request.header("Accept-Language", language);
        }
        return request.exchange();
    }

    private MvcTestResult serviceAccount(
            IdentityFixtures.TestUser admin, OrganisationView organisation, String name, String key) {
        return mvc.post()
                .uri("/api/v1/organisations/{id}/service-accounts", organisation.id())
                .header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"" + name + "\"}")
                .with(authentication(admin.authentication()))
                .with(csrf())
                .exchange();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static String contentOf(MvcTestResult result) {
        try {
            return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
        } catch (java.io.UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
