package al.ura.notification;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

public record NotificationView(
        UUID id,
        String messageKey,
        List<String> arguments,
        String link,
        Instant createdAt,
        @Nullable Instant readAt) {

    public NotificationView {
        arguments = List.copyOf(arguments);
    }

    public boolean unread() {
        return readAt == null;
    }
}
