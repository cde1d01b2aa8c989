package al.ura.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * On the PostgreSQL run: with no server reachable, the tests are skipped with a visible message on
 * a developer's machine, and fail in CI ({@code CI=true}), where PostgreSQL is mandatory.
 */
public class PostgresAvailability implements ExecutionCondition {

    private static volatile @Nullable Boolean reachable;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (!TestDatabaseEnvironment.postgres()) {
            return ConditionEvaluationResult.enabled("H2 run");
        }
        if (reachable()) {
            return ConditionEvaluationResult.enabled("PostgreSQL is reachable");
        }
        String message = "PostgreSQL at " + TestDatabaseEnvironment.POSTGRES_URL + " is not reachable";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            throw new IllegalStateException(message + ": in CI the PostgreSQL tests are mandatory");
        }
        System.err.println("*** SKIPPED on PostgreSQL: " + context.getDisplayName() + " (" + message + ") ***");
        return ConditionEvaluationResult.disabled(message);
    }

    private static boolean reachable() {
        if (reachable == null) {
            try (Connection connection = DriverManager.getConnection(
                    TestDatabaseEnvironment.POSTGRES_URL, TestDatabaseEnvironment.POSTGRES_USER, "")) {
                reachable = connection.isValid(2);
            } catch (SQLException e) {
                reachable = false;
            }
        }
        return reachable;
    }
}
