package al.ura.notification;

import al.ura.identity.UserContacts;
import al.ura.kernel.Notice;
import java.util.List;
import java.util.UUID;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns a module's {@link Notice} into a notification for each person it is meant for, in the
 * transaction of the change that raised it: the notifications commit with the change or not at
 * all, so there is nothing to redeliver. (Each notice was once an event publication of its own,
 * delivered after the commit in a transaction of its own; that was most of the cost of submitting
 * a legal request, see {@code bench/README.md}.)
 */
@Component
class NoticeDelivery {

    private final Notifications notifications;
    private final UserContacts contacts;

    NoticeDelivery(Notifications notifications, UserContacts contacts) {
        this.notifications = notifications;
        this.contacts = contacts;
    }

    @EventListener
    void on(Notice notice) {
        List<UUID> recipients = switch (notice.audience()) {
            case Notice.Person person -> List.of(person.userId());
            case Notice.Holders holders -> contacts.holding(holders.organisationId(), holders.permission());
        };
        notifications.post(recipients.stream()
                .map(recipient ->
                        new PostNotification(recipient, notice.messageKey(), notice.arguments(), notice.link()))
                .toList());
    }
}
