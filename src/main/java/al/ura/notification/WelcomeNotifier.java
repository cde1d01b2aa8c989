package al.ura.notification;

import al.ura.identity.UserJoined;
import java.util.List;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Greets a person who joins, pointing them to their account (second factor, recovery codes). */
@Component
class WelcomeNotifier {

    private final Notifications notifications;

    WelcomeNotifier(Notifications notifications) {
        this.notifications = notifications;
    }

    @ApplicationModuleListener
    void on(UserJoined joined) {
        notifications.post(new PostNotification(joined.userId(), "notification.welcome", List.of(), "/account"));
    }
}
