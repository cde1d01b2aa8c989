package al.ura.identity;

import static org.assertj.core.api.Assertions.assertThat;

import al.ura.directory.OrganisationDirectory;
import al.ura.kernel.DemoLoader;
import al.ura.testing.DatabaseTest;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * Demo mode on a fresh database: every demo organisation, person and token the README lists is
 * there after start, the tokens read the API for their own organisation, and loading again (a
 * restart, or a second node) adds nothing.
 */
@DatabaseTest
@TestPropertySource(properties = {"ura.demo.enabled=true", "ura.test.isolation=demo"})
class DemoModeTest {

    @Autowired
    OrganisationDirectory directory;

    @Autowired
    DemoData demo;

    @Autowired
    List<DemoLoader> loaders;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvcTester mvc;

    @Test
    void everyDemoLoginAndTokenExistsAndLoadingTwiceAddsNothing() {
        List<String> people = demo.people().stream().map(p -> p.email()).toList();
        assertThat(people).contains("admin@aksk.example", "oficer@policia.example", "admin@netdrita.example");
        for (String email : people) {
            assertThat(count("SELECT COUNT(*) FROM app_user WHERE email = '" + email + "' AND demo = TRUE"))
                    .as(email)
                    .isEqualTo(1);
        }
        long users = count("SELECT COUNT(*) FROM app_user");
        long tokens = count("SELECT COUNT(*) FROM api_token");
        long organisations = count("SELECT COUNT(*) FROM organisation");
        long requests = count("SELECT COUNT(*) FROM legal_request");
        long submissions = count("SELECT COUNT(*) FROM progress_submission");
        // A year of legal requests in every state, and the strategy with a published and an open cycle.
        assertThat(requests).isGreaterThan(60);
        for (String status : List.of(
                "DRAFT",
                "AWAITING_AUTHORISATION",
                "SUBMITTED",
                "RECEIVED",
                "ACKNOWLEDGED",
                "CLARIFICATION_REQUESTED",
                "IN_PROGRESS",
                "ANSWERED_FULL",
                "ANSWERED_PART",
                "REFUSED",
                "IMPOSSIBLE",
                "CLOSED",
                "WITHDRAWN")) {
            assertThat(count("SELECT COUNT(*) FROM legal_request WHERE status = '" + status + "'"))
                    .as(status)
                    .isPositive();
        }
        for (String state : List.of("ACTIVE", "LAPSED", "RELEASED", "CONVERTED")) {
            assertThat(count("SELECT COUNT(*) FROM legal_request WHERE preservation_state = '" + state + "'"))
                    .as(state)
                    .isPositive();
        }
        assertThat(count("SELECT COUNT(*) FROM oral_request WHERE escalated_at IS NOT NULL"))
                .isPositive();
        assertThat(count("SELECT COUNT(*) FROM legal_request WHERE signature IS NOT NULL"))
                .isGreaterThan(50);
        assertThat(count("SELECT COUNT(*) FROM strategy_measure")).isEqualTo(48);
        assertThat(count("SELECT COUNT(*) FROM strategy_objective")).isEqualTo(14);
        assertThat(count("SELECT COUNT(*) FROM reporting_period WHERE status = 'PUBLISHED'"))
                .isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM reporting_period WHERE status = 'OPEN'"))
                .isEqualTo(1);

        loaders.stream().sorted(Comparator.comparingInt(DemoLoader::order)).forEach(DemoLoader::load);

        assertThat(count("SELECT COUNT(*) FROM app_user")).isEqualTo(users);
        assertThat(count("SELECT COUNT(*) FROM api_token")).isEqualTo(tokens);
        assertThat(count("SELECT COUNT(*) FROM organisation")).isEqualTo(organisations);
        assertThat(count("SELECT COUNT(*) FROM legal_request")).isEqualTo(requests);
        assertThat(count("SELECT COUNT(*) FROM progress_submission")).isEqualTo(submissions);
        assertThat(demo.tokens()).isNotEmpty();
        for (DemoData.DemoToken token : demo.tokens()) {
            String own = directory
                    .findByShortName(token.organisation())
                    .orElseThrow()
                    .id()
                    .toString();
            assertThat(mvc.get()
                            .uri("/api/v1/me")
                            .header("Authorization", "Bearer " + token.token())
                            .exchange())
                    .as(token.organisation())
                    .hasStatusOk()
                    .bodyJson()
                    .extractingPath("$.organisationId")
                    .isEqualTo(own);
        }
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }
}
