package al.ura.directory;

import al.ura.audit.AuditEvent;
import al.ura.audit.AuditLog;
import al.ura.kernel.Actor;
import al.ura.kernel.ProblemException;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/** The one check every read of the directory makes: the reader holds {@code directory.read}; a refusal is in the ledger. */
@Component
class DirectoryReaders {

    private final AuditLog auditLog;

    DirectoryReaders(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    void require(
            Actor actor, String action, String objectType, @Nullable Object objectId, @Nullable UUID organisation) {
        if (!actor.has(DirectoryPermissions.READ)) {
            auditLog.denied(actor, AuditEvent.of(action, objectType, objectId, organisation));
            throw ProblemException.forbidden();
        }
    }
}
