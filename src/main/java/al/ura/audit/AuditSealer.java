package al.ura.audit;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Chains committed entries. Whoever holds the row lock on the chain head seals; every node runs a
 * sealer, woken after each audited commit and every second, and they simply take turns. An entry
 * committed late is chained in a later batch, so commit order never breaks the line.
 */
@Component
class AuditSealer implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AuditSealer.class);
    static final int BATCH = 5000;

    private final AuditRepository repository;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "audit-sealer");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean requested = new AtomicBoolean();
    private final long delayMillis;

    AuditSealer(AuditRepository repository, PlatformTransactionManager transactions, Clock clock) {
        this(repository, transactions, clock, Duration.ofMillis(50));
    }

    @Autowired
    AuditSealer(
            AuditRepository repository,
            PlatformTransactionManager transactions,
            Clock clock,
            @Value("${ura.audit.seal-delay:PT0.05S}") Duration delay) {
        this.repository = repository;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.delayMillis = delay.toMillis();
    }

    /**
     * Asks for a seal shortly: every request within the delay is folded into one sealing
     * transaction, so sealing costs a few commits a second however many entries are written.
     */
    void requestSeal() {
        if (requested.compareAndSet(false, true)) {
            try {
                worker.schedule(
                        () -> {
                            requested.set(false);
                            sealSafely();
                        },
                        delayMillis,
                        TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException shuttingDown) {
                requested.set(false);
            }
        }
    }

    @Scheduled(fixedDelayString = "${ura.audit.seal-interval:PT1S}")
    void scheduledSeal() {
        requestSeal();
    }

    private void sealSafely() {
        try {
            sealAll();
        } catch (RuntimeException e) {
            log.warn("Sealing the audit ledger failed; the next run retries", e);
        }
    }

    /** Seals until nothing is pending; returns how many entries were chained. */
    long sealAll() {
        long total = 0;
        int sealed;
        do {
            Integer batch = transaction.execute(status -> sealBatch());
            sealed = batch == null ? 0 : batch;
            total += sealed;
        } while (sealed == BATCH);
        return total;
    }

    private int sealBatch() {
        AuditRepository.ChainHead head = repository.lockHead();
        List<AuditRepository.StoredEntry> pending = repository.pending(BATCH);
        if (pending.isEmpty()) {
            return 0;
        }
        List<AuditRepository.SealedLink> links = new ArrayList<>(pending.size());
        long sequence = head.lastSequence();
        String previous = head.lastHash();
        for (AuditRepository.StoredEntry entry : pending) {
            sequence++;
            String hash = entry.hash(sequence, previous);
            links.add(new AuditRepository.SealedLink(sequence, entry, previous, hash));
            previous = hash;
        }
        repository.seal(links, new AuditRepository.ChainHead(sequence, previous), clock.instant());
        return pending.size();
    }

    @Override
    public void destroy() throws InterruptedException {
        worker.shutdown();
        if (worker.awaitTermination(10, TimeUnit.SECONDS)) {
            sealSafely();
        }
    }
}
