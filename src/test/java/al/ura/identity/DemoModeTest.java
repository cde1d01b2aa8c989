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

        loaders.stream().sorted(Comparator.comparingInt(DemoLoader::order)).forEach(DemoLoader::load);

        assertThat(count("SELECT COUNT(*) FROM app_user")).isEqualTo(users);
        assertThat(count("SELECT COUNT(*) FROM api_token")).isEqualTo(tokens);
        assertThat(count("SELECT COUNT(*) FROM organisation")).isEqualTo(organisations);
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
