package al.ura.identity;

import al.ura.audit.AuditEvent;
import al.ura.audit.AuditLog;
import al.ura.directory.OrganisationSuspended;
import al.ura.kernel.Actor;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * When the operator suspends an organisation, every session of its people ends at once, on every
 * node (sessions live in the database). Sign-in and API tokens check the suspension themselves.
 */
@Component
class SuspensionEnforcer {

    private static final Logger log = LoggerFactory.getLogger(SuspensionEnforcer.class);

    private final JdbcClient jdbc;
    private final SessionRevoker sessions;
    private final AuditLog auditLog;

    SuspensionEnforcer(JdbcClient jdbc, SessionRevoker sessions, AuditLog auditLog) {
        this.jdbc = jdbc;
        this.sessions = sessions;
        this.auditLog = auditLog;
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    void on(OrganisationSuspended suspended) {
        List<UUID> people = jdbc.sql("SELECT id FROM app_user WHERE organisation_id = ?")
                .param(suspended.organisationId())
                .query((rs, n) -> rs.getObject(1, UUID.class))
                .list();
        int ended = 0;
        for (UUID person : people) {
            ended += sessions.revokeAll(person);
        }
        auditLog.record(
                Actor.SYSTEM,
                AuditEvent.of(
                                "identity.sessions.ended",
                                "organisation",
                                suspended.organisationId(),
                                suspended.organisationId())
                        .with("reason", "organisation-suspended")
                        .with("sessions", ended));
        log.info("Ended {} sessions of suspended organisation {}", ended, suspended.organisationId());
    }
}
