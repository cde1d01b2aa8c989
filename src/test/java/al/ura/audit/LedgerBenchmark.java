package al.ura.audit;

import static org.assertj.core.api.Assertions.assertThat;

import al.ura.kernel.Actor;
import al.ura.testing.DatabaseTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Benchmark (b), run by bench/ledger.sh on PostgreSQL, never in the normal suite: appends with 8
 * concurrent writers, each append in its own transaction as application code does, while the
 * sealer chains behind them; then sealing and verification of at least 500,000 entries.
 */
@Tag("bench")
@DatabaseTest
class LedgerBenchmark {

    private static final Duration RUN = Duration.ofSeconds(Long.getLong("bench.seconds", 20));
    private static final long VERIFY_AT_LEAST = Long.getLong("bench.verifyEntries", 500_000);

    @Autowired
    AuditLog auditLog;

    @Autowired
    AuditSealer sealer;

    @Autowired
    AuditVerifier verifier;

    @Autowired
    TransactionTemplate transaction;

    @Autowired
    JdbcClient jdbc;

    private final Actor actor =
            new Actor(Actor.Kind.USER, UUID.randomUUID(), UUID.randomUUID(), "bench", Set.of(), null);

    @Test
    void appendsSealingAndVerification() throws Exception {
        double own = appendsPerSecond(8, 0);
        double single = appendsPerSecond(8, 1);
        double paired = appendsPerSecond(8, 2);
        System.out.printf(
                "%nLEDGER appends, 8 writers, each append committed on its own (no caller transaction): %.0f appends/s%n",
                own);
        System.out.printf("LEDGER appends, 8 writers, 1 entry per caller transaction: %.0f appends/s%n", single);
        System.out.printf("LEDGER appends, 8 writers, 2 entries per caller transaction: %.0f appends/s%n", paired);

        fillTo(VERIFY_AT_LEAST);
        long sealStart = System.nanoTime();
        long sealed = sealer.sealAll();
        double sealSeconds = (System.nanoTime() - sealStart) / 1e9;
        System.out.printf(
                "LEDGER sealing: %d entries in %.2f s = %.0f entries/s%n", sealed, sealSeconds, sealed / sealSeconds);

        verifier.verify(); // warm the JIT and the database's cache once
        long start = System.nanoTime();
        AuditVerification result = verifier.verify();
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "LEDGER verification: %d entries in %.2f s = %.0f entries/s%n%n",
                result.entriesChecked(), seconds, result.entriesChecked() / seconds);

        assertThat(result.valid()).as(String.valueOf(result.reason())).isTrue();
        assertThat(result.entriesChecked()).isGreaterThanOrEqualTo(VERIFY_AT_LEAST);
    }

    /** {@code perTransaction} 0: each append outside any transaction, as a sign-in or a token use records it. */
    private double appendsPerSecond(int writers, int perTransaction) throws Exception {
        AtomicLong appended = new AtomicLong();
        long deadline = System.nanoTime() + RUN.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        long start = System.nanoTime();
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                work.add(pool.submit(() -> {
                    while (System.nanoTime() < deadline) {
                        if (perTransaction == 0) {
                            append();
                            appended.incrementAndGet();
                            continue;
                        }
                        transaction.executeWithoutResult(status -> {
                            for (int i = 0; i < perTransaction; i++) {
                                append();
                            }
                        });
                        appended.addAndGet(perTransaction);
                    }
                }));
            }
            for (Future<?> future : work) {
                future.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        return appended.get() / ((System.nanoTime() - start) / 1e9);
    }

    private void append() {
        auditLog.record(
                actor,
                AuditEvent.of("bench.append", "bench", "x", actor.organisationId())
                        .with("writer", Thread.currentThread().getName()));
    }

    /** Adds entries in large transactions until the ledger holds {@code target}; only setup, not measured. */
    private void fillTo(long target) throws Exception {
        long existing =
                jdbc.sql("SELECT COUNT(*) FROM audit_entries").query(Long.class).single();
        long missing = Math.max(0, target - existing);
        int threads = 4;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                long share = missing / threads + 1;
                work.add(pool.submit(() -> {
                    for (long done = 0; done < share; done += 1000) {
                        transaction.executeWithoutResult(status -> {
                            for (int i = 0; i < 1000; i++) {
                                auditLog.record(actor, AuditEvent.of("bench.fill", "bench", "y", null));
                            }
                        });
                    }
                }));
            }
            for (Future<?> future : work) {
                future.get(30, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
