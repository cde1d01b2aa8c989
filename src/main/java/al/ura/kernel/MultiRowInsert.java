package al.ura.kernel;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Inserts many rows with one statement per hundred ({@code INSERT ... VALUES (...), (...)}), which
 * both databases take: one round trip and one statement for the server to run, where a JDBC batch
 * is still one statement a row for PostgreSQL.
 */
public final class MultiRowInsert {

    static final int ROWS_PER_STATEMENT = 100;

    private MultiRowInsert() {}

    /**
     * {@code insertInto} is the statement up to {@code VALUES}, e.g. {@code INSERT INTO t (a, b)};
     * {@code values} gives one row's values in the order of its columns.
     */
    public static <T> void insert(
            JdbcTemplate jdbc, String insertInto, int columns, List<T> rows, Function<T, List<?>> values) {
        String row = "(" + "?, ".repeat(columns - 1) + "?)";
        for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
            List<T> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT));
            StringBuilder sql = new StringBuilder(insertInto).append(" VALUES ");
            List<Object> parameters = new ArrayList<>(chunk.size() * columns);
            for (T item : chunk) {
                List<?> rowValues = values.apply(item);
                if (rowValues.size() != columns) {
                    throw new IllegalArgumentException(
                            "a row of " + rowValues.size() + " values for " + columns + " columns");
                }
                sql.append(parameters.isEmpty() ? "" : ", ").append(row);
                parameters.addAll(rowValues);
            }
            jdbc.update(sql.toString(), parameters.toArray());
        }
    }
}
