package al.ura.directory;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One reachability check of a 24/7 contact: when it was started, until when the challenge could be
 * acknowledged, and when and how it was ({@code EMAIL} link or {@code IN_APP}); {@code answerTime}
 * is the time the contact took, the figure Ura keeps of whether a 24/7 contact really answers.
 */
public record ReachabilityCheckView(
        UUID id,
        UUID contactId,
        UUID organisationId,
        Instant startedAt,
        Instant expiresAt,
        @Nullable Instant mailSentAt,
        @Nullable Instant acknowledgedAt,
        @Nullable String acknowledgedVia,
        @Nullable Duration answerTime,
        Status status) {

    public enum Status {
        OPEN,
        ACKNOWLEDGED,
        UNANSWERED
    }
}
