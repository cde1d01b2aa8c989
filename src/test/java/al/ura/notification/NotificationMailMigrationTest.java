package al.ura.notification;

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
 * E-mails that were still waiting in the event publication registry before V401 (the mail server
 * was down) become due in the notification table; nothing else changes.
 */
@Tag("db")
@ExtendWith(PostgresAvailability.class)
class NotificationMailMigrationTest {

    private static final OffsetDateTime AT =
            OffsetDateTime.ofInstant(Instant.parse("2026-11-01T08:00:00.123456Z"), ZoneOffset.UTC);
    private static final String MAILER =
            "al.ura.notification.NotificationMailer.on(al.ura.notification.NotificationPosted)";

    @Test
    void anEmailStillWaitingInTheRegistryBecomesDueAndItsPublicationGoes() {
        DataSource dataSource = TestDatabaseEnvironment.freshDatabase();
        Flyway.configure()
                .dataSource(dataSource)
                .locations(TestDatabaseEnvironment.migrationLocations())
                .target("400")
                .load()
                .migrate();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        UUID organisation = UUID.randomUUID();
        jdbc.sql("INSERT INTO organisation (id, short_name, name_sq, name_en, type, country, status, created_at,"
                        + " updated_at) VALUES (?, 'M1', 'M1', 'M1', 'LAW_ENFORCEMENT', 'AL', 'ACTIVE', ?, ?)")
                .params(organisation, AT, AT)
                .update();
        UUID user = UUID.randomUUID();
        jdbc.sql("INSERT INTO app_user (id, organisation_id, email, display_name, kind, status, created_at, updated_at)"
                        + " VALUES (?, ?, 'a@m1.example', 'A', 'PERSON', 'ACTIVE', ?, ?)")
                .params(user, organisation, AT, AT)
                .update();
        UUID waiting = notification(jdbc, user);
        UUID mailed = notification(jdbc, user);
        UUID welcome = UUID.randomUUID();
        publication(jdbc, MAILER, waiting, user, null);
        publication(jdbc, MAILER, mailed, user, AT);
        publication(jdbc, "al.ura.notification.WelcomeNotifier.on(al.ura.identity.UserJoined)", welcome, user, null);

        Flyway.configure()
                .dataSource(dataSource)
                .locations(TestDatabaseEnvironment.migrationLocations())
                .load()
                .migrate();

        assertThat(mailDue(jdbc, waiting)).isEqualTo(AT);
        assertThat(mailDue(jdbc, mailed)).isNull();
        assertThat(jdbc.sql("SELECT listener_id FROM event_publication WHERE completion_date IS NULL")
                        .query(String.class)
                        .list())
                .containsExactly("al.ura.notification.WelcomeNotifier.on(al.ura.identity.UserJoined)");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NOT NULL")
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    private static UUID notification(JdbcClient jdbc, UUID user) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO notification (id, user_id, message_key, arguments, link, created_at)"
                        + " VALUES (?, ?, 'notification.welcome', '', '/account', ?)")
                .params(id, user, AT)
                .update();
        return id;
    }

    private static void publication(
            JdbcClient jdbc, String listener, UUID notification, UUID user, @Nullable OffsetDateTime completed) {
        jdbc.sql("INSERT INTO event_publication (id, listener_id, event_type, serialized_event, publication_date,"
                        + " completion_date) VALUES (?, ?, 'al.ura.notification.NotificationPosted', ?, ?, ?)")
                .params(
                        UUID.randomUUID(),
                        listener,
                        "{\"notificationId\":\"" + notification + "\",\"userId\":\"" + user + "\"}",
                        AT,
                        completed)
                .update();
    }

    private static @Nullable OffsetDateTime mailDue(JdbcClient jdbc, UUID id) {
        return jdbc.sql("SELECT mail_due_at FROM notification WHERE id = ?")
                .param(id)
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class))
                .list()
                .getFirst();
    }
}
