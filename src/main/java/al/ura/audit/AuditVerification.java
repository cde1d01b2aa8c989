package al.ura.audit;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * The result of recomputing the chain. When {@code valid} is false, {@code firstBrokenSequence}
 * (and the entry id where known) names the first entry that does not match, and {@code reason}
 * says how.
 */
public record AuditVerification(
        boolean valid,
        long entriesChecked,
        long pendingEntries,
        @Nullable Long firstBrokenSequence,
        @Nullable Long firstBrokenEntryId,
        @Nullable String reason,
        long lastSequence,
        String lastHash,
        Instant checkedAt,
        long elapsedMillis) {}
