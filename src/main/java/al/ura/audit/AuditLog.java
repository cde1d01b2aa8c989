package al.ura.audit;

import al.ura.kernel.Actor;
import java.util.List;

/** The one way every module writes to the ledger. */
public interface AuditLog {

    /**
     * Records a completed action inside the caller's transaction, so it commits or rolls back with
     * it; without a transaction, the entry is committed at once on its own.
     */
    void record(AuditEvent event);

    /** As {@link #record(AuditEvent)}, for an actor that is not (yet) the current one, such as a login. */
    void record(Actor actor, AuditEvent event);

    /** Several completed actions of one actor, in this order, in one write to the ledger's inbox. */
    void record(Actor actor, List<AuditEvent> events);

    /**
     * Records a refused action outside the caller's transaction, committed at once: the refusal
     * usually ends the caller's transaction with a rollback, and the ledger must keep it all the same.
     */
    void denied(AuditEvent event);

    void denied(Actor actor, AuditEvent event);
}
