package al.ura.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Recomputes the whole chain from the first entry: every link's hash from the entry's stored
 * fields and its previous hash, each previous hash against the link before it, the sequence
 * without gaps (a removed entry leaves one) and the head. Names the first entry that fails.
 *
 * <p>The chain is read in consecutive sequence ranges at once, each over its own connection; a
 * range's first previous hash is then checked against the last hash of the range before it, so
 * the result is the same as one walk from the start.
 */
@Component
class AuditVerifier implements DisposableBean {

    private final AuditRepository repository;
    private final TransactionTemplate readTransaction;
    private final Clock clock;
    private final int parallelism;
    private final long minimumRange;
    private final ExecutorService readers;

    AuditVerifier(
            AuditRepository repository,
            PlatformTransactionManager transactions,
            Clock clock,
            @Value("${ura.audit.verify-parallelism:2}") int parallelism,
            @Value("${ura.audit.verify-minimum-range:50000}") long minimumRange) {
        this.repository = repository;
        this.minimumRange = Math.max(1, minimumRange);
        this.clock = clock;
        this.parallelism = Math.max(1, parallelism);
        this.readTransaction = new TransactionTemplate(transactions);
        // A transaction lets PostgreSQL stream the rows through a cursor instead of loading them all.
        this.readTransaction.setReadOnly(true);
        this.readers = Executors.newFixedThreadPool(this.parallelism, r -> {
            Thread thread = new Thread(r, "audit-verifier");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** What one range held: its first previous hash, how far it was good, and its first failure. */
    private static final class Range {
        final long from;
        final long to;
        long checked;
        long lastSequence;

        @Nullable
        String firstPreviousHash;

        @Nullable
        String lastHash;

        @Nullable
        Long failedSequence;

        @Nullable
        Long failedEntry;

        @Nullable
        String failure;

        Range(long fromExclusive, long toInclusive) {
            this.from = fromExclusive;
            this.to = toInclusive;
            this.lastSequence = fromExclusive;
        }

        void fail(long sequence, @Nullable Long entryId, String why) {
            failedSequence = sequence;
            failedEntry = entryId;
            failure = why;
        }
    }

    AuditVerification verify() {
        long started = System.nanoTime();
        Instant checkedAt = clock.instant();
        AuditRepository.ChainHead head = readTransaction.execute(status -> repository.head());
        if (head == null) {
            throw new IllegalStateException("no chain head");
        }
        List<Range> ranges = split(head.lastSequence());
        List<Future<Range>> reads = new ArrayList<>();
        for (Range range : ranges) {
            reads.add(readers.submit(() -> read(range)));
        }
        long checked = 0;
        long lastSequence = 0;
        String lastHash = ChainHash.GENESIS;
        Long broken = null;
        Long brokenEntry = null;
        String reason = null;
        for (Future<Range> read : reads) {
            Range range = join(read);
            if (range.firstPreviousHash != null && !range.firstPreviousHash.equals(lastHash)) {
                // The join between two ranges: the first link must point to the previous range's last hash.
                broken = range.from + 1;
                reason = "previous-hash-mismatch";
                checked++;
                break;
            }
            checked += range.checked;
            if (range.failure != null) {
                broken = range.failedSequence;
                brokenEntry = range.failedEntry;
                reason = range.failure;
                break;
            }
            lastSequence = range.lastSequence;
            lastHash = range.lastHash == null ? lastHash : range.lastHash;
        }
        reads.forEach(read -> read.cancel(true));
        if (broken == null
                && (head.lastSequence() != lastSequence || !head.lastHash().equals(lastHash))) {
            broken = lastSequence + 1;
            reason = "head-mismatch";
        }
        Long pending = readTransaction.execute(status -> repository.pendingCount());
        return new AuditVerification(
                broken == null,
                checked,
                pending == null ? 0 : pending,
                broken,
                brokenEntry,
                reason,
                lastSequence,
                lastHash,
                checkedAt,
                (System.nanoTime() - started) / 1_000_000);
    }

    private List<Range> split(long last) {
        int parts = (int) Math.max(1, Math.min(parallelism, last / minimumRange));
        List<Range> ranges = new ArrayList<>(parts);
        long size = last / parts;
        long from = 0;
        for (int i = 0; i < parts; i++) {
            long to = i == parts - 1 ? last : from + size;
            ranges.add(new Range(from, to));
            from = to;
        }
        return ranges;
    }

    /** Walks one range in order, checking each link against its neighbour and recomputing its hash. */
    private Range read(Range range) {
        readTransaction.executeWithoutResult(status -> repository.streamChain(range.from, range.to, rs -> {
            if (range.failure != null) {
                return;
            }
            // Columns by position: seq, previous hash, hash, then the entry's columns in ENTRY_COLUMNS order;
            // ids are hashed in their text form, so they are read as text.
            long sequence = rs.getLong(1);
            String previousHash = rs.getString(2);
            String hash = rs.getString(3);
            long entryId = rs.getLong(4);
            range.checked++;
            if (sequence != range.lastSequence + 1) {
                range.fail(range.lastSequence + 1, null, "sequence-gap");
                return;
            }
            if (range.lastHash == null) {
                range.firstPreviousHash = previousHash;
            } else if (!previousHash.equals(range.lastHash)) {
                range.fail(sequence, entryId, "previous-hash-mismatch");
                return;
            }
            String recomputed = ChainHash.hashOfText(
                    sequence,
                    entryId,
                    rs.getObject(5, OffsetDateTime.class).toInstant(),
                    rs.getString(6),
                    rs.getString(7),
                    rs.getString(8),
                    rs.getString(9),
                    rs.getString(10),
                    rs.getString(11),
                    rs.getString(12),
                    rs.getString(13),
                    rs.getString(14),
                    previousHash);
            if (!recomputed.equals(hash)) {
                range.fail(sequence, entryId, "hash-mismatch");
                return;
            }
            range.lastSequence = sequence;
            range.lastHash = hash;
        }));
        if (range.failure == null && range.lastSequence != range.to) {
            range.checked++;
            range.fail(range.lastSequence + 1, null, "sequence-gap");
        }
        return range;
    }

    private static Range join(Future<Range> read) {
        try {
            return read.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("verification interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("verification failed to read the chain", e.getCause());
        }
    }

    @Override
    public void destroy() {
        readers.shutdownNow();
    }
}
