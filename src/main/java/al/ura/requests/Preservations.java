package al.ura.requests;

import static al.ura.requests.RequestRepository.columns;

import al.ura.audit.AuditEvent;
import al.ura.audit.AuditLog;
import al.ura.directory.OrganisationDirectory;
import al.ura.kernel.Actor;
import al.ura.kernel.Notice;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Preservations once the provider keeps the data (§35, §37; Budapest art. 16 and 29): the
 * requester extends one within the instrument's limits or releases it; the clocks remind the
 * requester before it expires and tell the provider when it lapses.
 */
@Service
public class Preservations {

    private final RequestRepository requests;
    private final RequestAccess access;
    private final LegalCatalogue legal;
    private final OrganisationDirectory directory;
    private final ProviderWebhooks webhooks;
    private final AuditLog auditLog;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Preservations(
            RequestRepository requests,
            RequestAccess access,
            LegalCatalogue legal,
            OrganisationDirectory directory,
            ProviderWebhooks webhooks,
            AuditLog auditLog,
            ApplicationEventPublisher events,
            Clock clock) {
        this.requests = requests;
        this.access = access;
        this.legal = legal;
        this.directory = directory;
        this.webhooks = webhooks;
        this.auditLog = auditLog;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public RequestView extend(Actor actor, UUID id) {
        RequestView request =
                access.requireRequester(actor, id, "requests.preservation.extend", RequestPermissions.DRAFT);
        if (request.type() != RequestType.PRESERVATION || request.preservationState() != PreservationState.ACTIVE) {
            throw LegalRequests.conflict("requests.problem.preservation-not-active");
        }
        TreatyCountry treaty = legal.treaty(directory
                .find(Objects.requireNonNull(request.providerId()))
                .orElseThrow()
                .country());
        if (request.preservationExtensions() >= treaty.maxExtensions()) {
            throw LegalRequests.conflict("requests.problem.preservation-no-more-extensions");
        }
        Instant now = clock.instant();
        Instant expires =
                Objects.requireNonNull(request.preservationExpiresAt()).plus(Duration.ofDays(treaty.extensionDays()));
        requests.set(
                id,
                now,
                columns(
                        "preservation_expires_at",
                        expires,
                        "preservation_extensions",
                        request.preservationExtensions() + 1));
        requests.event(
                id,
                now,
                actor.userId(),
                actor.organisationId(),
                "preservation-extended",
                null,
                null,
                expires.toString());
        auditLog.record(
                actor,
                AuditEvent.of("requests.preservation.extended", "legal_request", id, request.providerId())
                        .with("until", expires));
        tellProvider(request, "requests.notice.preservation-extended", "preservation.extended");
        return requests.find(id, now).orElseThrow();
    }

    @Transactional
    public RequestView release(Actor actor, UUID id) {
        RequestView request =
                access.requireRequester(actor, id, "requests.preservation.release", RequestPermissions.DRAFT);
        if (request.type() != RequestType.PRESERVATION || request.preservationState() != PreservationState.ACTIVE) {
            throw LegalRequests.conflict("requests.problem.preservation-not-active");
        }
        Instant now = clock.instant();
        requests.set(id, now, columns("preservation_state", PreservationState.RELEASED.name()));
        requests.move(id, RequestStatus.ANSWERED, RequestStatus.CLOSED, now, columns("closed_at", now));
        requests.event(
                id,
                now,
                actor.userId(),
                actor.organisationId(),
                "preservation-released",
                request.status(),
                RequestStatus.CLOSED,
                null);
        auditLog.record(
                actor, AuditEvent.of("requests.preservation.released", "legal_request", id, request.providerId()));
        tellProvider(request, "requests.notice.preservation-released", "preservation.released");
        return requests.find(id, now).orElseThrow();
    }

    /** A preservation the provider keeps now, for the form of the disclosure that follows it. */
    public record ActivePreservation(
            UUID id,
            String reference,
            UUID providerId,
            @Nullable Instant expiresAt) {}

    /** The organisation's active preservations, soonest to expire first. */
    @Transactional(readOnly = true)
    public List<ActivePreservation> active(Actor actor) {
        access.requirePermission(actor, "requests.preservation.list", RequestPermissions.DRAFT);
        return requests.activePreservations(actor.requireOrganisation());
    }

    /** Ends a preservation that expired: the provider is told it no longer has to keep the data, the requester that it lapsed. */
    @Transactional
    public void lapse(UUID id) {
        Instant now = clock.instant();
        RequestView request = requests.find(id, now).orElseThrow();
        if (request.preservationState() != PreservationState.ACTIVE
                || request.preservationExpiresAt() == null
                || request.preservationExpiresAt().isAfter(now)) {
            return;
        }
        requests.set(id, now, columns("preservation_state", PreservationState.LAPSED.name()));
        requests.move(id, EnumSet.copyOf(RequestStatus.ANSWERED), RequestStatus.CLOSED, now, columns("closed_at", now));
        requests.event(id, now, null, null, "preservation-lapsed", request.status(), RequestStatus.CLOSED, null);
        auditLog.record(
                Actor.SYSTEM, AuditEvent.of("requests.preservation.lapsed", "legal_request", id, request.providerId()));
        tellProvider(request, "requests.notice.preservation-lapsed", "preservation.lapsed");
        events.publishEvent(Notice.toPerson(
                request.officerId(),
                "requests.notice.preservation-lapsed",
                List.of(request.reference()),
                "/requests/" + id));
    }

    private void tellProvider(RequestView request, String key, String webhookEvent) {
        UUID provider = Objects.requireNonNull(request.providerId());
        events.publishEvent(Notice.toHolders(
                provider, RequestPermissions.HANDLE, key, List.of(request.reference()), "/requests/" + request.id()));
        webhooks.enqueue(provider, webhookEvent, request.reference(), request.id());
    }
}
