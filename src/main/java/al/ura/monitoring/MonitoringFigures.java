package al.ura.monitoring;

import al.ura.kernel.Actor;
import al.ura.kernel.LiveFigure;
import al.ura.kernel.ProblemException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every figure of a period, computed from the stored plan and the accepted submissions each time
 * it is asked for (nothing typed by hand, nothing cached that could go stale): per policy the
 * status shares and the weighted realisation, per objective its realisation, budget planned and
 * spent rolled up, indicators (typed or bound to a figure Ura holds), the consistency checks the
 * coordinator sees before publishing, and for any figure how it was computed.
 */
@Service
public class MonitoringFigures {

    private final JdbcClient jdbc;
    private final al.ura.audit.AuditLog auditLog;
    private final StrategyPlans plans;
    private final ProgressReporting reporting;
    private final Map<String, LiveFigure> liveFigures = new LinkedHashMap<>();
    private final ZoneId zone;

    MonitoringFigures(
            JdbcClient jdbc,
            al.ura.audit.AuditLog auditLog,
            StrategyPlans plans,
            ProgressReporting reporting,
            List<LiveFigure> liveFigures,
            @Value("${ura.time-zone:Europe/Tirane}") String zone) {
        this.jdbc = jdbc;
        this.auditLog = auditLog;
        this.plans = plans;
        this.reporting = reporting;
        liveFigures.forEach(f -> this.liveFigures.put(f.code(), f));
        this.zone = ZoneId.of(zone);
    }

    /** One measure as the period's figures count it. */
    public record MeasureFigure(
            StrategyView.MeasureView measure,
            MeasureStatus status,
            BigDecimal percent,
            @Nullable BigDecimal budgetPlanned,
            @Nullable BigDecimal budgetSpent,
            @Nullable SubmissionView submission) {}

    public record ObjectiveFigures(
            StrategyView.ObjectiveView objective,
            Realisation.ObjectiveResult result,
            List<MeasureFigure> measures,
            BigDecimal budgetPlanned,
            BigDecimal budgetSpent) {}

    public record PolicyFigures(
            StrategyView.PolicyView policy,
            Realisation.PolicyResult result,
            List<ObjectiveFigures> objectives,
            BigDecimal budgetPlanned,
            BigDecimal budgetSpent) {}

    public record InstitutionBudget(UUID organisationId, int measures, BigDecimal planned, BigDecimal spent) {}

    public record IndicatorFigure(
            StrategyView.MeasureView measure,
            StrategyView.IndicatorView indicator,
            @Nullable BigDecimal value,
            boolean live) {}

    /** A check the coordinator sees before publishing: its message key and arguments; {@code blocking} ones stop publication. */
    public record Check(String key, List<String> arguments, boolean blocking) {
        public Check {
            arguments = List.copyOf(arguments);
        }
    }

    public record PeriodFigures(
            PeriodView period,
            StrategyView strategy,
            List<PolicyFigures> policies,
            List<InstitutionBudget> institutions,
            List<IndicatorFigure> indicators,
            List<Check> checks,
            int measures) {

        public PeriodFigures {
            policies = List.copyOf(policies);
            institutions = List.copyOf(institutions);
            indicators = List.copyOf(indicators);
            checks = List.copyOf(checks);
        }

        public Optional<PolicyFigures> policy(int number) {
            return policies.stream().filter(p -> p.policy().number() == number).findFirst();
        }
    }

    @Transactional(readOnly = true)
    public PeriodFigures compute(Actor actor, UUID periodId) {
        plans.requireReader(actor, "monitoring.figures.read");
        return compute(periodId);
    }

    /** The figures of a period, without a permission check: for the report, the public page and the indicators. */
    @Transactional(readOnly = true)
    public PeriodFigures compute(UUID periodId) {
        PeriodView period = reporting.find(periodId).orElseThrow(ProblemException::notFound);
        StrategyView strategy = plans.load(period.strategyId()).orElseThrow();
        Set<UUID> planned = plans.actionPlan(strategy.id(), period.year());
        Map<UUID, BigDecimal> plannedBudgets = new HashMap<>();
        jdbc.sql("SELECT measure_id, budget_planned FROM action_plan_measure WHERE strategy_id = ? AND plan_year = ?"
                        + " AND budget_planned IS NOT NULL")
                .params(strategy.id(), period.year())
                .query(rs -> {
                    plannedBudgets.put(rs.getObject(1, UUID.class), rs.getBigDecimal(2));
                });
        Map<UUID, SubmissionView> accepted = new HashMap<>();
        Map<UUID, SubmissionView> all = new HashMap<>();
        for (SubmissionView submission : reporting.submissions(periodId)) {
            all.put(submission.measureId(), submission);
            if (submission.status() == SubmissionView.Status.ACCEPTED) {
                accepted.put(submission.measureId(), submission);
            }
        }
        List<PolicyFigures> policies = new ArrayList<>();
        Map<UUID, InstitutionBudget> institutions = new LinkedHashMap<>();
        List<Check> checks = new ArrayList<>();
        int measures = 0;
        for (StrategyView.PolicyView policy : strategy.policies()) {
            List<Realisation.ObjectiveInput> inputs = new ArrayList<>();
            List<List<MeasureFigure>> perObjective = new ArrayList<>();
            BigDecimal weights = BigDecimal.ZERO;
            for (StrategyView.ObjectiveView objective : policy.objectives()) {
                weights = weights.add(objective.weight());
                List<MeasureFigure> figures = new ArrayList<>();
                List<Realisation.MeasureInput> measureInputs = new ArrayList<>();
                for (StrategyView.MeasureView measure : objective.measures()) {
                    if (!planned.contains(measure.id())) {
                        continue;
                    }
                    SubmissionView submission = accepted.get(measure.id());
                    MeasureStatus status = submission == null || submission.realisation() == null
                            ? MeasureStatus.NO_INFORMATION
                            : submission.realisation();
                    BigDecimal percent =
                            status == MeasureStatus.NO_INFORMATION || submission == null || submission.percent() == null
                                    ? BigDecimal.ZERO
                                    : submission.percent();
                    BigDecimal budget = plannedBudgets.getOrDefault(measure.id(), measure.budgetPlanned());
                    BigDecimal spent = submission == null ? null : submission.budgetSpent();
                    figures.add(new MeasureFigure(measure, status, percent, budget, spent, all.get(measure.id())));
                    measureInputs.add(new Realisation.MeasureInput(measure.code(), status, percent));
                    if (measure.responsibleId() == null) {
                        checks.add(new Check("monitoring.check.no-institution", List.of(measure.code()), true));
                    } else {
                        InstitutionBudget was = institutions.getOrDefault(
                                measure.responsibleId(),
                                new InstitutionBudget(measure.responsibleId(), 0, BigDecimal.ZERO, BigDecimal.ZERO));
                        institutions.put(
                                measure.responsibleId(),
                                new InstitutionBudget(
                                        measure.responsibleId(),
                                        was.measures() + 1,
                                        was.planned().add(orZero(budget)),
                                        was.spent().add(orZero(spent))));
                    }
                    if (budget != null && spent != null && spent.compareTo(budget) > 0) {
                        checks.add(new Check("monitoring.check.spent-above-planned", List.of(measure.code()), false));
                    }
                    SubmissionView pending = all.get(measure.id());
                    if (pending != null && pending.status() == SubmissionView.Status.SUBMITTED) {
                        checks.add(new Check("monitoring.check.awaiting-review", List.of(measure.code()), true));
                    }
                    measures++;
                }
                if (measureInputs.isEmpty()) {
                    checks.add(new Check(
                            "monitoring.check.objective-without-measures",
                            List.of(String.valueOf(policy.number()), objective.letter()),
                            false));
                }
                inputs.add(new Realisation.ObjectiveInput(objective.letter(), objective.weight(), measureInputs));
                perObjective.add(figures);
            }
            if (weights.compareTo(BigDecimal.ONE) != 0) {
                checks.add(new Check(
                        "monitoring.check.weights",
                        List.of(String.valueOf(policy.number()), weights.toPlainString()),
                        true));
            }
            Realisation.PolicyResult result = Realisation.policy(new Realisation.PolicyInput(policy.number(), inputs));
            BigDecimal shares = result.shares().values().stream()
                    .map(Realisation.Figure::value)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            if (result.measures() > 0
                    && shares.subtract(Realisation.HUNDRED).abs().compareTo(new BigDecimal("1e-20")) > 0) {
                checks.add(new Check(
                        "monitoring.check.shares",
                        List.of(String.valueOf(policy.number()), shares.toPlainString()),
                        true));
            }
            List<ObjectiveFigures> objectives = new ArrayList<>();
            BigDecimal policyPlanned = BigDecimal.ZERO;
            BigDecimal policySpent = BigDecimal.ZERO;
            for (int i = 0; i < policy.objectives().size(); i++) {
                List<MeasureFigure> figures = perObjective.get(i);
                BigDecimal objectivePlanned =
                        figures.stream().map(f -> orZero(f.budgetPlanned())).reduce(BigDecimal.ZERO, BigDecimal::add);
                BigDecimal objectiveSpent =
                        figures.stream().map(f -> orZero(f.budgetSpent())).reduce(BigDecimal.ZERO, BigDecimal::add);
                policyPlanned = policyPlanned.add(objectivePlanned);
                policySpent = policySpent.add(objectiveSpent);
                objectives.add(new ObjectiveFigures(
                        policy.objectives().get(i),
                        result.objectives().get(i),
                        figures,
                        objectivePlanned,
                        objectiveSpent));
            }
            policies.add(new PolicyFigures(policy, result, objectives, policyPlanned, policySpent));
        }
        Instant from = LocalDate.of(period.year(), 1, 1).atStartOfDay(zone).toInstant();
        Instant to = LocalDate.of(period.year() + 1, 1, 1).atStartOfDay(zone).toInstant();
        List<IndicatorFigure> indicators = new ArrayList<>();
        for (StrategyView.MeasureView measure : strategy.measures()) {
            if (!planned.contains(measure.id())) {
                continue;
            }
            for (StrategyView.IndicatorView indicator : measure.indicators()) {
                if (indicator.liveFigure() != null) {
                    LiveFigure figure = liveFigures.get(indicator.liveFigure());
                    if (figure == null) {
                        checks.add(new Check(
                                "monitoring.check.unknown-figure",
                                List.of(measure.code(), indicator.liveFigure()),
                                true));
                        indicators.add(new IndicatorFigure(measure, indicator, null, true));
                    } else {
                        indicators.add(new IndicatorFigure(
                                measure, indicator, figure.value(from, to).orElse(null), true));
                    }
                } else {
                    indicators.add(new IndicatorFigure(measure, indicator, indicator.baseline(), false));
                }
            }
        }
        return new PeriodFigures(
                period, strategy, policies, List.copyOf(institutions.values()), indicators, checks, measures);
    }

    /** Publishes a locked period, unless a blocking consistency check stands (the refusal is in the ledger). */
    @Transactional
    public PeriodView publish(Actor actor, UUID periodId) {
        plans.requireCoordinator(actor, "monitoring.period.published");
        if (compute(periodId).checks().stream().anyMatch(Check::blocking)) {
            auditLog.denied(
                    actor,
                    al.ura.audit.AuditEvent.of("monitoring.period.published", "reporting_period", periodId, null)
                            .with("reason", "blocking-checks"));
            throw new ProblemException(ProgressReporting.LOCKED, "monitoring.page.period.publish-blocked");
        }
        return reporting.publish(actor, periodId);
    }

    /**
     * How a figure was computed: {@code policy/<n>} (the weighted realisation), {@code policy/<n>/objective/<letter>}
     * or {@code policy/<n>/share/<STATUS>}.
     */
    @Transactional(readOnly = true)
    public Realisation.Figure explain(Actor actor, UUID periodId, String figure) {
        return explain(compute(actor, periodId), figure).orElseThrow(ProblemException::notFound);
    }

    static Optional<Realisation.Figure> explain(PeriodFigures figures, String figure) {
        String[] parts = figure.split("/");
        if (parts.length < 2 || !parts[0].equals("policy") || !parts[1].matches("\\d{1,3}")) {
            return Optional.empty();
        }
        Optional<PolicyFigures> policy = figures.policy(Integer.parseInt(parts[1]));
        if (policy.isEmpty()) {
            return Optional.empty();
        }
        if (parts.length == 2) {
            return Optional.of(policy.get().result().realisation());
        }
        if (parts.length == 4 && parts[2].equals("objective")) {
            return policy.get().result().objectives().stream()
                    .filter(o -> o.letter().equals(parts[3]))
                    .map(Realisation.ObjectiveResult::realisation)
                    .findFirst();
        }
        if (parts.length == 4 && parts[2].equals("share")) {
            try {
                return Optional.ofNullable(policy.get().result().shares().get(MeasureStatus.valueOf(parts[3])));
            } catch (IllegalArgumentException unknown) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The live figures an indicator may be bound to, by code, with their label key and unit. */
    public Map<String, LiveFigure> liveFigures() {
        return liveFigures;
    }

    private static BigDecimal orZero(@Nullable BigDecimal value) {
        return value == null ? BigDecimal.ZERO : Objects.requireNonNull(value);
    }
}
