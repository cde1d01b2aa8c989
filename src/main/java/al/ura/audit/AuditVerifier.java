package al.ura.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recomputes the whole chain from the first entry: every link's hash from the entry's stored
 * fields and its previous hash, each previous hash against the link before it, the sequence
 * without gaps, the head, and that no entry has left the chain. Names the first entry that fails.
 *
 * <p>The links are checked against their neighbours while the rows stream in; the hashes, the
 * expensive part, are recomputed in batches on other cores meanwhile.
 */
@Component
class AuditVerifier implements DisposableBean {

    private static final int BATCH = 4096;
    private static final int BATCHES_IN_FLIGHT = 4;

    private final AuditRepository repository;
    private final TransactionTemplate readTransaction;
    private final Clock clock;
    private final ExecutorService hashing =
            Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()), r -> {
                Thread thread = new Thread(r, "audit-verifier");
                thread.setDaemon(true);
                return thread;
            });

    AuditVerifier(AuditRepository repository, PlatformTransactionManager transactions, Clock clock) {
        this.repository = repository;
        this.clock = clock;
        this.readTransaction = new TransactionTemplate(transactions);
        // A transaction lets PostgreSQL stream the rows through a cursor instead of loading them all.
        this.readTransaction.setReadOnly(true);
    }

    /** One link as stored: its place, its hashes, and its entry (null when the entry row is gone). */
    private record Link(
            long sequence,
            long chainedEntryId,
            String previousHash,
            String hash,
            AuditRepository.@Nullable StoredEntry entry) {

        boolean hashMatches() {
            return entry != null
                    && entry.id() == chainedEntryId
                    && entry.hash(sequence, previousHash).equals(hash);
        }
    }

    /** A batch of links in chain order and, once computed, the index of its first wrong hash (-1: none). */
    private record Batch(List<Link> links, CompletableFuture<Integer> firstWrongHash) {}

    AuditVerification verify() {
        long started = System.nanoTime();
        Instant checkedAt = clock.instant();
        Walk walk = new Walk();
        AuditVerification result = readTransaction.execute(status -> {
            AuditRepository.ChainHead head = repository.head();
            Deque<Batch> inFlight = new ArrayDeque<>();
            List<Link> current = new ArrayList<>(BATCH);
            repository.streamChain(0, Long.MAX_VALUE, rs -> {
                if (walk.stopReading) {
                    return;
                }
                // Columns by position: seq, chained entry id, previous hash, hash, then the entry's columns.
                long sequence = rs.getLong(1);
                long chainedEntryId = rs.getLong(2);
                String previousHash = rs.getString(3);
                String hash = rs.getString(4);
                rs.getLong(5);
                AuditRepository.StoredEntry entry = rs.wasNull() ? null : AuditRepository.entryAt(rs, 5);
                Link link = new Link(sequence, chainedEntryId, previousHash, hash, entry);
                // Checks against the neighbour: cheap, in order, while reading.
                String linkProblem = sequence != walk.readSequence + 1
                        ? "sequence-gap"
                        : !previousHash.equals(walk.readHash)
                                ? "previous-hash-mismatch"
                                : entry == null ? "entry-missing" : null;
                if (linkProblem != null) {
                    walk.linkFailure(
                            "sequence-gap".equals(linkProblem) ? walk.readSequence + 1 : sequence,
                            "sequence-gap".equals(linkProblem) ? null : chainedEntryId,
                            linkProblem);
                    walk.stopReading = true;
                    return;
                }
                current.add(link);
                walk.readSequence = sequence;
                walk.readHash = hash;
                if (current.size() == BATCH) {
                    inFlight.add(submit(new ArrayList<>(current)));
                    current.clear();
                    while (inFlight.size() > BATCHES_IN_FLIGHT && walk.broken == null) {
                        settle(inFlight.removeFirst(), walk);
                    }
                }
            });
            if (!current.isEmpty()) {
                inFlight.add(submit(current));
            }
            while (!inFlight.isEmpty() && walk.broken == null) {
                settle(inFlight.removeFirst(), walk);
            }
            inFlight.forEach(batch -> batch.firstWrongHash().cancel(false));
            if (walk.broken == null && walk.pendingLinkFailure != null) {
                walk.adoptLinkFailure();
            }
            if (walk.broken == null
                    && (head.lastSequence() != walk.lastSequence
                            || !head.lastHash().equals(walk.lastHash))) {
                walk.fail(walk.lastSequence + 1, null, "head-mismatch");
            }
            if (walk.broken == null && repository.unchainedCount() > 0) {
                walk.fail(walk.lastSequence + 1, null, "entries-outside-chain");
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

    private Batch submit(List<Link> links) {
        return new Batch(
                links,
                CompletableFuture.supplyAsync(
                        () -> {
                            for (int i = 0; i < links.size(); i++) {
                                if (!links.get(i).hashMatches()) {
                                    return i;
                                }
                            }
                            return -1;
                        },
                        hashing));
    }

    /** Takes a batch's result in chain order: links up to the first wrong hash count as checked. */
    private static void settle(Batch batch, Walk walk) {
        int wrong = batch.firstWrongHash().join();
        int good = wrong < 0 ? batch.links().size() : wrong;
        for (int i = 0; i < good; i++) {
            Link link = batch.links().get(i);
            walk.checked++;
            walk.lastSequence = link.sequence();
            walk.lastHash = link.hash();
        }
        if (wrong >= 0) {
            Link link = batch.links().get(wrong);
            walk.checked++;
            walk.fail(link.sequence(), link.chainedEntryId(), "hash-mismatch");
        }
    }

    @Override
    public void destroy() {
        hashing.shutdownNow();
    }

    private static final class Walk {
        long checked;
        long lastSequence;
        String lastHash = ChainHash.GENESIS;
        long readSequence;
        String readHash = ChainHash.GENESIS;
        boolean stopReading;

        @Nullable
        Long broken;

        @Nullable
        Long brokenEntry;

        @Nullable
        String reason;

        @Nullable
        Long pendingLinkFailure;

        @Nullable
        Long pendingLinkEntry;

        @Nullable
        String pendingLinkReason;

        void fail(long sequence, @Nullable Long entryId, String why) {
            broken = sequence;
            brokenEntry = entryId;
            reason = why;
        }

        /** A neighbour check failed; it stands unless a hash before it is wrong. */
        void linkFailure(long sequence, @Nullable Long entryId, String why) {
            pendingLinkFailure = sequence;
            pendingLinkEntry = entryId;
            pendingLinkReason = why;
        }

        void adoptLinkFailure() {
            checked++;
            broken = pendingLinkFailure;
            brokenEntry = pendingLinkEntry;
            reason = pendingLinkReason;
        }
    }
}
