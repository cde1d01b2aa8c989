package al.ura.requests;

import al.ura.audit.AuditEvent;
import al.ura.audit.AuditLog;
import al.ura.kernel.Actor;
import al.ura.kernel.ProblemException;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Who may see a request (§32, §56): the requesting organisation's request staff and, once it is
 * sent, the addressed provider's compliance staff. Everyone else, the platform operator included,
 * is told it does not exist, and the refusal is in the ledger.
 */
@Component
class RequestAccess {

    /** Which side of a request an actor is on. */
    enum Side {
        REQUESTER,
        PROVIDER
    }

    /** A request and the side its reader is on. */
    record Access(RequestView request, Side side) {}

    private final RequestRepository requests;
    private final AuditLog auditLog;
    private final Clock clock;

    RequestAccess(RequestRepository requests, AuditLog auditLog, Clock clock) {
        this.requests = requests;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    static boolean requesterStaff(Actor actor) {
        return actor.hasAny(RequestPermissions.DRAFT, RequestPermissions.AUTHORISE);
    }

    static boolean providerStaff(Actor actor) {
        return actor.has(RequestPermissions.HANDLE);
    }

    /** The request as this actor may see it, on either side; 404 (and a denied entry) otherwise. */
    Access require(Actor actor, UUID id, String action) {
        Optional<RequestView> found = actor.organisationId() == null
                ? Optional.empty()
                : requests.findVisible(id, actor.organisationId(), clock.instant());
        if (found.isPresent()) {
            RequestView request = found.get();
            if (actor.belongsTo(request.requesterId()) && requesterStaff(actor)) {
                return new Access(request, Side.REQUESTER);
            }
            if (actor.belongsTo(request.providerId())
                    && providerStaff(actor)
                    && request.status().sent()) {
                return new Access(request, Side.PROVIDER);
            }
        }
        throw deny(actor, id, action);
    }

    /** The request, for an action only its requester's staff may take. */
    RequestView requireRequester(Actor actor, UUID id, String action, String permission) {
        Access access = require(actor, id, action);
        if (access.side() != Side.REQUESTER) {
            throw deny(actor, id, action);
        }
        if (!actor.has(permission)) {
            auditLog.denied(
                    actor,
                    AuditEvent.of(action, "legal_request", id, access.request().requesterId()));
            throw ProblemException.forbidden();
        }
        return access.request();
    }

    /** The request, for an action only the addressed provider's compliance staff may take. */
    RequestView requireProvider(Actor actor, UUID id, String action) {
        Access access = require(actor, id, action);
        if (access.side() != Side.PROVIDER) {
            if (access.side() == Side.REQUESTER) {
                auditLog.denied(
                        actor,
                        AuditEvent.of(
                                action, "legal_request", id, access.request().requesterId()));
                throw ProblemException.forbidden();
            }
            throw deny(actor, id, action);
        }
        return access.request();
    }

    ProblemException deny(Actor actor, UUID id, String action) {
        auditLog.denied(actor, AuditEvent.of(action, "legal_request", id, actor.organisationId()));
        return ProblemException.notFound();
    }

    /** Refuses an action that needs a permission the actor lacks, before any request is looked at. */
    void requirePermission(Actor actor, String action, String... anyOf) {
        if (!actor.hasAny(anyOf)) {
            auditLog.denied(actor, AuditEvent.of(action, "legal_request", null, actor.organisationId()));
            throw ProblemException.forbidden();
        }
    }
}
