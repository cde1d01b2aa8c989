package al.ura.notification;

import al.ura.identity.UserContacts;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Sends an e-mail for each notification when SMTP is configured. The e-mail says only that there is
 * something new and links to it: nothing confidential leaves Ura by mail. Delivery is retried from
 * the event publication registry if the mail server is down.
 */
@Component
class NotificationMailer {

    private static final Logger log = LoggerFactory.getLogger(NotificationMailer.class);

    private final ObjectProvider<JavaMailSender> mail;
    private final UserContacts contacts;
    private final MessageSource messages;
    private final String baseUrl;
    private final String from;
    private final String smtpHost;

    NotificationMailer(
            ObjectProvider<JavaMailSender> mail,
            UserContacts contacts,
            MessageSource messages,
            @Value("${ura.base-url}") String baseUrl,
            @Value("${ura.mail-from}") String from,
            @Value("${spring.mail.host:}") String smtpHost) {
        this.mail = mail;
        this.contacts = contacts;
        this.messages = messages;
        this.baseUrl = baseUrl;
        this.from = from;
        this.smtpHost = smtpHost;
    }

    @ApplicationModuleListener
    void on(NotificationPosted posted) {
        JavaMailSender sender = mail.getIfAvailable();
        if (sender == null || smtpHost.isBlank()) {
            return;
        }
        contacts.of(posted.userId()).ifPresent(contact -> {
            Locale locale = Locale.forLanguageTag(contact.locale());
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(from);
            message.setTo(contact.email());
            message.setSubject(messages.getMessage("mail.notification.subject", null, locale));
            message.setText(messages.getMessage(
                    "mail.notification.body",
                    List.of(baseUrl + "/notifications").toArray(),
                    locale));
            sender.send(message);
            log.info("Notification e-mail sent for notification {}", posted.notificationId());
        });
    }
}
