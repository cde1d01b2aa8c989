package al.ura.directory;

import al.ura.audit.AuditEvent;
import al.ura.audit.AuditLog;
import al.ura.kernel.Actor;
import al.ura.kernel.JobLocks;
import al.ura.kernel.Notice;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminds each organisation's directory managers ({@code directory.own.manage}) to re-verify a
 * contact a while before it falls due, and tells them once when it is overdue. One node runs it at
 * a time; each reminder is sent once per due date (a re-verification sets a new one).
 */
@Component
class ReverificationReminders {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private record Due(UUID contactId, UUID organisationId, String name, LocalDate due) {}

    private final JdbcClient jdbc;
    private final ContactDirectory contacts;
    private final JobLocks locks;
    private final ApplicationEventPublisher events;
    private final AuditLog auditLog;
    private final TransactionTemplate transaction;
    private final int daysAhead;

    ReverificationReminders(
            JdbcClient jdbc,
            ContactDirectory contacts,
            JobLocks locks,
            ApplicationEventPublisher events,
            AuditLog auditLog,
            TransactionTemplate transaction,
            @Value("${ura.directory.reverification-reminder-days:14}") int daysAhead) {
        this.jdbc = jdbc;
        this.contacts = contacts;
        this.locks = locks;
        this.events = events;
        this.auditLog = auditLog;
        this.transaction = transaction;
        this.daysAhead = daysAhead;
    }

    @Scheduled(cron = "${ura.directory.reverification-cron:0 0 7 * * *}", zone = "${ura.time-zone:Europe/Tirane}")
    void scheduled() {
        locks.runExclusively("directory-reverification-reminders", Duration.ofMinutes(30), this::run);
    }

    /** Sends what is due today; returns how many notices went out. */
    int run() {
        LocalDate today = contacts.today();
        int sent = 0;
        List<Due> dueSoon = jdbc.sql("SELECT c.id, c.organisation_id, c.name, c.verification_due FROM contact_point c"
                        + " JOIN organisation o ON o.id = c.organisation_id WHERE c.removed_at IS NULL"
                        + " AND o.status = 'ACTIVE' AND c.verification_due >= ? AND c.verification_due <= ?"
                        + " AND (c.reminded_for IS NULL OR c.reminded_for <> c.verification_due)")
                .params(today, today.plusDays(daysAhead))
                .query((rs, n) -> due(rs))
                .list();
        for (Due due : dueSoon) {
            sent += send(
                    due, "directory.notice.reverify-due", "reminded_for", "directory.contact.reverification-reminded");
        }
        List<Due> overdue = jdbc.sql("SELECT c.id, c.organisation_id, c.name, c.verification_due FROM contact_point c"
                        + " JOIN organisation o ON o.id = c.organisation_id WHERE c.removed_at IS NULL"
                        + " AND o.status = 'ACTIVE' AND c.verification_due < ?"
                        + " AND (c.overdue_notified_for IS NULL OR c.overdue_notified_for <> c.verification_due)")
                .param(today)
                .query((rs, n) -> due(rs))
                .list();
        for (Due due : overdue) {
            sent += send(
                    due,
                    "directory.notice.reverify-overdue",
                    "overdue_notified_for",
                    "directory.contact.overdue-notified");
        }
        return sent;
    }

    private int send(Due due, String messageKey, String column, String action) {
        Integer marked = transaction.execute(status -> {
            // Only the transaction that marks the due date sends, so a rerun or a second node sends nothing twice.
            int changed = jdbc.sql("UPDATE contact_point SET " + column + " = ? WHERE id = ? AND verification_due = ?"
                            + " AND (" + column + " IS NULL OR " + column + " <> ?)")
                    .params(due.due(), due.contactId(), due.due(), due.due())
                    .update();
            if (changed == 1) {
                events.publishEvent(Notice.toHolders(
                        due.organisationId(),
                        DirectoryPermissions.MANAGE_OWN,
                        messageKey,
                        List.of(due.name(), DATE.format(due.due())),
                        "/directory/contacts/" + due.contactId()));
                auditLog.record(
                        Actor.SYSTEM,
                        AuditEvent.of(action, "contact_point", due.contactId(), due.organisationId())
                                .with("due", due.due()));
            }
            return changed;
        });
        return Objects.requireNonNullElse(marked, 0);
    }

    private static Due due(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Due(
                rs.getObject("id", UUID.class),
                rs.getObject("organisation_id", UUID.class),
                rs.getString("name"),
                rs.getObject("verification_due", LocalDate.class));
    }
}
