package al.ura.requests;

import al.ura.audit.AuditEvent;
import al.ura.audit.AuditLog;
import al.ura.directory.OrganisationDirectory;
import al.ura.directory.OrganisationView;
import al.ura.kernel.Actor;
import al.ura.kernel.Notice;
import al.ura.kernel.ProblemException;
import al.ura.kernel.ProblemException.FieldProblem;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Emergencies that start with a phone call (§25): the call is logged at once (when, who called
 * whom, what was asked) and the written request must follow in time, else it is escalated to the
 * unit's authorisers and the provider's compliance lead.
 */
@Service
public class OralEmergencies {

    private final JdbcClient jdbc;
    private final OrganisationDirectory directory;
    private final RequestAccess access;
    private final RequestsProperties properties;
    private final AuditLog auditLog;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OralEmergencies(
            JdbcClient jdbc,
            OrganisationDirectory directory,
            RequestAccess access,
            RequestsProperties properties,
            AuditLog auditLog,
            ApplicationEventPublisher events,
            Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.access = access;
        this.properties = properties;
        this.auditLog = auditLog;
        this.events = events;
        this.clock = clock;
    }

    public record OralCommand(
            @Nullable UUID providerId,
            @Nullable String calledAt,
            @Nullable String callerName,
            @Nullable String calledContact,
            @Nullable String asked,
            @Nullable String requestingUnit) {}

    public record OralView(
            UUID id,
            UUID requesterId,
            UUID providerId,
            Instant calledAt,
            String callerName,
            String calledContact,
            String asked,
            @Nullable String requestingUnit,
            Instant writtenDueAt,
            @Nullable UUID requestId,
            @Nullable Instant escalatedAt) {}

    @Transactional
    @SuppressWarnings("NullAway") // SQL NULL is a value here
    public OralView log(Actor actor, OralCommand command) {
        access.requirePermission(actor, "requests.oral.create", RequestPermissions.DRAFT);
        UUID requester = actor.requireOrganisation();
        List<FieldProblem> problems = new ArrayList<>();
        OrganisationView provider = command.providerId() == null
                ? null
                : directory.find(command.providerId()).orElse(null);
        if (provider == null || !provider.isProvider()) {
            problems.add(FieldProblem.of("providerId", "requests.validation.provider-unknown"));
        }
        Instant now = clock.instant();
        Instant calledAt = now;
        if (command.calledAt() != null && !command.calledAt().isBlank()) {
            switch (RequestValidator.timestamp(command.calledAt().trim(), null)) {
                case RequestValidator.Timestamp.Parsed p -> calledAt = p.instant();
                case RequestValidator.Timestamp.NoZone ignored ->
                    problems.add(FieldProblem.of("calledAt", "requests.validation.time-zone-required"));
                case RequestValidator.Timestamp.Malformed ignored ->
                    problems.add(FieldProblem.of("calledAt", "requests.validation.timestamp"));
            }
            if (calledAt.isAfter(now.plusSeconds(300))) {
                problems.add(FieldProblem.of("calledAt", "requests.validation.range-future"));
            }
        }
        String caller = RequestValidator.required(command.callerName(), "callerName", 200, problems);
        String contact = RequestValidator.required(command.calledContact(), "calledContact", 300, problems);
        String asked = RequestValidator.required(command.asked(), "asked", 4000, problems);
        String unit = RequestValidator.optional(command.requestingUnit(), "requestingUnit", 200, problems);
        if (!problems.isEmpty()) {
            throw ProblemException.validation(problems);
        }
        UUID id = UUID.randomUUID();
        Instant due = calledAt.plus(properties.writtenFollowUp());
        jdbc.sql(
                        "INSERT INTO oral_request (id, requester_org_id, provider_org_id, logged_by, called_at, caller_name,"
                                + " called_contact, asked, requesting_unit, written_due_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        id,
                        requester,
                        provider.id(),
                        actor.userId(),
                        RequestRepository.utc(calledAt),
                        caller,
                        contact,
                        asked,
                        unit,
                        RequestRepository.utc(due),
                        RequestRepository.utc(now))
                .update();
        auditLog.record(actor, AuditEvent.of("requests.oral.created", "oral_request", id, provider.id()));
        events.publishEvent(Notice.toHolders(
                provider.id(),
                RequestPermissions.HANDLE,
                "requests.notice.oral-logged",
                List.of(shortId(id)),
                "/requests/oral/" + id));
        return find(id).orElseThrow();
    }

    /**
     * Not read-only: the read is in the ledger, in the same transaction, and PostgreSQL refuses an
     * insert in a read-only one.
     */
    @Transactional
    public OralView read(Actor actor, UUID id) {
        OralView oral = find(id).filter(o -> (actor.belongsTo(o.requesterId()) && RequestAccess.requesterStaff(actor))
                        || (actor.belongsTo(o.providerId()) && RequestAccess.providerStaff(actor)))
                .orElseThrow(() -> {
                    auditLog.denied(
                            actor, AuditEvent.of("requests.oral.read", "oral_request", id, actor.organisationId()));
                    return ProblemException.notFound();
                });
        auditLog.record(actor, AuditEvent.of("requests.oral.read", "oral_request", id, actor.organisationId()));
        return oral;
    }

    /** The organisation's oral emergencies still waiting for their written request, for either side. */
    @Transactional(readOnly = true)
    public List<OralView> pending(Actor actor) {
        access.requirePermission(
                actor,
                "requests.oral.list",
                RequestPermissions.DRAFT,
                RequestPermissions.AUTHORISE,
                RequestPermissions.HANDLE);
        return jdbc.sql(SELECT + " WHERE request_id IS NULL AND (requester_org_id = :org OR provider_org_id = :org)"
                        + " ORDER BY called_at DESC FETCH FIRST 100 ROWS ONLY")
                .param("org", actor.requireOrganisation())
                .query((rs, n) -> map(rs))
                .list();
    }

    /** Escalates every oral emergency whose written request is late; each once. */
    @Transactional
    public int escalateOverdue() {
        Instant now = clock.instant();
        List<OralView> late = jdbc.sql(
                        SELECT + " WHERE request_id IS NULL AND escalated_at IS NULL AND written_due_at <= ?")
                .param(RequestRepository.utc(now))
                .query((rs, n) -> map(rs))
                .list();
        for (OralView oral : late) {
            if (jdbc.sql("UPDATE oral_request SET escalated_at = ? WHERE id = ? AND escalated_at IS NULL")
                            .params(RequestRepository.utc(now), oral.id())
                            .update()
                    == 0) {
                continue;
            }
            events.publishEvent(Notice.toHolders(
                    oral.requesterId(),
                    RequestPermissions.AUTHORISE,
                    "requests.notice.oral-escalated",
                    List.of(shortId(oral.id())),
                    "/requests/oral/" + oral.id()));
            events.publishEvent(Notice.toHolders(
                    oral.providerId(),
                    RequestPermissions.LEAD,
                    "requests.notice.oral-escalated",
                    List.of(shortId(oral.id())),
                    "/requests/oral/" + oral.id()));
            auditLog.record(
                    Actor.SYSTEM,
                    AuditEvent.of("requests.oral.escalated", "oral_request", oral.id(), oral.requesterId()));
        }
        return late.size();
    }

    java.util.Optional<OralView> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE id = ?")
                .param(id)
                .query((rs, n) -> map(rs))
                .optional();
    }

    private static final String SELECT = "SELECT id, requester_org_id, provider_org_id, called_at, caller_name,"
            + " called_contact, asked, requesting_unit, written_due_at, request_id, escalated_at FROM oral_request";

    @SuppressWarnings("NullAway") // called_at and written_due_at are never null
    private static OralView map(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new OralView(
                rs.getObject("id", UUID.class),
                rs.getObject("requester_org_id", UUID.class),
                rs.getObject("provider_org_id", UUID.class),
                RequestRepository.instant(rs, "called_at"),
                rs.getString("caller_name"),
                rs.getString("called_contact"),
                rs.getString("asked"),
                rs.getString("requesting_unit"),
                RequestRepository.instant(rs, "written_due_at"),
                rs.getObject("request_id", UUID.class),
                RequestRepository.instant(rs, "escalated_at"));
    }

    static String shortId(UUID id) {
        return "OR-" + id.toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
    }
}
