package al.ura.monitoring;

import al.ura.audit.AuditEvent;
import al.ura.audit.AuditLog;
import al.ura.kernel.Actor;
import al.ura.kernel.JobLocks;
import al.ura.kernel.Notice;
import al.ura.kernel.ProblemException;
import al.ura.kernel.ProblemException.FieldProblem;
import al.ura.kernel.ProblemType;
import java.math.BigDecimal;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reporting cycle: the coordinator opens a period with a deadline; each institution's strategy
 * contact point reports on the measures of the action plan its institution is responsible for,
 * and only on those; the coordinator accepts or returns each submission with comments; reminders
 * go out before the deadline; once the coordinator locks the period nothing changes until it is
 * reopened (audited). A measure without an accepted submission counts as "no information".
 */
@Service
public class ProgressReporting {

    static final ProblemType LOCKED = new ProblemType("period-locked", 409);
    static final ProblemType STATE = new ProblemType("submission-state", 409);
    static final int REMINDER_DAYS = 14;

    private final JdbcClient jdbc;
    private final StrategyPlans plans;
    private final AuditLog auditLog;
    private final ApplicationEventPublisher events;
    private final JobLocks locks;
    private final Clock clock;
    private final ZoneId zone;

    ProgressReporting(
            JdbcClient jdbc,
            StrategyPlans plans,
            AuditLog auditLog,
            ApplicationEventPublisher events,
            JobLocks locks,
            Clock clock,
            @Value("${ura.time-zone:Europe/Tirane}") String zone) {
        this.jdbc = jdbc;
        this.plans = plans;
        this.auditLog = auditLog;
        this.events = events;
        this.locks = locks;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    // ---- periods ----

    @Transactional
    @SuppressWarnings("NullAway") // the deadline is read only when present
    public PeriodView openPeriod(Actor actor, UUID strategyId, int year, @Nullable LocalDate deadline) {
        plans.requireCoordinator(actor, "monitoring.period.open");
        StrategyView strategy = plans.load(strategyId).orElseThrow(ProblemException::notFound);
        List<FieldProblem> problems = new ArrayList<>();
        if (year < strategy.firstYear() || year > strategy.lastYear()) {
            problems.add(FieldProblem.of("year", "monitoring.validation.plan-year"));
        }
        if (deadline == null) {
            problems.add(FieldProblem.of("deadline", "validation.required"));
        }
        if (period(strategyId, year).isPresent()) {
            problems.add(FieldProblem.of("year", "monitoring.validation.period-exists"));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.validation(problems);
        }
        UUID id = UUID.randomUUID();
        jdbc.sql(
                        "INSERT INTO reporting_period (id, strategy_id, period_year, deadline, status, opened_at) VALUES (?, ?, ?, ?, 'OPEN', ?)")
                .params(id, strategyId, year, deadline, StrategyPlans.utc(clock.instant()))
                .update();
        auditLog.record(
                actor,
                AuditEvent.of("monitoring.period.opened", "reporting_period", id, null)
                        .with("year", year));
        for (UUID organisation : responsibleFor(strategyId, year)) {
            events.publishEvent(Notice.toHolders(
                    organisation,
                    MonitoringPermissions.REPORT,
                    "monitoring.notice.period-opened",
                    List.of(
                            String.valueOf(year),
                            java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy")
                                    .format(Objects.requireNonNull(deadline))),
                    "/monitoring/periods/" + id));
        }
        return find(id).orElseThrow();
    }

    @Transactional
    public PeriodView lock(Actor actor, UUID periodId) {
        return move(
                actor,
                periodId,
                PeriodView.Status.OPEN,
                PeriodView.Status.LOCKED,
                "monitoring.period.locked",
                "locked_at");
    }

    @Transactional
    public PeriodView reopen(Actor actor, UUID periodId, @Nullable String reason) {
        String why = StrategyPlans.text(reason, "reason", 2000, new ArrayList<>());
        if (why.isEmpty()) {
            throw ProblemException.validation(List.of(FieldProblem.of("reason", "validation.required")));
        }
        PeriodView period = move(
                actor, periodId, PeriodView.Status.LOCKED, PeriodView.Status.OPEN, "monitoring.period.reopened", null);
        auditLog.record(
                actor,
                AuditEvent.of("monitoring.period.reopen-reason", "reporting_period", periodId, null)
                        .with("reason", why));
        return period;
    }

    @Transactional
    public PeriodView publish(Actor actor, UUID periodId) {
        return move(
                actor,
                periodId,
                PeriodView.Status.LOCKED,
                PeriodView.Status.PUBLISHED,
                "monitoring.period.published",
                "published_at");
    }

    /** The coordinator's texts for the report: preface and recommendations, in both languages; not once published. */
    @Transactional
    @SuppressWarnings("NullAway") // SQL NULL is a value here
    public PeriodView writeTexts(
            Actor actor,
            UUID periodId,
            @Nullable String prefaceSq,
            @Nullable String prefaceEn,
            @Nullable String recommendationsSq,
            @Nullable String recommendationsEn) {
        plans.requireCoordinator(actor, "monitoring.period.texts");
        PeriodView period = find(periodId).orElseThrow(ProblemException::notFound);
        if (period.status() == PeriodView.Status.PUBLISHED) {
            throw new ProblemException(LOCKED, "monitoring.problem.published");
        }
        jdbc.sql(
                        "UPDATE reporting_period SET preface_sq = ?, preface_en = ?, recommendations_sq = ?, recommendations_en = ?,"
                                + " version = version + 1 WHERE id = ?")
                .params(
                        blank(prefaceSq),
                        blank(prefaceEn),
                        blank(recommendationsSq),
                        blank(recommendationsEn),
                        periodId)
                .update();
        auditLog.record(actor, AuditEvent.of("monitoring.period.texts-updated", "reporting_period", periodId, null));
        return find(periodId).orElseThrow();
    }

    private PeriodView move(
            Actor actor,
            UUID periodId,
            PeriodView.Status from,
            PeriodView.Status to,
            String action,
            @Nullable String stamp) {
        plans.requireCoordinator(actor, action);
        int changed = jdbc.sql("UPDATE reporting_period SET status = ?, version = version + 1"
                        + (stamp == null ? "" : ", " + stamp + " = ?") + " WHERE id = ? AND status = ?")
                .params(
                        stamp == null
                                ? List.of(to.name(), periodId, from.name())
                                : List.of(to.name(), StrategyPlans.utc(clock.instant()), periodId, from.name()))
                .update();
        if (changed == 0) {
            if (find(periodId).isEmpty()) {
                throw ProblemException.notFound();
            }
            throw new ProblemException(LOCKED, "monitoring.problem.period-state");
        }
        auditLog.record(actor, AuditEvent.of(action, "reporting_period", periodId, null));
        return find(periodId).orElseThrow();
    }

    @Transactional(readOnly = true)
    public List<PeriodView> periods(Actor actor, UUID strategyId) {
        plans.requireReader(actor, "monitoring.period.list");
        return jdbc.sql(PERIOD + " WHERE strategy_id = ? ORDER BY period_year DESC")
                .param(strategyId)
                .query((rs, n) -> period(rs))
                .list();
    }

    @Transactional(readOnly = true)
    public PeriodView period(Actor actor, UUID periodId) {
        plans.requireReader(actor, "monitoring.period.read");
        return find(periodId).orElseThrow(ProblemException::notFound);
    }

    Optional<PeriodView> find(UUID periodId) {
        return jdbc.sql(PERIOD + " WHERE id = ?")
                .param(periodId)
                .query((rs, n) -> period(rs))
                .optional();
    }

    Optional<PeriodView> period(UUID strategyId, int year) {
        return jdbc.sql(PERIOD + " WHERE strategy_id = ? AND period_year = ?")
                .params(strategyId, year)
                .query((rs, n) -> period(rs))
                .optional();
    }

    /** The published periods of every strategy, newest first: what the open progress page lists, to anyone. */
    @Transactional(readOnly = true)
    public List<PeriodView> published() {
        return jdbc.sql(PERIOD + " WHERE status = 'PUBLISHED' ORDER BY period_year DESC, strategy_id")
                .query((rs, n) -> period(rs))
                .list();
    }

    /** A strategy's period of a year, only once published: the open progress page shows nothing else. */
    @Transactional(readOnly = true)
    public Optional<PeriodView> published(UUID strategyId, int year) {
        return period(strategyId, year).filter(p -> p.status() == PeriodView.Status.PUBLISHED);
    }

    // ---- submissions ----

    /** A measure due in a period for the reader's institution, with its submission if there is one. */
    public record Due(
            StrategyView.MeasureView measure,
            int policy,
            String objective,
            @Nullable SubmissionView submission) {}

    /** The measures of the period's action plan the actor's institution is responsible for (the coordinator sees all). */
    @Transactional(readOnly = true)
    public List<Due> due(Actor actor, UUID periodId) {
        if (!actor.hasAny(MonitoringPermissions.REPORT, MonitoringPermissions.COORDINATE)) {
            auditLog.denied(
                    actor, AuditEvent.of("monitoring.due.list", "reporting_period", periodId, actor.organisationId()));
            throw ProblemException.forbidden();
        }
        PeriodView period = find(periodId).orElseThrow(ProblemException::notFound);
        StrategyView strategy = plans.load(period.strategyId()).orElseThrow();
        Set<UUID> planned = plans.actionPlan(strategy.id(), period.year());
        Map<UUID, SubmissionView> submissions = new HashMap<>();
        submissions(periodId).forEach(s -> submissions.put(s.measureId(), s));
        List<Due> due = new ArrayList<>();
        for (StrategyView.PolicyView policy : strategy.policies()) {
            for (StrategyView.ObjectiveView objective : policy.objectives()) {
                for (StrategyView.MeasureView measure : objective.measures()) {
                    boolean mine =
                            actor.has(MonitoringPermissions.COORDINATE) || actor.belongsTo(measure.responsibleId());
                    if (planned.contains(measure.id()) && mine) {
                        due.add(new Due(measure, policy.number(), objective.letter(), submissions.get(measure.id())));
                    }
                }
            }
        }
        return due;
    }

    /**
     * One measure due in the period for the contact point's own institution, for its report form;
     * readable also once the period is locked. Another institution's measure, or one not in the
     * year's plan, is not found (and the refusal is in the ledger), as if it did not exist.
     */
    @Transactional(readOnly = true)
    public Due dueFor(Actor actor, UUID periodId, UUID measureId) {
        String action = "monitoring.submission.read";
        if (!actor.has(MonitoringPermissions.REPORT) || actor.organisationId() == null) {
            auditLog.denied(actor, AuditEvent.of(action, "strategy_measure", measureId, actor.organisationId()));
            throw ProblemException.forbidden();
        }
        PeriodView period = find(periodId).orElseThrow(() -> {
            auditLog.denied(actor, AuditEvent.of(action, "reporting_period", periodId, actor.organisationId()));
            return ProblemException.notFound();
        });
        return due(actor, period.id()).stream()
                .filter(d -> d.measure().id().equals(measureId)
                        && actor.belongsTo(d.measure().responsibleId()))
                .findFirst()
                .orElseThrow(() -> {
                    auditLog.denied(
                            actor,
                            AuditEvent.of(action, "strategy_measure", measureId, actor.organisationId())
                                    .with("reason", "not-own-institution-or-not-due"));
                    return ProblemException.notFound();
                });
    }

    /** Saves the institution's report on a measure as a draft; only its own institution's measures, only while the period is open. */
    @Transactional
    public SubmissionView save(Actor actor, UUID periodId, UUID measureId, SubmissionCommand command) {
        Target target = requireReporter(actor, periodId, measureId, "monitoring.submission.save");
        Valid valid = validate(command, target.measure(), false);
        Instant now = clock.instant();
        SubmissionView existing = target.submission();
        UUID id;
        if (existing == null) {
            id = UUID.randomUUID();
            jdbc.sql("INSERT INTO progress_submission (id, period_id, measure_id, organisation_id, status, updated_at)"
                            + " VALUES (?, ?, ?, ?, 'DRAFT', ?)")
                    .params(id, periodId, measureId, actor.requireOrganisation(), StrategyPlans.utc(now))
                    .update();
        } else {
            if (existing.status() == SubmissionView.Status.SUBMITTED
                    || existing.status() == SubmissionView.Status.ACCEPTED) {
                throw new ProblemException(STATE, "monitoring.problem.submission-under-review");
            }
            id = existing.id();
        }
        write(
                id,
                valid,
                existing == null || existing.status() == SubmissionView.Status.DRAFT
                        ? SubmissionView.Status.DRAFT
                        : SubmissionView.Status.RETURNED,
                now);
        auditLog.record(
                actor, AuditEvent.of("monitoring.submission.saved", "progress_submission", id, actor.organisationId()));
        return submission(id).orElseThrow();
    }

    /** Sends the saved report to the coordinator; checked whole. */
    @Transactional
    public SubmissionView submit(Actor actor, UUID periodId, UUID measureId) {
        Target target = requireReporter(actor, periodId, measureId, "monitoring.submission.submit");
        SubmissionView submission = target.submission();
        if (submission == null
                || !(submission.status() == SubmissionView.Status.DRAFT
                        || submission.status() == SubmissionView.Status.RETURNED)) {
            throw new ProblemException(STATE, "monitoring.problem.nothing-to-submit");
        }
        validate(command(submission), target.measure(), true);
        Instant now = clock.instant();
        jdbc.sql(
                        "UPDATE progress_submission SET status = 'SUBMITTED', submitted_by = ?, submitted_at = ?, updated_at = ?,"
                                + " version = version + 1 WHERE id = ? AND status IN ('DRAFT', 'RETURNED')")
                .params(
                        Objects.requireNonNull(actor.userId()),
                        StrategyPlans.utc(now),
                        StrategyPlans.utc(now),
                        submission.id())
                .update();
        auditLog.record(
                actor,
                AuditEvent.of(
                        "monitoring.submission.submitted",
                        "progress_submission",
                        submission.id(),
                        actor.organisationId()));
        coordinatorNotice(
                target.period(), "monitoring.notice.submitted", target.measure().code(), submission.id());
        return submission(submission.id()).orElseThrow();
    }

    /** The coordinator accepts a submission, or returns it with a comment. */
    @Transactional
    public SubmissionView review(Actor actor, UUID submissionId, boolean accept, @Nullable String comment) {
        plans.requireCoordinator(actor, "monitoring.submission.review");
        SubmissionView submission = submission(submissionId).orElseThrow(ProblemException::notFound);
        PeriodView period = find(submission.periodId()).orElseThrow();
        requireOpen(actor, period, "monitoring.submission.review");
        String text = comment == null || comment.isBlank() ? null : comment.trim();
        if (!accept && text == null) {
            throw ProblemException.validation(
                    List.of(FieldProblem.of("comment", "monitoring.validation.return-comment")));
        }
        int changed = jdbc.sql(
                        "UPDATE progress_submission SET status = ?, review_comment = ?, reviewed_by = ?, reviewed_at = ?,"
                                + " version = version + 1 WHERE id = ? AND status = 'SUBMITTED'")
                .params(
                        accept ? "ACCEPTED" : "RETURNED",
                        text == null ? "" : text,
                        Objects.requireNonNull(actor.userId()),
                        StrategyPlans.utc(clock.instant()),
                        submissionId)
                .update();
        if (changed == 0) {
            throw new ProblemException(STATE, "monitoring.problem.not-submitted");
        }
        auditLog.record(
                actor,
                AuditEvent.of(
                        accept ? "monitoring.submission.accepted" : "monitoring.submission.returned",
                        "progress_submission",
                        submissionId,
                        submission.organisationId()));
        events.publishEvent(Notice.toHolders(
                submission.organisationId(),
                MonitoringPermissions.REPORT,
                accept ? "monitoring.notice.accepted" : "monitoring.notice.returned",
                List.of(String.valueOf(period.year())),
                "/monitoring/periods/" + period.id()));
        return submission(submissionId).orElseThrow();
    }

    @Transactional(readOnly = true)
    public List<SubmissionView> submissions(Actor actor, UUID periodId) {
        plans.requireReader(actor, "monitoring.submission.list");
        return submissions(periodId).stream()
                .filter(s -> actor.has(MonitoringPermissions.COORDINATE) || actor.belongsTo(s.organisationId()))
                .toList();
    }

    List<SubmissionView> submissions(UUID periodId) {
        List<SubmissionView> rows = jdbc.sql(SUBMISSION + " WHERE period_id = ?")
                .param(periodId)
                .query((rs, n) -> submission(rs))
                .list();
        return withActivities(rows);
    }

    Optional<SubmissionView> submission(UUID id) {
        return withActivities(jdbc.sql(SUBMISSION + " WHERE id = ?")
                        .param(id)
                        .query((rs, n) -> submission(rs))
                        .list())
                .stream()
                .findFirst();
    }

    /** Reminds institutions with measures still unreported before the deadline, once per period. */
    @Scheduled(cron = "${ura.monitoring.reminder-cron:0 30 7 * * *}", zone = "${ura.time-zone:Europe/Tirane}")
    void scheduled() {
        locks.runExclusively("monitoring.reminders", Duration.ofMinutes(5), this::remind);
    }

    @Transactional
    public int remind() {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        int sent = 0;
        for (PeriodView period : jdbc.sql(PERIOD + " WHERE status = 'OPEN' AND deadline >= ? AND deadline <= ?")
                .params(today, today.plusDays(REMINDER_DAYS))
                .query((rs, n) -> period(rs))
                .list()) {
            Set<UUID> reported =
                    new java.util.HashSet<>(jdbc.sql("SELECT measure_id FROM progress_submission WHERE period_id = ?"
                                    + " AND status IN ('SUBMITTED', 'ACCEPTED')")
                            .param(period.id())
                            .query(UUID.class)
                            .list());
            StrategyView strategy = plans.load(period.strategyId()).orElseThrow();
            Set<UUID> planned = plans.actionPlan(strategy.id(), period.year());
            Map<UUID, Integer> missing = new HashMap<>();
            strategy.measures().stream()
                    .filter(m -> planned.contains(m.id()) && !reported.contains(m.id()) && m.responsibleId() != null)
                    .forEach(m -> missing.merge(m.responsibleId(), 1, Integer::sum));
            for (Map.Entry<UUID, Integer> institution : missing.entrySet()) {
                int inserted = jdbc.sql(
                                "INSERT INTO job_lock (name, locked_until, locked_by) SELECT ?, ?, 'reminder'"
                                        + " FROM (VALUES (1)) AS one (x) WHERE NOT EXISTS (SELECT 1 FROM job_lock WHERE name = ?)")
                        .params(
                                reminderKey(period, institution.getKey()),
                                StrategyPlans.utc(Instant.EPOCH),
                                reminderKey(period, institution.getKey()))
                        .update();
                if (inserted == 1) {
                    events.publishEvent(Notice.toHolders(
                            institution.getKey(),
                            MonitoringPermissions.REPORT,
                            "monitoring.notice.deadline",
                            List.of(String.valueOf(period.year()), String.valueOf(institution.getValue())),
                            "/monitoring/periods/" + period.id()));
                    sent++;
                }
            }
        }
        return sent;
    }

    private static String reminderKey(PeriodView period, UUID organisation) {
        return "monitoring.reminder." + period.id() + "." + organisation;
    }

    // ---- helpers ----

    private record Target(
            PeriodView period,
            StrategyView.MeasureView measure,
            @Nullable SubmissionView submission) {}

    /** The measure, if it is in the period's plan and the actor's institution is responsible for it; the period must be open. */
    private Target requireReporter(Actor actor, UUID periodId, UUID measureId, String action) {
        if (!actor.has(MonitoringPermissions.REPORT) || actor.organisationId() == null) {
            auditLog.denied(actor, AuditEvent.of(action, "strategy_measure", measureId, actor.organisationId()));
            throw ProblemException.forbidden();
        }
        PeriodView period = find(periodId).orElseThrow(() -> {
            auditLog.denied(actor, AuditEvent.of(action, "reporting_period", periodId, actor.organisationId()));
            return ProblemException.notFound();
        });
        StrategyView strategy = plans.load(period.strategyId()).orElseThrow();
        Optional<StrategyView.MeasureView> measure = strategy.measures().stream()
                .filter(m -> m.id().equals(measureId) && actor.belongsTo(m.responsibleId()))
                .findFirst();
        if (measure.isEmpty() || !plans.actionPlan(strategy.id(), period.year()).contains(measureId)) {
            auditLog.denied(
                    actor,
                    AuditEvent.of(action, "strategy_measure", measureId, actor.organisationId())
                            .with("reason", "not-own-institution-or-not-due"));
            throw ProblemException.notFound();
        }
        requireOpen(actor, period, action);
        Optional<SubmissionView> submission = submissions(periodId).stream()
                .filter(s -> s.measureId().equals(measureId))
                .findFirst();
        return new Target(period, measure.get(), submission.orElse(null));
    }

    private void requireOpen(Actor actor, PeriodView period, String action) {
        if (!period.open()) {
            auditLog.denied(
                    actor,
                    AuditEvent.of(action, "reporting_period", period.id(), actor.organisationId())
                            .with("reason", "locked"));
            throw new ProblemException(LOCKED, "monitoring.problem.period-locked", String.valueOf(period.year()));
        }
    }

    private record Valid(
            @Nullable MeasureStatus realisation,
            @Nullable BigDecimal percent,
            @Nullable BigDecimal budgetSpent,
            List<SubmissionView.Activity> activities,
            @Nullable String problems,
            @Nullable String forecast,
            List<String> links) {}

    /** Checks a report; {@code complete} also demands what a submission needs (status, percentage, activities for progress). */
    private Valid validate(SubmissionCommand command, StrategyView.MeasureView measure, boolean complete) {
        List<FieldProblem> problems = new ArrayList<>();
        MeasureStatus status = command.realisation();
        if (status == MeasureStatus.NO_INFORMATION) {
            problems.add(FieldProblem.of("realisation", "monitoring.validation.no-information-not-reported"));
        }
        if (complete && status == null) {
            problems.add(FieldProblem.of("realisation", "validation.required"));
        }
        BigDecimal percent = command.percent();
        if (status == MeasureStatus.REALISED) {
            percent = BigDecimal.valueOf(100);
        } else if (status == MeasureStatus.NOT_REALISED) {
            percent = percent == null ? BigDecimal.ZERO : percent;
        }
        if (percent != null
                && (percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0 || percent.scale() > 4)) {
            problems.add(FieldProblem.of("percent", "monitoring.validation.percent"));
        } else if (status == MeasureStatus.PARTIAL
                && complete
                && (percent == null || percent.signum() == 0 || percent.compareTo(BigDecimal.valueOf(100)) >= 0)) {
            problems.add(FieldProblem.of("percent", "monitoring.validation.partial-percent"));
        } else if (status == MeasureStatus.NOT_REALISED && percent != null && percent.signum() != 0) {
            problems.add(FieldProblem.of("percent", "monitoring.validation.not-realised-percent"));
        }
        BigDecimal spent = command.budgetSpent();
        if (spent != null && (spent.signum() < 0 || spent.scale() > 2)) {
            problems.add(FieldProblem.of("budgetSpent", "monitoring.validation.amount"));
        }
        List<SubmissionView.Activity> activities = new ArrayList<>();
        List<SubmissionCommand.ActivityCommand> given = command.activities() == null ? List.of() : command.activities();
        for (int i = 0; i < given.size(); i++) {
            SubmissionCommand.ActivityCommand activity = given.get(i);
            String description =
                    StrategyPlans.text(activity.description(), "activities[" + i + "].description", 4000, problems);
            if (activity.doneOn() != null && activity.doneOn().isAfter(LocalDate.now(clock.withZone(zone)))) {
                problems.add(FieldProblem.of("activities[" + i + "].doneOn", "monitoring.validation.future-date"));
            }
            activities.add(new SubmissionView.Activity(activity.doneOn(), description));
        }
        if (complete && status != null && status != MeasureStatus.NOT_REALISED && activities.isEmpty()) {
            problems.add(FieldProblem.of("activities", "monitoring.validation.activities-required"));
        }
        String problemsMet = optional(command.problems(), "problems", 4000, problems);
        String forecast = optional(command.forecast(), "forecast", 2000, problems);
        if (complete && status == MeasureStatus.PARTIAL && forecast == null) {
            problems.add(FieldProblem.of("forecast", "monitoring.validation.forecast-required"));
        }
        List<String> links = new ArrayList<>();
        for (String link : command.evidenceLinks() == null ? List.<String>of() : command.evidenceLinks()) {
            String trimmed = link == null ? "" : link.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            try {
                URI uri = URI.create(trimmed);
                if (uri.getHost() == null
                        || !("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))) {
                    throw new IllegalArgumentException(trimmed);
                }
                links.add(trimmed);
            } catch (IllegalArgumentException malformed) {
                problems.add(FieldProblem.of("evidenceLinks", "monitoring.validation.link", trimmed));
            }
        }
        if (!problems.isEmpty()) {
            throw ProblemException.validation(problems);
        }
        return new Valid(status, percent, spent, activities, problemsMet, forecast, links);
    }

    @SuppressWarnings("NullAway") // SQL NULL is a value here
    private void write(UUID id, Valid valid, SubmissionView.Status status, Instant now) {
        jdbc.sql(
                        "UPDATE progress_submission SET status = ?, realisation = ?, percent = ?, budget_spent = ?, problems = ?,"
                                + " forecast = ?, evidence_links = ?, updated_at = ?, version = version + 1 WHERE id = ?")
                .params(
                        status.name(),
                        valid.realisation() == null ? null : valid.realisation().name(),
                        valid.percent(),
                        valid.budgetSpent(),
                        valid.problems(),
                        valid.forecast(),
                        String.join("\n", valid.links()),
                        StrategyPlans.utc(now),
                        id)
                .update();
        jdbc.sql("DELETE FROM submission_activity WHERE submission_id = ?")
                .param(id)
                .update();
        for (int i = 0; i < valid.activities().size(); i++) {
            SubmissionView.Activity activity = valid.activities().get(i);
            jdbc.sql(
                            "INSERT INTO submission_activity (submission_id, position, done_on, description) VALUES (?, ?, ?, ?)")
                    .params(id, i, activity.doneOn(), activity.description())
                    .update();
        }
    }

    private static SubmissionCommand command(SubmissionView s) {
        return new SubmissionCommand(
                s.realisation(),
                s.percent(),
                s.budgetSpent(),
                s.activities().stream()
                        .map(a -> new SubmissionCommand.ActivityCommand(a.doneOn(), a.description()))
                        .toList(),
                s.problems(),
                s.forecast(),
                s.evidenceLinks());
    }

    @SuppressWarnings("NullAway") // the query selects non-null ids only
    private List<UUID> responsibleFor(UUID strategyId, int year) {
        return jdbc.sql(
                        "SELECT DISTINCT m.responsible_org_id FROM action_plan_measure a JOIN strategy_measure m ON m.id = a.measure_id"
                                + " WHERE a.strategy_id = ? AND a.plan_year = ? AND m.responsible_org_id IS NOT NULL")
                .params(strategyId, year)
                .query(UUID.class)
                .list();
    }

    private void coordinatorNotice(PeriodView period, String key, String measureCode, UUID submissionId) {
        jdbc.sql("SELECT id FROM organisation WHERE platform_operator = TRUE")
                .query(UUID.class)
                .optional()
                .ifPresent(operator -> events.publishEvent(Notice.toHolders(
                        operator,
                        MonitoringPermissions.COORDINATE,
                        key,
                        List.of(measureCode, String.valueOf(period.year())),
                        "/monitoring/periods/" + period.id())));
    }

    private List<SubmissionView> withActivities(List<SubmissionView> rows) {
        if (rows.isEmpty()) {
            return rows;
        }
        Map<UUID, List<SubmissionView.Activity>> activities = new HashMap<>();
        jdbc.sql(
                        "SELECT submission_id, done_on, description FROM submission_activity WHERE submission_id IN (:ids) ORDER BY position")
                .param("ids", rows.stream().map(SubmissionView::id).toList())
                .query(rs -> {
                    activities
                            .computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(new SubmissionView.Activity(rs.getObject(2, LocalDate.class), rs.getString(3)));
                });
        return rows.stream()
                .map(s -> new SubmissionView(
                        s.id(),
                        s.periodId(),
                        s.measureId(),
                        s.organisationId(),
                        s.status(),
                        s.realisation(),
                        s.percent(),
                        s.budgetSpent(),
                        s.problems(),
                        s.forecast(),
                        s.evidenceLinks(),
                        activities.getOrDefault(s.id(), List.of()),
                        s.reviewComment(),
                        s.submittedBy(),
                        s.submittedAt(),
                        s.reviewedBy(),
                        s.reviewedAt(),
                        s.version()))
                .toList();
    }

    private static final String PERIOD =
            "SELECT id, strategy_id, period_year, deadline, status, preface_sq, preface_en,"
                    + " recommendations_sq, recommendations_en, opened_at, locked_at, published_at, version FROM reporting_period";

    @SuppressWarnings("NullAway") // opened_at and deadline are never null
    private static PeriodView period(ResultSet rs) throws SQLException {
        return new PeriodView(
                rs.getObject(1, UUID.class),
                rs.getObject(2, UUID.class),
                rs.getInt(3),
                rs.getObject(4, LocalDate.class),
                PeriodView.Status.valueOf(rs.getString(5)),
                rs.getString(6),
                rs.getString(7),
                rs.getString(8),
                rs.getString(9),
                instant(rs, 10),
                instant(rs, 11),
                instant(rs, 12),
                rs.getInt(13));
    }

    private static final String SUBMISSION =
            "SELECT id, period_id, measure_id, organisation_id, status, realisation, percent,"
                    + " budget_spent, problems, forecast, evidence_links, review_comment, submitted_by, submitted_at, reviewed_by, reviewed_at,"
                    + " version FROM progress_submission";

    private static SubmissionView submission(ResultSet rs) throws SQLException {
        String realisation = rs.getString(6);
        String links = rs.getString(11);
        return new SubmissionView(
                rs.getObject(1, UUID.class),
                rs.getObject(2, UUID.class),
                rs.getObject(3, UUID.class),
                rs.getObject(4, UUID.class),
                SubmissionView.Status.valueOf(rs.getString(5)),
                realisation == null ? null : MeasureStatus.valueOf(realisation),
                rs.getBigDecimal(7),
                rs.getBigDecimal(8),
                rs.getString(9),
                rs.getString(10),
                links == null || links.isBlank() ? List.of() : Arrays.asList(links.split("\n")),
                List.of(),
                blank(rs.getString(12)),
                rs.getObject(13, UUID.class),
                instant(rs, 14),
                rs.getObject(15, UUID.class),
                instant(rs, 16),
                rs.getInt(17));
    }

    static @Nullable Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static @Nullable String blank(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.trim();
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
