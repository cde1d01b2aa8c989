package al.ura.audit;

import al.ura.kernel.Actor;
import al.ura.kernel.CurrentActor;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends entries without serialising writers: an append is one insert into the inbox, in the
 * caller's transaction when there is one and on its own (one autocommitted statement, one round
 * trip) when there is none, and the {@link AuditSealer} chains committed entries in order shortly
 * after. The chain stays one line however many threads and nodes write.
 */
@Service
class LedgerAuditLog implements AuditLog {

    private final AuditRepository repository;
    private final AuditSealer sealer;
    private final Clock clock;
    private final TransactionTemplate outsideTransaction;

    LedgerAuditLog(
            AuditRepository repository, AuditSealer sealer, Clock clock, PlatformTransactionManager transactions) {
        this.repository = repository;
        this.sealer = sealer;
        this.clock = clock;
        this.outsideTransaction = new TransactionTemplate(transactions);
        this.outsideTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_NOT_SUPPORTED);
    }

    @Override
    public void record(AuditEvent event) {
        record(CurrentActor.get(), event);
    }

    @Override
    public void record(Actor actor, AuditEvent event) {
        append(actor, event, AuditOutcome.DONE);
    }

    @Override
    public void denied(AuditEvent event) {
        denied(CurrentActor.get(), event);
    }

    @Override
    public void denied(Actor actor, AuditEvent event) {
        // The caller's transaction is suspended: its rollback must not take the refusal with it.
        outsideTransaction.executeWithoutResult(status -> append(actor, event, AuditOutcome.DENIED));
    }

    @Override
    public void record(Actor actor, List<AuditEvent> events) {
        if (!events.isEmpty()) {
            append(actor, events, AuditOutcome.DONE);
        }
    }

    private void append(Actor actor, AuditEvent event, AuditOutcome outcome) {
        append(actor, List.of(event), outcome);
    }

    private void append(Actor actor, List<AuditEvent> events, AuditOutcome outcome) {
        Instant at = ChainHash.normalise(clock.instant());
        repository.insert(events.stream()
                .map(event -> new AuditRepository.StoredEntry(
                        0,
                        at,
                        actor.kind().name(),
                        actor.userId(),
                        actor.organisationId(),
                        event.action(),
                        event.objectType(),
                        event.objectId(),
                        event.subjectOrganisationId(),
                        outcome.name(),
                        ChainHash.detailsJson(event.details())))
                .toList());
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    sealer.requestSeal();
                }
            });
        } else {
            sealer.requestSeal(); // autocommitted already
        }
    }
}
