package al.ura.audit;

import static org.assertj.core.api.Assertions.assertThat;

import al.ura.kernel.Actor;
import al.ura.testing.DatabaseTest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Two application nodes over one database: each has its own ledger writer and its own sealer (its
 * own threads and memory, as a second JVM would), and they write and seal at the same time. The
 * result must be one linear chain holding every entry exactly once.
 */
@DatabaseTest
class AuditTwoNodesTest {

    @Autowired
    AuditRepository repository;

    @Autowired
    AuditVerifier verifier;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Clock clock;

    @Test
    void twoNodesWritingAndSealingAtOnceKeepOneChain() throws Exception {
        AuditSealer sealerA = new AuditSealer(repository, transactions, clock);
        AuditSealer sealerB = new AuditSealer(repository, transactions, clock);
        List<AuditLog> nodes = List.of(
                new LedgerAuditLog(repository, sealerA, clock, transactions),
                new LedgerAuditLog(repository, sealerB, clock, transactions));
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        String run = UUID.randomUUID().toString();
        Actor actor = new Actor(Actor.Kind.SYSTEM, null, null, "two-nodes", Set.of(), null);
        int writersPerNode = 4;
        int entriesPerWriter = 150;

        ExecutorService pool = Executors.newFixedThreadPool(writersPerNode * 2 + 2);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (AuditLog node : nodes) {
                for (int w = 0; w < writersPerNode; w++) {
                    work.add(pool.submit(() -> {
                        for (int i = 0; i < entriesPerWriter; i++) {
                            transaction.executeWithoutResult(
                                    status -> node.record(actor, AuditEvent.of("test.two-nodes", "run", run, null)));
                        }
                    }));
                }
            }
            // Both nodes' sealers run continuously while the writers write.
            work.add(pool.submit(() -> {
                for (int i = 0; i < 40; i++) {
                    sealerA.sealAll();
                }
            }));
            work.add(pool.submit(() -> {
                for (int i = 0; i < 40; i++) {
                    sealerB.sealAll();
                }
            }));
            for (Future<?> future : work) {
                future.get(3, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
            sealerA.destroy();
            sealerB.destroy();
        }
        sealerA.sealAll();

        AuditVerification verification = verifier.verify();
        assertThat(verification.valid())
                .as(String.valueOf(verification.reason()))
                .isTrue();
        assertThat(verification.pendingEntries()).isZero();
        assertThat(verification.lastSequence()).isEqualTo(verification.entriesChecked());
        long written = jdbc.sql("SELECT COUNT(*) FROM audit_entries WHERE action = 'test.two-nodes' AND object_id = ?")
                .param(run)
                .query(Long.class)
                .single();
        long chained = jdbc.sql(
                        "SELECT COUNT(DISTINCT id) FROM audit_ledger WHERE action = 'test.two-nodes' AND object_id = ?")
                .param(run)
                .query(Long.class)
                .single();
        assertThat(written).isEqualTo(2L * writersPerNode * entriesPerWriter);
        assertThat(chained).isEqualTo(written);
        long sequences =
                jdbc.sql("SELECT COUNT(*) FROM audit_ledger").query(Long.class).single();
        long maxSequence =
                jdbc.sql("SELECT MAX(seq) FROM audit_ledger").query(Long.class).single();
        assertThat(sequences).isEqualTo(maxSequence);
    }
}
