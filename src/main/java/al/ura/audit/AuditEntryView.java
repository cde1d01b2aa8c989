package al.ura.audit;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** One ledger entry as readers see it; {@code sequence} and hashes are null until the entry is sealed. */
public record AuditEntryView(
        long id,
        @Nullable Long sequence,
        Instant recordedAt,
        String actorKind,
        @Nullable UUID actorUserId,
        @Nullable UUID actorOrganisationId,
        String action,
        String objectType,
        @Nullable String objectId,
        @Nullable UUID subjectOrganisationId,
        AuditOutcome outcome,
        Map<String, String> details,
        @Nullable String previousHash,
        @Nullable String hash) {}
