package al.ura.notification;

import java.util.List;
import java.util.UUID;

/**
 * A notification for one person: a message key (rendered in their language), arguments that are
 * not confidential (a reference number, never a name or an identifier under investigation), and
 * the in-app link to the thing itself.
 */
public record PostNotification(UUID userId, String messageKey, List<String> arguments, String link) {

    public PostNotification {
        arguments = List.copyOf(arguments);
        if (!link.startsWith("/")) {
            throw new IllegalArgumentException("a notification links inside Ura");
        }
    }
}
