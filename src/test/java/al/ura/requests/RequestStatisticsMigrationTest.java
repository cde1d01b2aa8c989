package al.ura.requests;

import static org.assertj.core.api.Assertions.assertThat;

import al.ura.testing.PostgresAvailability;
import al.ura.testing.TestDatabaseEnvironment;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Requests stored before V602 get the columns the statistics read: their identifiers' data
 * categories, and on a preservation when the disclosure that follows it was sent.
 */
@Tag("db")
@ExtendWith(PostgresAvailability.class)
class RequestStatisticsMigrationTest {

    private static final OffsetDateTime AT =
            OffsetDateTime.ofInstant(Instant.parse("2026-11-01T08:00:00.123456Z"), ZoneOffset.UTC);

    @Test
    void storedRequestsGetTheirCategoriesAndFollowUps() {
        DataSource dataSource = TestDatabaseEnvironment.freshDatabase();
        Flyway.configure()
                .dataSource(dataSource)
                .locations(TestDatabaseEnvironment.migrationLocations())
                .target("601")
                .load()
                .migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        UUID organisation = UUID.randomUUID();
        jdbc.sql("INSERT INTO organisation (id, short_name, name_sq, name_en, type, country, status, created_at,"
                        + " updated_at) VALUES (?, 'M1', 'M1', 'M1', 'LAW_ENFORCEMENT', 'AL', 'ACTIVE', ?, ?)")
                .params(organisation, AT, AT)
                .update();
        UUID preservation = request(jdbc, organisation, "PRESERVATION", null, AT);
        UUID unfollowed = request(jdbc, organisation, "PRESERVATION", null, AT);
        UUID disclosure = request(jdbc, organisation, "DISCLOSURE_AFTER_PRESERVATION", preservation, AT.plusDays(3));
        UUID draft = request(jdbc, organisation, "DISCLOSURE_AFTER_PRESERVATION", unfollowed, null);
        identifier(jdbc, preservation, 0, "SUBSCRIBER_INFORMATION");
        identifier(jdbc, disclosure, 0, "TRAFFIC_DATA");
        identifier(jdbc, disclosure, 1, "IDENTIFICATION_DATA");
        identifier(jdbc, disclosure, 2, "TRAFFIC_DATA");

        Flyway.configure()
                .dataSource(dataSource)
                .locations(TestDatabaseEnvironment.migrationLocations())
                .load()
                .migrate();

        assertThat(column(jdbc, "data_categories", preservation)).isEqualTo(" SUBSCRIBER_INFORMATION ");
        assertThat(column(jdbc, "data_categories", disclosure)).isEqualTo(" IDENTIFICATION_DATA TRAFFIC_DATA ");
        assertThat(column(jdbc, "data_categories", draft)).isNull();
        assertThat(jdbc.sql("SELECT preservation_followed_at FROM legal_request WHERE id = ?")
                        .param(preservation)
                        .query(OffsetDateTime.class)
                        .single())
                .isEqualTo(AT.plusDays(3));
        assertThat(column(jdbc, "preservation_followed_at", unfollowed)).isNull();
        assertThat(column(jdbc, "preservation_followed_at", disclosure)).isNull();
    }

    private static UUID request(
            JdbcClient jdbc,
            UUID organisation,
            String type,
            @Nullable UUID preservation,
            @Nullable OffsetDateTime submitted) {
        UUID id = UUID.randomUUID();
        jdbc.sql(
                        "INSERT INTO legal_request (id, reference, request_type, status, requester_org_id, officer_id, priority,"
                                + " emergency, confidential, preservation_request_id, created_at, updated_at, submitted_at)"
                                + " VALUES (?, ?, ?, ?, ?, ?, 'NORMAL', FALSE, FALSE, ?, ?, ?, ?)")
                .params(
                        id,
                        "LR-M-" + id.toString().substring(0, 8),
                        type,
                        submitted == null ? "DRAFT" : "SUBMITTED",
                        organisation,
                        UUID.randomUUID(),
                        preservation,
                        AT,
                        AT,
                        submitted)
                .update();
        return id;
    }

    private static void identifier(JdbcClient jdbc, UUID request, int position, String category) {
        jdbc.sql(
                        "INSERT INTO request_identifier (request_id, position, kind, identifier, normalised, data_category,"
                                + " data_items) VALUES (?, ?, 'EMAIL', 'a@mail.example', 'a@mail.example', ?, 'SUBSCRIBER_IDENTITY')")
                .params(request, position, category)
                .update();
    }

    private static @Nullable String column(JdbcClient jdbc, String column, UUID id) {
        return jdbc.sql("SELECT CAST(" + column + " AS VARCHAR(200)) FROM legal_request WHERE id = ?")
                .param(id)
                .query(String.class)
                .list()
                .getFirst();
    }
}
