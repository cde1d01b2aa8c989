package al.ura.notification;

import al.ura.identity.UserContacts;
import al.ura.kernel.JobLocks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the e-mails that follow notifications when SMTP is configured: one node at a time, from the
 * notifications whose mail is due, one e-mail per person per round however many notifications they
 * have. The e-mail says only that there is something new and links to Ura: nothing confidential
 * leaves by mail. A failed attempt is retried later, with a growing pause, up to {@value
 * #MAX_ATTEMPTS} times.
 */
@Component
class NotificationMailer {

    static final int MAX_ATTEMPTS = 8;
    private static final int ROUND = 500;
    private static final Logger log = LoggerFactory.getLogger(NotificationMailer.class);

    private final ObjectProvider<JavaMailSender> mail;
    private final UserContacts contacts;
    private final MessageSource messages;
    private final JdbcClient jdbc;
    private final JobLocks locks;
    private final Clock clock;
    private final String baseUrl;
    private final String from;
    private final boolean configured;

    NotificationMailer(
            ObjectProvider<JavaMailSender> mail,
            UserContacts contacts,
            MessageSource messages,
            JdbcClient jdbc,
            JobLocks locks,
            Clock clock,
            @Value("${ura.base-url}") String baseUrl,
            @Value("${ura.mail-from}") String from,
            @Value("${spring.mail.host:}") String smtpHost) {
        this.mail = mail;
        this.contacts = contacts;
        this.messages = messages;
        this.jdbc = jdbc;
        this.locks = locks;
        this.clock = clock;
        this.baseUrl = baseUrl;
        this.from = from;
        this.configured = !smtpHost.isBlank();
    }

    @Scheduled(fixedDelayString = "${ura.notification.mail-interval:PT10S}", initialDelayString = "PT20S")
    void scheduled() {
        if (configured) {
            locks.runExclusively("notification.mail", Duration.ofMinutes(5), this::sendDue);
        }
    }

    /** Sends what is due now; returns how many e-mails went out. */
    int sendDue() {
        JavaMailSender sender = mail.getIfAvailable();
        if (!configured || sender == null) {
            return 0;
        }
        Instant now = clock.instant();
        record Due(UUID id, UUID user, int attempts) {}
        List<Due> due = jdbc.sql("SELECT id, user_id, mail_attempts FROM notification WHERE mail_due_at <= ?"
                        + " ORDER BY mail_due_at FETCH FIRST " + ROUND + " ROWS ONLY")
                .param(utc(now))
                .query((rs, n) -> new Due(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getInt(3)))
                .list();
        Map<UUID, List<Due>> byPerson = new LinkedHashMap<>();
        due.forEach(d -> byPerson.computeIfAbsent(d.user(), u -> new java.util.ArrayList<>())
                .add(d));
        int sent = 0;
        for (Map.Entry<UUID, List<Due>> person : byPerson.entrySet()) {
            List<UUID> ids = person.getValue().stream().map(Due::id).toList();
            var contact = contacts.of(person.getKey());
            if (contact.isEmpty()) {
                // Disabled or suspended since: they are not written to.
                jdbc.sql("UPDATE notification SET mail_due_at = NULL WHERE id IN (:ids)")
                        .param("ids", ids)
                        .update();
                continue;
            }
            try {
                sender.send(message(contact.get(), ids.size()));
            } catch (MailException failed) {
                int attempts =
                        person.getValue().stream().mapToInt(Due::attempts).max().orElse(0) + 1;
                boolean giveUp = attempts >= MAX_ATTEMPTS;
                log.warn(
                        "Notification e-mail to user {} failed (attempt {}{}): {}",
                        person.getKey(),
                        attempts,
                        giveUp ? ", giving up; the notifications stay in Ura" : "",
                        failed.getMessage());
                jdbc.sql("UPDATE notification SET mail_attempts = :attempts, mail_due_at = :next WHERE id IN (:ids)")
                        .param("attempts", attempts)
                        .param("next", giveUp ? null : utc(now.plus(Duration.ofMinutes(1L << attempts))))
                        .param("ids", ids)
                        .update();
                continue;
            }
            jdbc.sql("UPDATE notification SET mail_due_at = NULL, mailed_at = :now WHERE id IN (:ids)")
                    .param("now", utc(now))
                    .param("ids", ids)
                    .update();
            sent++;
            log.info("Notification e-mail sent to user {} for {} notification(s)", person.getKey(), ids.size());
        }
        return sent;
    }

    private SimpleMailMessage message(UserContacts.Contact contact, int count) {
        Locale locale = Locale.forLanguageTag(contact.locale());
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(contact.email());
        message.setSubject(messages.getMessage("mail.notification.subject", new Object[] {count}, locale));
        message.setText(messages.getMessage(
                "mail.notification.body", new Object[] {baseUrl + "/notifications", count}, locale));
        return message;
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
