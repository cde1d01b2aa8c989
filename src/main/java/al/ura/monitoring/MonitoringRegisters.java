package al.ura.monitoring;

import al.ura.audit.AuditEvent;
import al.ura.audit.AuditLog;
import al.ura.kernel.Actor;
import al.ura.kernel.FileStore;
import al.ura.kernel.ProblemException;
import al.ura.kernel.ProblemException.FieldProblem;
import al.ura.kernel.ProblemType;
import al.ura.kernel.StoredFile;
import java.io.InputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The two registers around the report (seed 002): agreements and memoranda signed with public,
 * private and foreign partners, with their signed document; and trainings, exercises, awareness
 * activities and international forums with their audience, participants and sessions. Monitoring
 * readers see them by year; only the coordinator records and corrects them, each change checked
 * whole, made on the version it was read at, and in the ledger. The annual report lists the year's.
 */
@Service
public class MonitoringRegisters {

    static final long MAX_DOCUMENT_BYTES = 20L * 1024 * 1024;
    static final int MAX_PARTICIPANTS = 1_000_000;
    static final int MAX_SESSIONS = 10_000;

    private final JdbcClient jdbc;
    private final StrategyPlans plans;
    private final FileStore files;
    private final AuditLog auditLog;
    private final Clock clock;
    private final ZoneId zone;

    MonitoringRegisters(
            JdbcClient jdbc,
            StrategyPlans plans,
            FileStore files,
            AuditLog auditLog,
            Clock clock,
            @Value("${ura.time-zone:Europe/Tirane}") String zone) {
        this.jdbc = jdbc;
        this.plans = plans;
        this.files = files;
        this.auditLog = auditLog;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    // ---- agreements ----

    @Transactional(readOnly = true)
    public List<AgreementView> agreements(Actor actor, int year) {
        plans.requireReader(actor, "monitoring.agreement.list");
        return agreements(year(year));
    }

    /** The agreements signed in a year, by date of signature: for the report, without a permission check. */
    List<AgreementView> agreements(int year) {
        return jdbc.sql(AGREEMENT + " WHERE a.signed_on >= ? AND a.signed_on < ? ORDER BY a.signed_on, a.title, a.id")
                .params(LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1))
                .query((rs, n) -> agreement(rs))
                .list();
    }

    @Transactional(readOnly = true)
    public AgreementView agreement(Actor actor, UUID id) {
        plans.requireReader(actor, "monitoring.agreement.read");
        return findAgreement(id).orElseThrow(ProblemException::notFound);
    }

    @Transactional
    @SuppressWarnings("NullAway") // the values are read only when no problem was found; SQL NULL is a value here
    public AgreementView createAgreement(Actor actor, AgreementCommand command) {
        plans.requireCoordinator(actor, "monitoring.agreement.create");
        ValidAgreement valid = validate(command, false);
        UUID id = UUID.randomUUID();
        jdbc.sql(
                        "INSERT INTO monitoring_agreement (id, title, parties, kind, partner, signed_on, scope, status, created_at,"
                                + " updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        id,
                        valid.title(),
                        valid.parties(),
                        valid.kind().name(),
                        valid.partner().name(),
                        valid.signedOn(),
                        valid.scope(),
                        valid.status().name(),
                        StrategyPlans.utc(clock.instant()),
                        StrategyPlans.utc(clock.instant()))
                .update();
        auditLog.record(
                actor,
                AuditEvent.of("monitoring.agreement.created", "monitoring_agreement", id, null)
                        .with("kind", valid.kind())
                        .with("signedOn", valid.signedOn()));
        return findAgreement(id).orElseThrow();
    }

    @Transactional
    @SuppressWarnings("NullAway") // the values are read only when no problem was found; SQL NULL is a value here
    public AgreementView updateAgreement(Actor actor, UUID id, AgreementCommand command) {
        plans.requireCoordinator(actor, "monitoring.agreement.update");
        AgreementView existing = findAgreement(id).orElseThrow(ProblemException::notFound);
        ValidAgreement valid = validate(command, true);
        int changed = jdbc.sql(
                        "UPDATE monitoring_agreement SET title = ?, parties = ?, kind = ?, partner = ?, signed_on = ?,"
                                + " scope = ?, status = ?, updated_at = ?, version = version + 1 WHERE id = ? AND version = ?")
                .params(
                        valid.title(),
                        valid.parties(),
                        valid.kind().name(),
                        valid.partner().name(),
                        valid.signedOn(),
                        valid.scope(),
                        valid.status().name(),
                        StrategyPlans.utc(clock.instant()),
                        id,
                        valid.version())
                .update();
        if (changed == 0) {
            throw new ProblemException(ProblemType.CONFLICT, "monitoring.agreement.problem.changed");
        }
        auditLog.record(
                actor,
                AuditEvent.of("monitoring.agreement.updated", "monitoring_agreement", id, null)
                        .with("version", existing.version() + 1)
                        .with("status", valid.status()));
        return findAgreement(id).orElseThrow();
    }

    /** Keeps the signed document of an agreement (replacing any earlier one); the file's type is read from its bytes. */
    @Transactional
    public AgreementView attachDocument(Actor actor, UUID id, InputStream content, String name) {
        plans.requireCoordinator(actor, "monitoring.agreement.document.attach");
        if (findAgreement(id).isEmpty()) {
            throw ProblemException.notFound();
        }
        StoredFile file = files.store(content, name, MAX_DOCUMENT_BYTES, FileStore.DOCUMENTS, "document");
        jdbc.sql("UPDATE monitoring_agreement SET file_id = ?, updated_at = ?, version = version + 1 WHERE id = ?")
                .params(file.id(), StrategyPlans.utc(clock.instant()), id)
                .update();
        auditLog.record(
                actor,
                AuditEvent.of("monitoring.agreement.document.attached", "monitoring_agreement", id, null)
                        .with("file", file.id())
                        .with("sha256", file.sha256()));
        return findAgreement(id).orElseThrow();
    }

    /** A stored document and its bytes, for a download. */
    public record Download(StoredFile file, InputStream content) {}

    /** The signed document of an agreement, for any monitoring reader; every download is in the ledger. */
    @Transactional
    public Download document(Actor actor, UUID id) {
        plans.requireReader(actor, "monitoring.agreement.document.read");
        AgreementView agreement = findAgreement(id).orElseThrow(ProblemException::notFound);
        AgreementView.Document document = agreement.document();
        if (document == null) {
            throw ProblemException.notFound();
        }
        StoredFile file = files.find(document.fileId()).orElseThrow(ProblemException::notFound);
        auditLog.record(
                actor,
                AuditEvent.of("monitoring.agreement.document.read", "monitoring_agreement", id, null)
                        .with("file", file.id()));
        return new Download(file, files.open(file.id()));
    }

    Optional<AgreementView> findAgreement(UUID id) {
        return jdbc.sql(AGREEMENT + " WHERE a.id = ?")
                .param(id)
                .query((rs, n) -> agreement(rs))
                .optional();
    }

    private record ValidAgreement(
            String title,
            String parties,
            AgreementView.Kind kind,
            AgreementView.Partner partner,
            LocalDate signedOn,
            @Nullable String scope,
            AgreementView.Status status,
            @Nullable Integer version) {}

    @SuppressWarnings("NullAway") // the values are read only when no problem was found
    private ValidAgreement validate(AgreementCommand command, boolean update) {
        List<FieldProblem> problems = new ArrayList<>();
        if (update && command.version() == null) {
            problems.add(FieldProblem.of("version", "validation.required"));
        }
        String title = StrategyPlans.text(command.title(), "title", 500, problems);
        String parties = StrategyPlans.text(command.parties(), "parties", 2000, problems);
        required(command.kind(), "kind", problems);
        required(command.partner(), "partner", problems);
        required(command.status(), "status", problems);
        LocalDate signedOn = command.signedOn();
        if (signedOn == null) {
            problems.add(FieldProblem.of("signedOn", "validation.required"));
        } else if (signedOn.isAfter(today())) {
            problems.add(FieldProblem.of("signedOn", "monitoring.agreement.validation.signed-future"));
        } else if (signedOn.getYear() < 1990) {
            problems.add(FieldProblem.of("signedOn", "monitoring.agreement.validation.signed-early"));
        }
        String scope = optional(command.scope(), "scope", 2000, problems);
        if (!problems.isEmpty()) {
            throw ProblemException.validation(problems);
        }
        return new ValidAgreement(
                title,
                parties,
                command.kind(),
                command.partner(),
                signedOn,
                scope,
                command.status(),
                command.version());
    }

    private static final String AGREEMENT =
            "SELECT a.id, a.title, a.parties, a.kind, a.partner, a.signed_on, a.scope, a.status,"
                    + " a.version, f.id, f.original_name, f.content_type, f.size_bytes, f.sha256 FROM monitoring_agreement a"
                    + " LEFT JOIN stored_file f ON f.id = a.file_id";

    @SuppressWarnings("NullAway") // the NOT NULL columns are never null
    private static AgreementView agreement(ResultSet rs) throws SQLException {
        UUID file = rs.getObject(10, UUID.class);
        return new AgreementView(
                rs.getObject(1, UUID.class),
                rs.getString(2),
                rs.getString(3),
                AgreementView.Kind.valueOf(rs.getString(4)),
                AgreementView.Partner.valueOf(rs.getString(5)),
                rs.getObject(6, LocalDate.class),
                rs.getString(7),
                AgreementView.Status.valueOf(rs.getString(8)),
                file == null
                        ? null
                        : new AgreementView.Document(
                                file, rs.getString(11), rs.getString(12), rs.getLong(13), rs.getString(14)),
                rs.getInt(9));
    }

    // ---- trainings, exercises, awareness activities, forums ----

    @Transactional(readOnly = true)
    public List<EventView> events(Actor actor, int year) {
        plans.requireReader(actor, "monitoring.event.list");
        return events(year(year));
    }

    /** The activities held in a year, by date: for the report, without a permission check. */
    List<EventView> events(int year) {
        return jdbc.sql(EVENT + " WHERE held_on >= ? AND held_on < ? ORDER BY held_on, title, id")
                .params(LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1))
                .query((rs, n) -> event(rs))
                .list();
    }

    @Transactional(readOnly = true)
    public EventView event(Actor actor, UUID id) {
        plans.requireReader(actor, "monitoring.event.read");
        return findEvent(id).orElseThrow(ProblemException::notFound);
    }

    @Transactional
    @SuppressWarnings("NullAway") // the values are read only when no problem was found; SQL NULL is a value here
    public EventView createEvent(Actor actor, EventCommand command) {
        plans.requireCoordinator(actor, "monitoring.event.create");
        ValidEvent valid = validate(command, false);
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO monitoring_event (id, kind, title, held_on, organiser, audience, participants, sessions,"
                        + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        id,
                        valid.kind().name(),
                        valid.title(),
                        valid.heldOn(),
                        valid.organiser(),
                        valid.audience(),
                        valid.participants(),
                        valid.sessions(),
                        StrategyPlans.utc(clock.instant()),
                        StrategyPlans.utc(clock.instant()))
                .update();
        auditLog.record(
                actor,
                AuditEvent.of("monitoring.event.created", "monitoring_event", id, null)
                        .with("kind", valid.kind())
                        .with("heldOn", valid.heldOn()));
        return findEvent(id).orElseThrow();
    }

    @Transactional
    @SuppressWarnings("NullAway") // the values are read only when no problem was found; SQL NULL is a value here
    public EventView updateEvent(Actor actor, UUID id, EventCommand command) {
        plans.requireCoordinator(actor, "monitoring.event.update");
        EventView existing = findEvent(id).orElseThrow(ProblemException::notFound);
        ValidEvent valid = validate(command, true);
        int changed = jdbc.sql(
                        "UPDATE monitoring_event SET kind = ?, title = ?, held_on = ?, organiser = ?, audience = ?,"
                                + " participants = ?, sessions = ?, updated_at = ?, version = version + 1 WHERE id = ? AND version = ?")
                .params(
                        valid.kind().name(),
                        valid.title(),
                        valid.heldOn(),
                        valid.organiser(),
                        valid.audience(),
                        valid.participants(),
                        valid.sessions(),
                        StrategyPlans.utc(clock.instant()),
                        id,
                        valid.version())
                .update();
        if (changed == 0) {
            throw new ProblemException(ProblemType.CONFLICT, "monitoring.event.problem.changed");
        }
        auditLog.record(
                actor,
                AuditEvent.of("monitoring.event.updated", "monitoring_event", id, null)
                        .with("version", existing.version() + 1));
        return findEvent(id).orElseThrow();
    }

    Optional<EventView> findEvent(UUID id) {
        return jdbc.sql(EVENT + " WHERE id = ?")
                .param(id)
                .query((rs, n) -> event(rs))
                .optional();
    }

    private record ValidEvent(
            EventView.Kind kind,
            String title,
            LocalDate heldOn,
            String organiser,
            @Nullable String audience,
            int participants,
            int sessions,
            @Nullable Integer version) {}

    @SuppressWarnings("NullAway") // the values are read only when no problem was found
    private ValidEvent validate(EventCommand command, boolean update) {
        List<FieldProblem> problems = new ArrayList<>();
        if (update && command.version() == null) {
            problems.add(FieldProblem.of("version", "validation.required"));
        }
        required(command.kind(), "kind", problems);
        String title = StrategyPlans.text(command.title(), "title", 500, problems);
        String organiser = StrategyPlans.text(command.organiser(), "organiser", 300, problems);
        String audience = optional(command.audience(), "audience", 500, problems);
        LocalDate heldOn = command.heldOn();
        if (heldOn == null) {
            problems.add(FieldProblem.of("heldOn", "validation.required"));
        } else if (heldOn.isAfter(today())) {
            problems.add(FieldProblem.of("heldOn", "monitoring.validation.future-date"));
        } else if (heldOn.getYear() < 1990) {
            problems.add(FieldProblem.of("heldOn", "monitoring.agreement.validation.signed-early"));
        }
        Integer participants = command.participants();
        if (participants == null) {
            problems.add(FieldProblem.of("participants", "validation.required"));
        } else if (participants < 0 || participants > MAX_PARTICIPANTS) {
            problems.add(FieldProblem.of("participants", "monitoring.event.validation.participants", MAX_PARTICIPANTS));
        }
        Integer sessions = command.sessions();
        if (sessions == null) {
            problems.add(FieldProblem.of("sessions", "validation.required"));
        } else if (sessions < 1 || sessions > MAX_SESSIONS) {
            problems.add(FieldProblem.of("sessions", "monitoring.event.validation.sessions", MAX_SESSIONS));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.validation(problems);
        }
        return new ValidEvent(
                command.kind(),
                title,
                heldOn,
                organiser,
                audience,
                Objects.requireNonNull(participants),
                Objects.requireNonNull(sessions),
                command.version());
    }

    private static final String EVENT =
            "SELECT id, kind, title, held_on, organiser, audience, participants, sessions, version"
                    + " FROM monitoring_event";

    @SuppressWarnings("NullAway") // the NOT NULL columns are never null
    private static EventView event(ResultSet rs) throws SQLException {
        return new EventView(
                rs.getObject(1, UUID.class),
                EventView.Kind.valueOf(rs.getString(2)),
                rs.getString(3),
                rs.getObject(4, LocalDate.class),
                rs.getString(5),
                rs.getString(6),
                rs.getInt(7),
                rs.getInt(8),
                rs.getInt(9));
    }

    // ---- helpers ----

    private LocalDate today() {
        return LocalDate.now(clock.withZone(zone));
    }

    private static int year(int year) {
        if (year < 1990 || year > 2100) {
            throw ProblemException.validation(List.of(FieldProblem.of("year", "monitoring.agreement.validation.year")));
        }
        return year;
    }

    private static void required(@Nullable Object value, String field, List<FieldProblem> problems) {
        if (value == null) {
            problems.add(FieldProblem.of(field, "validation.required"));
        }
    }

    private static @Nullable String optional(
            @Nullable String value, String field, int max, List<FieldProblem> problems) {
        String trimmed = value == null ? "" : value.trim();
        if (trimmed.isEmpty()) {
            return null;
        }
        if (trimmed.length() > max) {
            problems.add(FieldProblem.of(field, "monitoring.validation.too-long", max));
        }
        return trimmed;
    }
}
