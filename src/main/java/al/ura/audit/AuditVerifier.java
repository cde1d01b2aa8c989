package al.ura.audit;

import java.time.Clock;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recomputes the whole chain from the first entry: every link's hash from the entry's stored
 * fields and the previous hash, the sequence without gaps, the head, and that no entry has left
 * the chain. Names the first entry that fails.
 */
@Component
class AuditVerifier {

    private final AuditRepository repository;
    private final TransactionTemplate readTransaction;
    private final Clock clock;

    AuditVerifier(AuditRepository repository, PlatformTransactionManager transactions, Clock clock) {
        this.repository = repository;
        this.clock = clock;
        this.readTransaction = new TransactionTemplate(transactions);
        // A transaction lets PostgreSQL stream the rows through a cursor instead of loading them all.
        this.readTransaction.setReadOnly(true);
    }

    AuditVerification verify() {
        long started = System.nanoTime();
        Instant checkedAt = clock.instant();
        Walk walk = new Walk();
        AuditVerification result = readTransaction.execute(status -> {
            AuditRepository.ChainHead head = repository.head();
            repository.streamChain(0, Long.MAX_VALUE, rs -> {
                if (walk.broken != null) {
                    return;
                }
                long sequence = rs.getLong("seq");
                long chainedEntryId = rs.getLong("chained_entry_id");
                String previousHash = rs.getString("prev_hash");
                String hash = rs.getString("hash");
                walk.checked++;
                if (sequence != walk.lastSequence + 1) {
                    walk.fail(walk.lastSequence + 1, null, "sequence-gap");
                    return;
                }
                if (!previousHash.equals(walk.lastHash)) {
                    walk.fail(sequence, chainedEntryId, "previous-hash-mismatch");
                    return;
                }
                rs.getLong("id");
                if (rs.wasNull()) {
                    walk.fail(sequence, chainedEntryId, "entry-missing");
                    return;
                }
                AuditRepository.StoredEntry entry = repository.entry(rs);
                if (entry.id() != chainedEntryId
                        || !entry.hash(sequence, previousHash).equals(hash)) {
                    walk.fail(sequence, chainedEntryId, "hash-mismatch");
                    return;
                }
                walk.lastSequence = sequence;
                walk.lastHash = hash;
            });
            if (walk.broken == null
                    && (head.lastSequence() != walk.lastSequence
                            || !head.lastHash().equals(walk.lastHash))) {
                walk.fail(walk.lastSequence + 1, null, "head-mismatch");
            }
            if (walk.broken == null) {
                long unchained = repository.unchainedCount();
                if (unchained > 0) {
                    walk.fail(walk.lastSequence + 1, null, "entries-outside-chain");
                }
            }
            return new AuditVerification(
                    walk.broken == null,
                    walk.checked,
                    repository.pendingCount(),
                    walk.broken,
                    walk.brokenEntry,
                    walk.reason,
                    walk.lastSequence,
                    walk.lastHash,
                    checkedAt,
                    (System.nanoTime() - started) / 1_000_000);
        });
        if (result == null) {
            throw new IllegalStateException("verification returned nothing");
        }
        return result;
    }

    private static final class Walk {
        long checked;
        long lastSequence;
        String lastHash = ChainHash.GENESIS;

        @Nullable
        Long broken;

        @Nullable
        Long brokenEntry;

        @Nullable
        String reason;

        void fail(long sequence, @Nullable Long entryId, String why) {
            broken = sequence;
            brokenEntry = entryId;
            reason = why;
        }
    }
}
