package al.ura.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Points every test application context at a database of its own: a fresh in-memory H2, or a fresh
 * schema in the PostgreSQL server on 127.0.0.1:5432 when the build runs the tests with
 * {@code -Dura.test.db=postgres}. Schemas are dropped when the test JVM ends.
 */
public class TestDatabaseEnvironment implements EnvironmentPostProcessor {

    public static final String POSTGRES_URL =
            System.getProperty("ura.test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");
    public static final String POSTGRES_USER = System.getProperty("ura.test.postgres.user", "postgres");
    private static final List<String> CREATED = new CopyOnWriteArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(TestDatabaseEnvironment::dropSchemas));
    }

    public static boolean postgres() {
        return "postgres".equals(System.getProperty("ura.test.db", "h2"));
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (!isTestRun()) {
            return;
        }
        Map<String, Object> properties = new HashMap<>();
        if (postgres()) {
            String schema = newSchema("ura_t_");
            properties.put("spring.datasource.url", urlOf(schema));
            properties.put("spring.datasource.username", POSTGRES_USER);
            properties.put("spring.datasource.password", "");
            properties.put("spring.flyway.schemas", schema);
            properties.put("spring.flyway.default-schema", schema);
        } else {
            properties.put(
                    "spring.datasource.url",
                    "jdbc:h2:mem:ura-" + UUID.randomUUID()
                            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
            properties.put("spring.datasource.username", "sa");
            properties.put("spring.datasource.password", "");
        }
        properties.put("spring.datasource.hikari.maximum-pool-size", "12");
        properties.put("ura.files-dir", "target/test-files/" + UUID.randomUUID());
        environment.getPropertySources().addFirst(new MapPropertySource("ura-test-database", properties));
    }

    /**
     * A database of its own outside any Spring context, for tests that drive migrations themselves:
     * a fresh in-memory H2, or a fresh PostgreSQL schema on the PostgreSQL run.
     */
    public static javax.sql.DataSource freshDatabase() {
        if (postgres()) {
            return new org.springframework.jdbc.datasource.DriverManagerDataSource(
                    urlOf(newSchema("ura_m_")), POSTGRES_USER, "");
        }
        return new org.springframework.jdbc.datasource.DriverManagerDataSource(
                "jdbc:h2:mem:ura-m-" + UUID.randomUUID()
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1",
                "sa",
                "");
    }

    /** Flyway's locations for the database the tests run on, as the application configures them. */
    public static String[] migrationLocations() {
        return new String[] {
            "classpath:db/migration/common", "classpath:db/migration/" + (postgres() ? "postgresql" : "h2")
        };
    }

    /** Only inside the test JVM: Surefire sets this property for every run. */
    private static boolean isTestRun() {
        return System.getProperty("ura.test.db") != null;
    }

    /** Creates a schema with a fresh random name, dropped when the test JVM ends. */
    private static String newSchema(String prefix) {
        String schema = prefix
                + UUID.randomUUID().toString().replace("-", "").substring(0, 16).toLowerCase(Locale.ROOT);
        createSchema(schema);
        return schema;
    }

    private static String urlOf(String schema) {
        return POSTGRES_URL + (POSTGRES_URL.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    private static void createSchema(String schema) {
        try (Connection connection = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, "");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA " + schema);
            CREATED.add(schema);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create a test schema in PostgreSQL at " + POSTGRES_URL, e);
        }
    }

    private static void dropSchemas() {
        if (CREATED.isEmpty()) {
            return;
        }
        if (Boolean.getBoolean("ura.test.keep-schemas")) {
            // For looking at a benchmark's data afterwards (EXPLAIN, pg_stat_statements); drop them by hand.
            System.err.println("Test schemas kept (-Dura.test.keep-schemas): " + CREATED);
            return;
        }
        try (Connection connection = DriverManager.getConnection(POSTGRES_URL, POSTGRES_USER, "");
                Statement statement = connection.createStatement()) {
            for (String schema : CREATED) {
                statement.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        } catch (SQLException e) {
            System.err.println("Could not drop the test schemas " + CREATED + ": " + e.getMessage());
        }
    }
}
