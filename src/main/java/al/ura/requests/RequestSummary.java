package al.ura.requests;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A row of an inbox or an outbox: enough to order a queue, nothing of the case's facts. */
public record RequestSummary(
        UUID id,
        String reference,
        RequestType type,
        RequestStatus status,
        Priority priority,
        boolean emergency,
        UUID requesterId,
        @Nullable UUID providerId,
        @Nullable String requestingUnit,
        @Nullable String fileNumber,
        Instant createdAt,
        @Nullable Instant submittedAt,
        @Nullable Instant answerDueAt,
        boolean overdue) {}
