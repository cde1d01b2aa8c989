package al.ura.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A time range of the ledger with everything needed to verify it offline: the algorithm, the hash
 * the range chains from, and each entry's fields exactly as they were hashed. When
 * {@code chainComplete} is false (an organisation's own extract), each entry can be checked against
 * its own hash but the links between them skip entries of other organisations.
 */
public record AuditExport(
        String format,
        String algorithm,
        Instant from,
        Instant to,
        boolean chainComplete,
        @Nullable Long anchorSequence,
        @Nullable String anchorHash,
        List<Entry> entries,
        boolean truncated) {

    public static final String FORMAT = "ura-audit-export/1";

    public record Entry(
            long sequence,
            long entryId,
            Instant recordedAt,
            long recordedAtEpochMicros,
            String actorKind,
            @Nullable UUID actorUserId,
            @Nullable UUID actorOrganisationId,
            String action,
            String objectType,
            @Nullable String objectId,
            @Nullable UUID subjectOrganisationId,
            String outcome,
            String detailsJson,
            String previousHash,
            String hash) {

        boolean hashMatches() {
            return ChainHash.hash(
                            sequence,
                            entryId,
                            Instant.EPOCH.plus(recordedAtEpochMicros, java.time.temporal.ChronoUnit.MICROS),
                            actorKind,
                            actorUserId,
                            actorOrganisationId,
                            action,
                            objectType,
                            objectId,
                            subjectOrganisationId,
                            outcome,
                            detailsJson,
                            previousHash)
                    .equals(hash);
        }
    }

    /** Checks the export on its own: every hash, and every link where the chain is complete. */
    public AuditVerification verifyOffline(Instant now) {
        long started = System.nanoTime();
        String previous = anchorHash;
        Long previousSequence = anchorSequence;
        long checked = 0;
        for (Entry entry : entries) {
            checked++;
            boolean linkBroken = chainComplete
                    && (previous == null
                            || !previous.equals(entry.previousHash())
                            || previousSequence == null
                            || entry.sequence() != previousSequence + 1);
            if (linkBroken || !entry.hashMatches()) {
                return new AuditVerification(
                        false,
                        checked,
                        0,
                        entry.sequence(),
                        entry.entryId(),
                        linkBroken ? "previous-hash-mismatch" : "hash-mismatch",
                        previousSequence == null ? 0 : previousSequence,
                        previous == null ? "" : previous,
                        now,
                        (System.nanoTime() - started) / 1_000_000);
            }
            previous = entry.hash();
            previousSequence = entry.sequence();
        }
        return new AuditVerification(
                true,
                checked,
                0,
                null,
                null,
                null,
                previousSequence == null ? 0 : previousSequence,
                previous == null ? "" : previous,
                now,
                (System.nanoTime() - started) / 1_000_000);
    }
}
