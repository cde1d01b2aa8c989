package al.ura.notification;

import static org.assertj.core.api.Assertions.assertThat;

import al.ura.identity.IdentityFixtures;
import al.ura.kernel.Notice;
import al.ura.testing.DatabaseTest;
import al.ura.testing.TestClock;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

/** With an SMTP server configured: notification e-mails are sent from the table, once, and retried. */
@DatabaseTest
@TestPropertySource(properties = {"spring.mail.host=smtp.test.example", "ura.notification.mail-interval=PT1H"})
@Import(NotificationMailTest.Outbox.class)
class NotificationMailTest {

    @Autowired
    NotificationMailer mailer;

    @Autowired
    Outbox outbox;

    @Autowired
    IdentityFixtures fixtures;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @BeforeEach
    void sendWhatEarlierTestsLeftDue() {
        outbox.down = false;
        mailer.sendDue();
        outbox.sent.clear();
    }

    @Test
    void eachPersonGetsOneEmailPerRoundInTheirLanguageWithOnlyALinkAndNeverTwice() {
        var organisation = fixtures.organisation();
        IdentityFixtures.TestUser albanian = fixtures.user(organisation, IdentityFixtures.ORGANISATION_ADMIN);
        IdentityFixtures.TestUser english = fixtures.user(organisation, IdentityFixtures.ORGANISATION_ADMIN);
        jdbc.sql("UPDATE app_user SET locale = 'en' WHERE id = ?")
                .param(english.id())
                .update();
        transaction.executeWithoutResult(status -> {
            events.publishEvent(Notice.toHolders(
                    organisation.id(),
                    "identity.users.manage",
                    "notification.welcome",
                    List.of("REF-0042"),
                    "/account"));
            events.publishEvent(Notice.toPerson(english.id(), "notification.welcome", List.of("REF-0043"), "/account"));
        });

        assertThat(mailer.sendDue()).isEqualTo(2);

        assertThat(outbox.sent).hasSize(2);
        SimpleMailMessage toAlbanian = outbox.to(albanian.email());
        assertThat(toAlbanian.getSubject()).isEqualTo("Ura: keni një njoftim të ri");
        assertThat(toAlbanian.getText())
                .startsWith("Keni një njoftim të ri në Ura.")
                .contains("http://localhost:8080/notifications")
                .doesNotContain("REF-0042");
        SimpleMailMessage toEnglish = outbox.to(english.email());
        assertThat(toEnglish.getSubject()).isEqualTo("Ura: you have 2 new notifications");
        assertThat(toEnglish.getText())
                .startsWith("You have 2 new notifications in Ura.")
                .doesNotContain("REF-0042")
                .doesNotContain("REF-0043");
        assertThat(mailedAt(english.id())).hasSize(2).doesNotContainNull();

        outbox.sent.clear();
        assertThat(mailer.sendDue()).isZero();
        assertThat(outbox.sent).isEmpty();
    }

    @Test
    void whenTheMailServerIsDownTheEmailStaysDueAndGoesOutOnALaterRound() {
        IdentityFixtures.TestUser reader = fixtures.user(fixtures.organisation());
        transaction.executeWithoutResult(status ->
                events.publishEvent(Notice.toPerson(reader.id(), "notification.welcome", List.of(), "/account")));
        outbox.down = true;

        assertThat(mailer.sendDue()).isZero();
        assertThat(attempts(reader.id())).isEqualTo(1);
        assertThat(mailer.sendDue()).as("not before the pause").isZero();
        assertThat(attempts(reader.id())).isEqualTo(1);

        outbox.down = false;
        clock.advance(Duration.ofMinutes(3));
        assertThat(mailer.sendDue()).isEqualTo(1);
        assertThat(outbox.to(reader.email())).isNotNull();
        assertThat(mailedAt(reader.id())).doesNotContainNull();
    }

    @Test
    void aServerThatStaysDownIsGivenUpOnAndTheNotificationStaysInUra() {
        IdentityFixtures.TestUser reader = fixtures.user(fixtures.organisation());
        transaction.executeWithoutResult(status ->
                events.publishEvent(Notice.toPerson(reader.id(), "notification.welcome", List.of(), "/account")));
        outbox.down = true;

        for (int round = 0; round < NotificationMailer.MAX_ATTEMPTS + 2; round++) {
            mailer.sendDue();
            clock.advance(Duration.ofDays(1));
        }

        assertThat(attempts(reader.id())).isEqualTo(NotificationMailer.MAX_ATTEMPTS);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM notification WHERE user_id = ? AND mail_due_at IS NULL")
                        .param(reader.id())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    private List<OffsetDateTime> mailedAt(UUID user) {
        return jdbc.sql("SELECT mailed_at FROM notification WHERE user_id = ?")
                .param(user)
                .query((rs, n) -> rs.getObject(1, OffsetDateTime.class))
                .list();
    }

    private int attempts(UUID user) {
        return jdbc.sql("SELECT mail_attempts FROM notification WHERE user_id = ?")
                .param(user)
                .query(Integer.class)
                .single();
    }

    /** Takes the place of the SMTP server: keeps what is sent, or fails like a server that is down. */
    @TestConfiguration
    static class Outbox {

        final List<SimpleMailMessage> sent = new CopyOnWriteArrayList<>();
        volatile boolean down;

        @Bean
        JavaMailSender javaMailSender() {
            return new JavaMailSender() {
                @Override
                public void send(SimpleMailMessage... messages) {
                    if (down) {
                        throw new MailSendException("Connection refused: smtp.test.example:587");
                    }
                    sent.addAll(List.of(messages));
                }

                @Override
                public MimeMessage createMimeMessage() {
                    throw new UnsupportedOperationException();
                }

                @Override
                public MimeMessage createMimeMessage(InputStream contentStream) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public void send(MimeMessage... mimeMessages) {
                    throw new UnsupportedOperationException();
                }
            };
        }

        SimpleMailMessage to(String address) {
            return sent.stream()
                    .filter(m -> m.getTo() != null && List.of(m.getTo()).contains(address))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no e-mail to " + address + " in " + sent));
        }
    }
}
