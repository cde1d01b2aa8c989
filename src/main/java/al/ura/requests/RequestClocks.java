package al.ura.requests;

import al.ura.audit.AuditEvent;
import al.ura.audit.AuditLog;
import al.ura.kernel.Actor;
import al.ura.kernel.JobLocks;
import al.ura.kernel.Notice;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The requests' clocks, on one node at a time: acknowledgement and answer deadlines (a reminder to
 * the provider before the answer is due, overdue notices to both sides), preservations (reminders
 * to the requester before expiry, the lapse notice to the provider) and oral emergencies whose
 * written request is late. Each reminder is sent once: its (request, kind) row says it was.
 */
@Component
public class RequestClocks {

    private final JdbcClient jdbc;
    private final JobLocks locks;
    private final Preservations preservations;
    private final OralEmergencies oral;
    private final RequestsProperties properties;
    private final AuditLog auditLog;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    RequestClocks(
            JdbcClient jdbc,
            JobLocks locks,
            Preservations preservations,
            OralEmergencies oral,
            RequestsProperties properties,
            AuditLog auditLog,
            ApplicationEventPublisher events,
            TransactionTemplate transaction,
            Clock clock) {
        this.jdbc = jdbc;
        this.locks = locks;
        this.preservations = preservations;
        this.oral = oral;
        this.properties = properties;
        this.auditLog = auditLog;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${ura.requests.clock-interval:PT1M}", initialDelayString = "PT45S")
    void scheduled() {
        locks.runExclusively("requests.clocks", Duration.ofMinutes(5), this::run);
    }

    /** One pass of every clock at the current time. */
    public void run() {
        Instant now = clock.instant();
        List<String> open = RequestStatus.OPEN.stream().map(Enum::name).toList();

        record Due(
                UUID id,
                String reference,
                UUID requester,
                UUID provider,
                UUID officer,
                boolean emergency,
                Instant due) {}
        // Acknowledgement late.
        for (Due due : jdbc.sql("SELECT id, reference, requester_org_id, provider_org_id, officer_id, emergency,"
                        + " acknowledge_due_at FROM legal_request r WHERE submitted_at IS NOT NULL AND status IN (:open)"
                        + " AND acknowledged_at IS NULL AND acknowledge_due_at <= :now"
                        + NOT_YET + "'acknowledge-overdue')")
                .param("open", open)
                .param("now", RequestRepository.utc(now))
                .query((rs, n) -> new Due(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getObject(3, UUID.class),
                        rs.getObject(4, UUID.class),
                        rs.getObject(5, UUID.class),
                        rs.getBoolean(6),
                        java.util.Objects.requireNonNull(RequestRepository.instant(rs, "acknowledge_due_at"))))
                .list()) {
            once(due.id(), "acknowledge-overdue", () -> {
                tellProvider(due.provider(), "requests.notice.acknowledge-overdue", due.reference(), due.id());
                tellOfficer(due.officer(), "requests.notice.acknowledge-overdue", due.reference(), due.id());
            });
        }
        // Answer due soon, then overdue.
        for (Due due : jdbc.sql("SELECT id, reference, requester_org_id, provider_org_id, officer_id, emergency,"
                        + " answer_due_at FROM legal_request r WHERE submitted_at IS NOT NULL AND status IN (:open)"
                        + " AND answer_due_at <= :horizon" + NOT_YET
                        + "CASE WHEN r.answer_due_at <= :now THEN 'answer-overdue' ELSE 'answer-due-soon' END)")
                .param("open", open)
                .param("horizon", RequestRepository.utc(now.plus(properties.dueSoon())))
                .param("now", RequestRepository.utc(now))
                .query((rs, n) -> new Due(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getObject(3, UUID.class),
                        rs.getObject(4, UUID.class),
                        rs.getObject(5, UUID.class),
                        rs.getBoolean(6),
                        java.util.Objects.requireNonNull(RequestRepository.instant(rs, "answer_due_at"))))
                .list()) {
            Duration soon = due.emergency() ? properties.emergencyAnswer().dividedBy(4) : properties.dueSoon();
            if (!now.isBefore(due.due())) {
                once(due.id(), "answer-overdue", () -> {
                    tellProvider(due.provider(), "requests.notice.answer-overdue", due.reference(), due.id());
                    events.publishEvent(Notice.toHolders(
                            due.provider(),
                            RequestPermissions.LEAD,
                            "requests.notice.answer-overdue",
                            List.of(due.reference()),
                            "/requests/" + due.id()));
                    tellOfficer(due.officer(), "requests.notice.answer-overdue", due.reference(), due.id());
                });
            } else if (!now.isBefore(due.due().minus(soon))) {
                once(
                        due.id(),
                        "answer-due-soon",
                        () -> tellProvider(
                                due.provider(), "requests.notice.answer-due-soon", due.reference(), due.id()));
            }
        }
        // Preservations: reminders before expiry, then the lapse.
        record Kept(UUID id, String reference, UUID officer, int extensions, Instant expires) {}
        for (Kept kept : jdbc.sql(
                        "SELECT id, reference, officer_id, preservation_extensions, preservation_expires_at"
                                + " FROM legal_request WHERE preservation_state = 'ACTIVE' AND preservation_expires_at <= :horizon")
                .param("horizon", RequestRepository.utc(now.plus(longest(properties.preservationReminders()))))
                .query((rs, n) -> new Kept(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getObject(3, UUID.class),
                        rs.getInt(4),
                        java.util.Objects.requireNonNull(RequestRepository.instant(rs, "preservation_expires_at"))))
                .list()) {
            if (!now.isBefore(kept.expires())) {
                transaction.executeWithoutResult(status -> preservations.lapse(kept.id()));
                continue;
            }
            // The reminder nearest to expiry that is due; the earlier ones are not sent late.
            Duration remaining = Duration.between(now, kept.expires());
            properties.preservationReminders().stream()
                    .filter(before -> remaining.compareTo(before) <= 0)
                    .min(Duration::compareTo)
                    .ifPresent(before -> once(
                            kept.id(),
                            "preservation-expiry-" + before.toDays() + "d-ext" + kept.extensions(),
                            () -> events.publishEvent(Notice.toPerson(
                                    kept.officer(),
                                    "requests.notice.preservation-expiring",
                                    List.of(kept.reference(), String.valueOf(Math.max(1, remaining.toDays()))),
                                    "/requests/" + kept.id()))));
        }
        transaction.executeWithoutResult(status -> oral.escalateOverdue());
    }

    private static Duration longest(List<Duration> durations) {
        return durations.stream().max(Duration::compareTo).orElse(Duration.ZERO);
    }

    /** Runs {@code send} in a transaction with the row that says it was sent, unless that row exists. */
    /**
     * Leaves out what has been told already, so that each round reads only what is new rather than
     * every overdue request again ({@link #once} would not send twice, but would still cost a
     * transaction per request per round).
     */
    private static final String NOT_YET =
            " AND NOT EXISTS (SELECT 1 FROM request_reminder m WHERE m.subject_id = r.id AND m.kind = ";

    private void once(UUID subject, String kind, Runnable send) {
        transaction.executeWithoutResult(status -> {
            int inserted = jdbc.sql("INSERT INTO request_reminder (subject_id, kind, sent_at) SELECT ?, ?, ?"
                            + " FROM (VALUES (1)) AS one (x) WHERE NOT EXISTS (SELECT 1 FROM request_reminder"
                            + " WHERE subject_id = ? AND kind = ?)")
                    .params(subject, kind, RequestRepository.utc(clock.instant()), subject, kind)
                    .update();
            if (inserted == 1) {
                send.run();
                auditLog.record(
                        Actor.SYSTEM,
                        AuditEvent.of("requests.reminder.sent", "legal_request", subject, null)
                                .with("kind", kind));
            }
        });
    }

    private void tellProvider(UUID provider, String key, String reference, UUID id) {
        events.publishEvent(
                Notice.toHolders(provider, RequestPermissions.HANDLE, key, List.of(reference), "/requests/" + id));
    }

    private void tellOfficer(UUID officer, String key, String reference, UUID id) {
        events.publishEvent(Notice.toPerson(officer, key, List.of(reference), "/requests/" + id));
    }
}
