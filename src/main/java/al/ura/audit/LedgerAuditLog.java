package al.ura.audit;

import al.ura.kernel.Actor;
import al.ura.kernel.CurrentActor;
import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends entries without serialising writers: an append is two inserts in the caller's
 * transaction, and the {@link AuditSealer} chains committed entries in order shortly after. The
 * chain stays one line however many threads and nodes write.
 */
@Service
class LedgerAuditLog implements AuditLog {

    private final AuditRepository repository;
    private final AuditSealer sealer;
    private final Clock clock;
    private final TransactionTemplate required;
    private final TransactionTemplate requiresNew;

    LedgerAuditLog(
            AuditRepository repository, AuditSealer sealer, Clock clock, PlatformTransactionManager transactions) {
        this.repository = repository;
        this.sealer = sealer;
        this.clock = clock;
        this.required = new TransactionTemplate(transactions);
        this.requiresNew = new TransactionTemplate(transactions);
        this.requiresNew.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    @Override
    public void record(AuditEvent event) {
        record(CurrentActor.get(), event);
    }

    @Override
    public void record(Actor actor, AuditEvent event) {
        required.executeWithoutResult(status -> append(actor, event, AuditOutcome.DONE));
    }

    @Override
    public void denied(AuditEvent event) {
        denied(CurrentActor.get(), event);
    }

    @Override
    public void denied(Actor actor, AuditEvent event) {
        requiresNew.executeWithoutResult(status -> append(actor, event, AuditOutcome.DENIED));
    }

    private void append(Actor actor, AuditEvent event, AuditOutcome outcome) {
        repository.insert(new AuditRepository.StoredEntry(
                0,
                ChainHash.normalise(clock.instant()),
                actor.kind().name(),
                actor.userId(),
                actor.organisationId(),
                event.action(),
                event.objectType(),
                event.objectId(),
                event.subjectOrganisationId(),
                outcome.name(),
                ChainHash.detailsJson(event.details())));
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    sealer.requestSeal();
                }
            });
        }
    }
}
