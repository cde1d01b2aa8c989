package al.ura.directory;

import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Sends a reachability challenge to the contact's own address once the check is committed: only
 * the one-time link, in Albanian and English. The token lives only in this e-mail (the database
 * keeps its hash), so it is sent right after the commit rather than from the event registry. When
 * it cannot be sent the check shows no sending time and the operator may start another.
 */
@Component
class ReachabilityMailer {

    private static final Logger log = LoggerFactory.getLogger(ReachabilityMailer.class);

    private final ObjectProvider<JavaMailSender> mail;
    private final ReachabilityChecks checks;
    private final MessageSource messages;
    private final String baseUrl;
    private final String from;
    private final String smtpHost;

    ReachabilityMailer(
            ObjectProvider<JavaMailSender> mail,
            ReachabilityChecks checks,
            MessageSource messages,
            @Value("${ura.base-url}") String baseUrl,
            @Value("${ura.mail-from}") String from,
            @Value("${spring.mail.host:}") String smtpHost) {
        this.mail = mail;
        this.checks = checks;
        this.messages = messages;
        this.baseUrl = baseUrl;
        this.from = from;
        this.smtpHost = smtpHost;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(ReachabilityChecks.ChallengeMail challenge) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null || smtpHost.isBlank()) {
            log.warn(
                    "Reachability check {}: no SMTP server configured, the challenge e-mail was not sent",
                    challenge.checkId());
            return;
        }
        String link = baseUrl + "/directory/reachability/" + challenge.token();
        long hours = Math.max(
                1,
                java.time.Duration.between(java.time.Instant.now(), challenge.expiresAt())
                                .toHours()
                        + 1);
        Object[] arguments = {link, hours};
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(challenge.email());
        message.setSubject(messages.getMessage("directory.mail.reachability.subject", null, Locale.ROOT) + " / "
                + messages.getMessage("directory.mail.reachability.subject", null, Locale.ENGLISH));
        message.setText(messages.getMessage("directory.mail.reachability.body", arguments, Locale.ROOT) + "\n\n---\n\n"
                + messages.getMessage("directory.mail.reachability.body", arguments, Locale.ENGLISH));
        try {
            sender.send(message);
            checks.markMailSent(challenge.checkId());
            log.info("Reachability check {}: challenge e-mail sent", challenge.checkId());
        } catch (MailException e) {
            log.warn(
                    "Reachability check {}: the challenge e-mail could not be sent: {}",
                    challenge.checkId(),
                    e.getClass().getSimpleName());
        }
    }
}
