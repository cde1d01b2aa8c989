package al.ura.notification;

import al.ura.identity.UserContacts;
import al.ura.kernel.Notice;
import java.util.List;
import java.util.UUID;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Turns a module's {@link Notice} into a notification for each person it is meant for, after the
 * change that raised it committed; redelivered from the event publication registry if it fails.
 */
@Component
class NoticeDelivery {

    private final Notifications notifications;
    private final UserContacts contacts;

    NoticeDelivery(Notifications notifications, UserContacts contacts) {
        this.notifications = notifications;
        this.contacts = contacts;
    }

    @ApplicationModuleListener
    void on(Notice notice) {
        List<UUID> recipients = switch (notice.audience()) {
            case Notice.Person person -> List.of(person.userId());
            case Notice.Holders holders -> contacts.holding(holders.organisationId(), holders.permission());
        };
        for (UUID recipient : recipients) {
            notifications.post(new PostNotification(recipient, notice.messageKey(), notice.arguments(), notice.link()));
        }
    }
}
