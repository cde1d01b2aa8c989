package al.ura.monitoring;

import al.ura.audit.AuditEvent;
import al.ura.audit.AuditLog;
import al.ura.directory.OrganisationDirectory;
import al.ura.directory.OrganisationView;
import al.ura.kernel.Actor;
import al.ura.kernel.ProblemException;
import al.ura.kernel.ProblemException.FieldProblem;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The strategy and its plan: read it, import it whole from a {@link PlanDocument} (matching
 * policies by number, objectives by letter and measures by code, so a corrected plan updates the
 * one institutions already report on), export it, and change objectives' weights. Every change
 * raises the plan's version, is kept in its history and is in the ledger. Weights must sum to 1
 * per policy; when none is given they are equal.
 */
@Service
public class StrategyPlans {

    private final JdbcClient jdbc;
    private final OrganisationDirectory directory;
    private final AuditLog auditLog;
    private final Clock clock;

    StrategyPlans(JdbcClient jdbc, OrganisationDirectory directory, AuditLog auditLog, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant.truncatedTo(java.time.temporal.ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    @Transactional(readOnly = true)
    public List<StrategyView> strategies(Actor actor) {
        requireReader(actor, "monitoring.strategy.list");
        return jdbc.sql("SELECT id FROM strategy ORDER BY first_year DESC, code").query(UUID.class).list().stream()
                .map(id -> load(Objects.requireNonNull(id)).orElseThrow())
                .toList();
    }

    @Transactional(readOnly = true)
    public StrategyView strategy(Actor actor, UUID id) {
        requireReader(actor, "monitoring.strategy.read");
        return load(id).orElseThrow(ProblemException::notFound);
    }

    @Transactional(readOnly = true)
    public Optional<StrategyView> byCode(String code) {
        return jdbc.sql("SELECT id FROM strategy WHERE code = ?")
                .param(code)
                .query(UUID.class)
                .optional()
                .flatMap(this::load);
    }

    /** The plan as stored, without a permission check: for the computation and the public page. */
    Optional<StrategyView> load(UUID id) {
        record Head(
                UUID id,
                String code,
                String titleSq,
                String titleEn,
                int first,
                int last,
                @Nullable String decision,
                @Nullable LocalDate decisionDate,
                @Nullable String principlesSq,
                @Nullable String principlesEn,
                int version) {}
        Optional<Head> head = jdbc.sql(
                        "SELECT id, code, title_sq, title_en, first_year, last_year, decision, decision_date,"
                                + " principles_sq, principles_en, version FROM strategy WHERE id = ?")
                .param(id)
                .query((rs, n) -> new Head(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getInt(5),
                        rs.getInt(6),
                        rs.getString(7),
                        rs.getObject(8, LocalDate.class),
                        rs.getString(9),
                        rs.getString(10),
                        rs.getInt(11)))
                .optional();
        if (head.isEmpty()) {
            return Optional.empty();
        }
        Map<UUID, List<StrategyView.IndicatorView>> indicators = new HashMap<>();
        jdbc.sql("SELECT i.id, i.measure_id, i.name_sq, i.name_en, i.unit, i.baseline, i.target, i.live_figure"
                        + " FROM strategy_indicator i JOIN strategy_measure m ON m.id = i.measure_id JOIN strategy_objective o"
                        + " ON o.id = m.objective_id JOIN strategy_policy p ON p.id = o.policy_id WHERE p.strategy_id = ?"
                        + " ORDER BY i.name_sq, i.id")
                .param(id)
                .query(rs -> {
                    indicators
                            .computeIfAbsent(rs.getObject(2, UUID.class), k -> new ArrayList<>())
                            .add(new StrategyView.IndicatorView(
                                    rs.getObject(1, UUID.class),
                                    rs.getString(3),
                                    rs.getString(4),
                                    rs.getString(5),
                                    rs.getBigDecimal(6),
                                    rs.getBigDecimal(7),
                                    rs.getString(8)));
                });
        Map<UUID, List<StrategyView.ActivityView>> activities = new HashMap<>();
        jdbc.sql("SELECT a.id, a.measure_id, a.text_sq, a.text_en FROM strategy_activity a JOIN strategy_measure m"
                        + " ON m.id = a.measure_id JOIN strategy_objective o ON o.id = m.objective_id JOIN strategy_policy p"
                        + " ON p.id = o.policy_id WHERE p.strategy_id = ? ORDER BY a.text_sq, a.id")
                .param(id)
                .query(rs -> {
                    activities
                            .computeIfAbsent(rs.getObject(2, UUID.class), k -> new ArrayList<>())
                            .add(new StrategyView.ActivityView(
                                    rs.getObject(1, UUID.class), rs.getString(3), rs.getString(4)));
                });
        Map<UUID, List<StrategyView.MeasureView>> measures = new HashMap<>();
        jdbc.sql(
                        "SELECT m.id, m.objective_id, m.code, m.text_sq, m.text_en, m.responsible_org_id, m.contributing_org_ids,"
                                + " m.budget_planned, m.currency, m.budget_source, m.first_year, m.last_year FROM strategy_measure m"
                                + " JOIN strategy_objective o ON o.id = m.objective_id JOIN strategy_policy p ON p.id = o.policy_id"
                                + " WHERE p.strategy_id = ? ORDER BY m.code")
                .param(id)
                .query(rs -> {
                    UUID measure = rs.getObject(1, UUID.class);
                    measures.computeIfAbsent(rs.getObject(2, UUID.class), k -> new ArrayList<>())
                            .add(new StrategyView.MeasureView(
                                    measure,
                                    rs.getObject(2, UUID.class),
                                    rs.getString(3),
                                    rs.getString(4),
                                    rs.getString(5),
                                    rs.getObject(6, UUID.class),
                                    ids(rs.getString(7)),
                                    rs.getBigDecimal(8),
                                    rs.getString(9),
                                    rs.getString(10),
                                    (Integer) rs.getObject(11),
                                    (Integer) rs.getObject(12),
                                    indicators.getOrDefault(measure, List.of()),
                                    activities.getOrDefault(measure, List.of())));
                });
        Map<UUID, List<StrategyView.ObjectiveView>> objectives = new HashMap<>();
        jdbc.sql("SELECT o.id, o.policy_id, o.letter, o.text_sq, o.text_en, o.weight FROM strategy_objective o"
                        + " JOIN strategy_policy p ON p.id = o.policy_id WHERE p.strategy_id = ? ORDER BY o.letter")
                .param(id)
                .query(rs -> {
                    UUID objective = rs.getObject(1, UUID.class);
                    objectives
                            .computeIfAbsent(rs.getObject(2, UUID.class), k -> new ArrayList<>())
                            .add(new StrategyView.ObjectiveView(
                                    objective,
                                    rs.getObject(2, UUID.class),
                                    rs.getString(3),
                                    rs.getString(4),
                                    rs.getString(5),
                                    rs.getBigDecimal(6),
                                    measures.getOrDefault(objective, List.of())));
                });
        List<StrategyView.PolicyView> policies = jdbc.sql("SELECT id, number, goal_sq, goal_en FROM strategy_policy"
                        + " WHERE strategy_id = ? ORDER BY number")
                .param(id)
                .query((rs, n) -> new StrategyView.PolicyView(
                        rs.getObject(1, UUID.class),
                        rs.getInt(2),
                        rs.getString(3),
                        rs.getString(4),
                        objectives.getOrDefault(rs.getObject(1, UUID.class), List.of())))
                .list();
        Head h = head.get();
        return Optional.of(new StrategyView(
                h.id(),
                h.code(),
                h.titleSq(),
                h.titleEn(),
                h.first(),
                h.last(),
                h.decision(),
                h.decisionDate(),
                h.principlesSq(),
                h.principlesEn(),
                h.version(),
                policies));
    }

    /** The measures of the action plan of a year, by id. */
    @Transactional(readOnly = true)
    public Set<UUID> actionPlan(UUID strategyId, int year) {
        return new HashSet<>(
                jdbc.sql("SELECT measure_id FROM action_plan_measure WHERE strategy_id = ? AND plan_year = ?")
                        .params(strategyId, year)
                        .query(UUID.class)
                        .list());
    }

    /** Imports a whole plan: creates the strategy, or updates the one with the same code. Refused whole if any field is wrong. */
    @Transactional
    @SuppressWarnings("NullAway") // the values are read only when no problem was found; SQL NULL is a value here
    public PlanDocument.Imported importPlan(Actor actor, PlanDocument plan) {
        requireCoordinator(actor, "monitoring.strategy.import");
        List<FieldProblem> problems = new ArrayList<>();
        String code = text(plan.code(), "code", 40, problems);
        String titleSq = text(plan.titleSq(), "titleSq", 500, problems);
        String titleEn = text(plan.titleEn(), "titleEn", 500, problems);
        Integer first = plan.firstYear();
        Integer last = plan.lastYear();
        if (first == null || last == null || first < 1990 || last > 2100 || last < first) {
            problems.add(FieldProblem.of("lastYear", "monitoring.validation.years"));
        }
        List<PlanDocument.Policy> policies = plan.policies() == null ? List.of() : plan.policies();
        if (policies.isEmpty()) {
            problems.add(FieldProblem.of("policies", "monitoring.validation.policies-required"));
        }
        Map<String, UUID> institutions = new HashMap<>();
        Set<Integer> numbers = new HashSet<>();
        Set<String> codes = new HashSet<>();
        for (int p = 0; p < policies.size(); p++) {
            PlanDocument.Policy policy = policies.get(p);
            String at = "policies[" + p + "].";
            if (policy.number() == null || policy.number() < 1 || !numbers.add(policy.number())) {
                problems.add(FieldProblem.of(at + "number", "monitoring.validation.policy-number"));
            }
            text(policy.goalSq(), at + "goalSq", 2000, problems);
            text(policy.goalEn(), at + "goalEn", 2000, problems);
            List<PlanDocument.Objective> objectives = policy.objectives() == null ? List.of() : policy.objectives();
            if (objectives.isEmpty()) {
                problems.add(FieldProblem.of(at + "objectives", "monitoring.validation.objectives-required"));
            }
            long weighted = objectives.stream().filter(o -> o.weight() != null).count();
            if (weighted != 0 && weighted != objectives.size()) {
                problems.add(FieldProblem.of(at + "objectives", "monitoring.validation.weights-all-or-none"));
            } else if (weighted == objectives.size() && !objectives.isEmpty()) {
                BigDecimal sum = objectives.stream()
                        .map(PlanDocument.Objective::weight)
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                if (sum.compareTo(BigDecimal.ONE) != 0) {
                    problems.add(FieldProblem.of(
                            at + "objectives", "monitoring.validation.weights-sum", sum.toPlainString()));
                }
                if (objectives.stream().anyMatch(o -> o.weight().signum() < 0)) {
                    problems.add(FieldProblem.of(at + "objectives", "monitoring.validation.weight-negative"));
                }
            }
            Set<String> letters = new HashSet<>();
            for (int o = 0; o < objectives.size(); o++) {
                PlanDocument.Objective objective = objectives.get(o);
                String oat = at + "objectives[" + o + "].";
                String letter =
                        objective.letter() == null ? "" : objective.letter().trim();
                if (!letter.matches("[A-Z]{1,2}") || !letters.add(letter)) {
                    problems.add(FieldProblem.of(oat + "letter", "monitoring.validation.objective-letter"));
                }
                text(objective.textSq(), oat + "textSq", 2000, problems);
                text(objective.textEn(), oat + "textEn", 2000, problems);
                List<PlanDocument.Measure> measures = objective.measures() == null ? List.of() : objective.measures();
                for (int m = 0; m < measures.size(); m++) {
                    PlanDocument.Measure measure = measures.get(m);
                    String mat = oat + "measures[" + m + "].";
                    String measureCode = text(measure.code(), mat + "code", 20, problems);
                    if (!measureCode.isEmpty() && !codes.add(measureCode)) {
                        problems.add(FieldProblem.of(mat + "code", "monitoring.validation.measure-code-twice"));
                    }
                    text(measure.textSq(), mat + "textSq", 2000, problems);
                    text(measure.textEn(), mat + "textEn", 2000, problems);
                    institution(measure.responsible(), mat + "responsible", institutions, problems);
                    for (String contributing :
                            measure.contributing() == null ? List.<String>of() : measure.contributing()) {
                        institution(contributing, mat + "contributing", institutions, problems);
                    }
                    if (measure.budgetPlanned() != null
                            && measure.budgetPlanned().signum() < 0) {
                        problems.add(FieldProblem.of(mat + "budgetPlanned", "monitoring.validation.amount"));
                    }
                    if (measure.budgetPlanned() != null
                            && (measure.currency() == null
                                    || !measure.currency().matches("[A-Z]{3}"))) {
                        problems.add(FieldProblem.of(mat + "currency", "monitoring.validation.currency"));
                    }
                    for (int i = 0;
                            measure.indicators() != null
                                    && i < measure.indicators().size();
                            i++) {
                        PlanDocument.Indicator indicator = measure.indicators().get(i);
                        text(indicator.nameSq(), mat + "indicators[" + i + "].nameSq", 500, problems);
                        text(indicator.nameEn(), mat + "indicators[" + i + "].nameEn", 500, problems);
                        text(indicator.unit(), mat + "indicators[" + i + "].unit", 20, problems);
                    }
                }
            }
        }
        for (PlanDocument.ActionPlan actionPlan :
                plan.actionPlans() == null ? List.<PlanDocument.ActionPlan>of() : plan.actionPlans()) {
            if (actionPlan.year() == null
                    || first == null
                    || last == null
                    || actionPlan.year() < first
                    || actionPlan.year() > last) {
                problems.add(FieldProblem.of("actionPlans", "monitoring.validation.plan-year"));
            }
            for (String measure : actionPlan.measures() == null ? List.<String>of() : actionPlan.measures()) {
                if (!codes.contains(measure)) {
                    problems.add(FieldProblem.of("actionPlans", "monitoring.validation.plan-measure", measure));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw ProblemException.validation(problems);
        }
        Instant now = clock.instant();
        UUID strategyId = jdbc.sql("SELECT id FROM strategy WHERE code = ?")
                .param(code)
                .query(UUID.class)
                .optional()
                .orElse(null);
        if (strategyId == null) {
            strategyId = UUID.randomUUID();
            jdbc.sql(
                            "INSERT INTO strategy (id, code, title_sq, title_en, first_year, last_year, decision, decision_date,"
                                    + " principles_sq, principles_en, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            strategyId,
                            code,
                            titleSq,
                            titleEn,
                            first,
                            last,
                            plan.decision(),
                            plan.decisionDate(),
                            plan.principlesSq(),
                            plan.principlesEn(),
                            utc(now),
                            utc(now))
                    .update();
        } else {
            jdbc.sql("UPDATE strategy SET title_sq = ?, title_en = ?, first_year = ?, last_year = ?, decision = ?,"
                            + " decision_date = ?, principles_sq = ?, principles_en = ?, updated_at = ? WHERE id = ?")
                    .params(
                            titleSq,
                            titleEn,
                            first,
                            last,
                            plan.decision(),
                            plan.decisionDate(),
                            plan.principlesSq(),
                            plan.principlesEn(),
                            utc(now),
                            strategyId)
                    .update();
        }
        UUID strategyFinal = strategyId;
        Map<String, UUID> measureIds = new HashMap<>();
        Set<UUID> keptMeasures = new HashSet<>();
        int objectiveCount = 0;
        for (PlanDocument.Policy policy : policies) {
            UUID policyId = upsert(
                    "SELECT id FROM strategy_policy WHERE strategy_id = ? AND number = ?",
                    List.of(strategyId, policy.number()),
                    "INSERT INTO strategy_policy (id, strategy_id, number, goal_sq, goal_en) VALUES (?, ?, ?, ?, ?)",
                    id -> List.of(
                            id,
                            strategyFinal,
                            policy.number(),
                            policy.goalSq().trim(),
                            policy.goalEn().trim()),
                    "UPDATE strategy_policy SET goal_sq = ?, goal_en = ? WHERE id = ?",
                    id -> List.of(policy.goalSq().trim(), policy.goalEn().trim(), id));
            List<PlanDocument.Objective> objectives = policy.objectives();
            List<BigDecimal> equal = Realisation.equalWeights(objectives.size());
            for (int o = 0; o < objectives.size(); o++) {
                PlanDocument.Objective objective = objectives.get(o);
                BigDecimal weight = objective.weight() == null ? equal.get(o) : objective.weight();
                UUID objectiveId = upsert(
                        "SELECT id FROM strategy_objective WHERE policy_id = ? AND letter = ?",
                        List.of(policyId, objective.letter().trim()),
                        "INSERT INTO strategy_objective (id, policy_id, letter, text_sq, text_en, weight) VALUES (?, ?, ?, ?, ?, ?)",
                        id -> List.of(
                                id,
                                policyId,
                                objective.letter().trim(),
                                objective.textSq().trim(),
                                objective.textEn().trim(),
                                weight),
                        "UPDATE strategy_objective SET text_sq = ?, text_en = ?, weight = ? WHERE id = ?",
                        id -> List.of(
                                objective.textSq().trim(), objective.textEn().trim(), weight, id));
                objectiveCount++;
                for (PlanDocument.Measure measure :
                        objective.measures() == null ? List.<PlanDocument.Measure>of() : objective.measures()) {
                    String measureCode = measure.code().trim();
                    UUID existing = jdbc.sql(
                                    "SELECT m.id FROM strategy_measure m JOIN strategy_objective o ON o.id = m.objective_id"
                                            + " JOIN strategy_policy p ON p.id = o.policy_id WHERE p.strategy_id = ? AND m.code = ?")
                            .params(strategyId, measureCode)
                            .query(UUID.class)
                            .optional()
                            .orElse(null);
                    UUID measureId = existing == null ? UUID.randomUUID() : existing;
                    String contributing = (measure.contributing() == null ? List.<String>of() : measure.contributing())
                            .stream()
                                    .map(s -> institutions.get(s.trim()).toString())
                                    .collect(Collectors.joining(" "));
                    UUID responsible = measure.responsible() == null
                            ? null
                            : institutions.get(measure.responsible().trim());
                    if (existing == null) {
                        jdbc.sql(
                                        "INSERT INTO strategy_measure (id, objective_id, code, text_sq, text_en, responsible_org_id,"
                                                + " contributing_org_ids, budget_planned, currency, budget_source, first_year, last_year)"
                                                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                                .params(
                                        measureId,
                                        objectiveId,
                                        measureCode,
                                        measure.textSq().trim(),
                                        measure.textEn().trim(),
                                        responsible,
                                        contributing,
                                        measure.budgetPlanned(),
                                        measure.currency(),
                                        measure.budgetSource(),
                                        measure.firstYear(),
                                        measure.lastYear())
                                .update();
                    } else {
                        jdbc.sql(
                                        "UPDATE strategy_measure SET objective_id = ?, text_sq = ?, text_en = ?, responsible_org_id = ?,"
                                                + " contributing_org_ids = ?, budget_planned = ?, currency = ?, budget_source = ?,"
                                                + " first_year = ?, last_year = ? WHERE id = ?")
                                .params(
                                        objectiveId,
                                        measure.textSq().trim(),
                                        measure.textEn().trim(),
                                        responsible,
                                        contributing,
                                        measure.budgetPlanned(),
                                        measure.currency(),
                                        measure.budgetSource(),
                                        measure.firstYear(),
                                        measure.lastYear(),
                                        measureId)
                                .update();
                    }
                    jdbc.sql("DELETE FROM strategy_indicator WHERE measure_id = ?")
                            .param(measureId)
                            .update();
                    for (PlanDocument.Indicator indicator :
                            measure.indicators() == null ? List.<PlanDocument.Indicator>of() : measure.indicators()) {
                        jdbc.sql(
                                        "INSERT INTO strategy_indicator (id, measure_id, name_sq, name_en, unit, baseline, target, live_figure)"
                                                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                                .params(
                                        UUID.randomUUID(),
                                        measureId,
                                        indicator.nameSq().trim(),
                                        indicator.nameEn().trim(),
                                        indicator.unit().trim(),
                                        indicator.baseline(),
                                        indicator.target(),
                                        indicator.liveFigure())
                                .update();
                    }
                    jdbc.sql("DELETE FROM strategy_activity WHERE measure_id = ?")
                            .param(measureId)
                            .update();
                    for (PlanDocument.Activity activity :
                            measure.activities() == null ? List.<PlanDocument.Activity>of() : measure.activities()) {
                        jdbc.sql("INSERT INTO strategy_activity (id, measure_id, text_sq, text_en) VALUES (?, ?, ?, ?)")
                                .params(
                                        UUID.randomUUID(),
                                        measureId,
                                        Objects.requireNonNullElse(activity.textSq(), "")
                                                .trim(),
                                        Objects.requireNonNullElse(activity.textEn(), "")
                                                .trim())
                                .update();
                    }
                    measureIds.put(measureCode, measureId);
                    keptMeasures.add(measureId);
                }
            }
        }
        // Measures the new plan no longer holds go, unless an institution already reported on them.
        for (UUID old : jdbc.sql(
                        "SELECT m.id FROM strategy_measure m JOIN strategy_objective o ON o.id = m.objective_id"
                                + " JOIN strategy_policy p ON p.id = o.policy_id WHERE p.strategy_id = ?")
                .param(strategyId)
                .query(UUID.class)
                .list()) {
            if (keptMeasures.contains(old)) {
                continue;
            }
            Integer reported = jdbc.sql("SELECT COUNT(*) FROM progress_submission WHERE measure_id = ?")
                    .param(old)
                    .query(Integer.class)
                    .single();
            if (reported != null && reported > 0) {
                throw ProblemException.validation(
                        List.of(FieldProblem.of("policies", "monitoring.validation.measure-reported")));
            }
            jdbc.sql("DELETE FROM strategy_indicator WHERE measure_id = ?")
                    .param(old)
                    .update();
            jdbc.sql("DELETE FROM strategy_activity WHERE measure_id = ?")
                    .param(old)
                    .update();
            jdbc.sql("DELETE FROM action_plan_measure WHERE measure_id = ?")
                    .param(old)
                    .update();
            jdbc.sql("DELETE FROM strategy_measure WHERE id = ?").param(old).update();
        }
        for (PlanDocument.ActionPlan actionPlan :
                plan.actionPlans() == null ? List.<PlanDocument.ActionPlan>of() : plan.actionPlans()) {
            jdbc.sql("DELETE FROM action_plan_measure WHERE strategy_id = ? AND plan_year = ?")
                    .params(strategyId, actionPlan.year())
                    .update();
            for (String measure : actionPlan.measures() == null ? List.<String>of() : actionPlan.measures()) {
                jdbc.sql("INSERT INTO action_plan_measure (strategy_id, plan_year, measure_id) VALUES (?, ?, ?)")
                        .params(strategyId, actionPlan.year(), measureIds.get(measure))
                        .update();
            }
        }
        int version = changed(actor, strategyId, "plan imported", now);
        auditLog.record(
                actor,
                AuditEvent.of("monitoring.strategy.imported", "strategy", strategyId, null)
                        .with("version", version)
                        .with("measures", measureIds.size()));
        return new PlanDocument.Imported(strategyId, version, policies.size(), objectiveCount, measureIds.size());
    }

    /** Changes the weights of a policy's objectives; they must sum to 1. */
    @Transactional
    public StrategyView setWeights(Actor actor, UUID strategyId, int policyNumber, Map<String, BigDecimal> weights) {
        requireCoordinator(actor, "monitoring.weights.update");
        StrategyView strategy = load(strategyId).orElseThrow(ProblemException::notFound);
        StrategyView.PolicyView policy = strategy.policies().stream()
                .filter(p -> p.number() == policyNumber)
                .findFirst()
                .orElseThrow(ProblemException::notFound);
        Set<String> letters = policy.objectives().stream()
                .map(StrategyView.ObjectiveView::letter)
                .collect(Collectors.toSet());
        if (!weights.keySet().equals(letters)) {
            throw ProblemException.validation(
                    List.of(FieldProblem.of("weights", "monitoring.validation.weights-every-objective")));
        }
        BigDecimal sum = weights.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sum.compareTo(BigDecimal.ONE) != 0 || weights.values().stream().anyMatch(w -> w.signum() < 0)) {
            throw ProblemException.validation(
                    List.of(FieldProblem.of("weights", "monitoring.validation.weights-sum", sum.toPlainString())));
        }
        for (StrategyView.ObjectiveView objective : policy.objectives()) {
            jdbc.sql("UPDATE strategy_objective SET weight = ? WHERE id = ?")
                    .params(Objects.requireNonNull(weights.get(objective.letter())), objective.id())
                    .update();
        }
        int version = changed(actor, strategyId, "weights of policy " + policyNumber, clock.instant());
        auditLog.record(
                actor,
                AuditEvent.of("monitoring.weights.updated", "strategy", strategyId, null)
                        .with("policy", policyNumber)
                        .with("version", version));
        return load(strategyId).orElseThrow();
    }

    /** The plan as a document: what {@link #importPlan} takes back. */
    @Transactional(readOnly = true)
    public PlanDocument export(Actor actor, UUID strategyId) {
        StrategyView strategy = strategy(actor, strategyId);
        Map<UUID, String> shortNames = new HashMap<>();
        List<PlanDocument.Policy> policies = new ArrayList<>();
        for (StrategyView.PolicyView policy : strategy.policies()) {
            List<PlanDocument.Objective> objectives = new ArrayList<>();
            for (StrategyView.ObjectiveView objective : policy.objectives()) {
                List<PlanDocument.Measure> measures = new ArrayList<>();
                for (StrategyView.MeasureView m : objective.measures()) {
                    measures.add(new PlanDocument.Measure(
                            m.code(),
                            m.textSq(),
                            m.textEn(),
                            shortName(m.responsibleId(), shortNames),
                            m.contributingIds().stream()
                                    .map(id -> shortName(id, shortNames))
                                    .filter(Objects::nonNull)
                                    .toList(),
                            m.budgetPlanned(),
                            m.currency(),
                            m.budgetSource(),
                            m.firstYear(),
                            m.lastYear(),
                            m.indicators().stream()
                                    .map(i -> new PlanDocument.Indicator(
                                            i.nameSq(), i.nameEn(), i.unit(), i.baseline(), i.target(), i.liveFigure()))
                                    .toList(),
                            m.activities().stream()
                                    .map(a -> new PlanDocument.Activity(a.textSq(), a.textEn()))
                                    .toList()));
                }
                objectives.add(new PlanDocument.Objective(
                        objective.letter(), objective.textSq(), objective.textEn(), objective.weight(), measures));
            }
            policies.add(new PlanDocument.Policy(policy.number(), policy.goalSq(), policy.goalEn(), objectives));
        }
        Map<Integer, List<String>> plans = new LinkedHashMap<>();
        Map<UUID, String> codes = strategy.measures().stream()
                .collect(Collectors.toMap(StrategyView.MeasureView::id, StrategyView.MeasureView::code));
        jdbc.sql("SELECT plan_year, measure_id FROM action_plan_measure WHERE strategy_id = ? ORDER BY plan_year")
                .param(strategyId)
                .query(rs -> {
                    plans.computeIfAbsent(rs.getInt(1), k -> new ArrayList<>())
                            .add(codes.get(rs.getObject(2, UUID.class)));
                });
        List<PlanDocument.ActionPlan> actionPlans = plans.entrySet().stream()
                .map(e -> new PlanDocument.ActionPlan(
                        e.getKey(), e.getValue().stream().sorted().toList()))
                .toList();
        return new PlanDocument(
                strategy.code(),
                strategy.titleSq(),
                strategy.titleEn(),
                strategy.firstYear(),
                strategy.lastYear(),
                strategy.decision(),
                strategy.decisionDate(),
                strategy.principlesSq(),
                strategy.principlesEn(),
                policies,
                actionPlans);
    }

    /** The plan's measures as CSV: one row a measure with its policy, objective, weight, institution and budget. */
    @Transactional(readOnly = true)
    public String exportCsv(Actor actor, UUID strategyId) {
        StrategyView strategy = strategy(actor, strategyId);
        Map<UUID, String> shortNames = new HashMap<>();
        StringBuilder csv = new StringBuilder(CSV_HEADER).append('\n');
        for (StrategyView.PolicyView policy : strategy.policies()) {
            for (StrategyView.ObjectiveView objective : policy.objectives()) {
                for (StrategyView.MeasureView m : objective.measures()) {
                    csv.append(policy.number())
                            .append(',')
                            .append(objective.letter())
                            .append(',')
                            .append(objective.weight().toPlainString())
                            .append(',')
                            .append(cell(m.code()))
                            .append(',')
                            .append(cell(m.textSq()))
                            .append(',')
                            .append(cell(m.textEn()))
                            .append(',')
                            .append(cell(Objects.requireNonNullElse(shortName(m.responsibleId(), shortNames), "")))
                            .append(',')
                            .append(cell(m.contributingIds().stream()
                                    .map(id -> shortName(id, shortNames))
                                    .filter(Objects::nonNull)
                                    .collect(Collectors.joining(" "))))
                            .append(',')
                            .append(
                                    m.budgetPlanned() == null
                                            ? ""
                                            : m.budgetPlanned().toPlainString())
                            .append(',')
                            .append(Objects.requireNonNullElse(m.currency(), ""))
                            .append(',')
                            .append(m.firstYear() == null ? "" : m.firstYear())
                            .append(',')
                            .append(m.lastYear() == null ? "" : m.lastYear())
                            .append('\n');
                }
            }
        }
        return csv.toString();
    }

    /** The header of the measures' CSV, as {@link #exportCsv} writes it and {@link #importMeasuresCsv} reads it. */
    static final String CSV_HEADER =
            "policy,objective,weight,measure,text_sq,text_en,responsible,contributing,budget_planned,"
                    + "currency,first_year,last_year";

    /**
     * Imports the measures' CSV (the shape {@link #exportCsv} writes) into an existing strategy: each
     * row a measure of an existing policy and objective, with the objective's weight; the plan's
     * measures become the CSV's (a measure already reported on cannot go), their indicators and
     * activities are kept. Checked whole, like a JSON import, and versioned the same way.
     */
    @Transactional
    public PlanDocument.Imported importMeasuresCsv(Actor actor, UUID strategyId, String csv) {
        requireCoordinator(actor, "monitoring.strategy.import");
        PlanDocument current = export(actor, strategyId);
        List<List<String>> rows = parseCsv(csv);
        List<FieldProblem> problems = new ArrayList<>();
        if (rows.isEmpty()
                || !String.join(",", rows.getFirst())
                        .trim()
                        .replace("\uFEFF", "")
                        .equals(CSV_HEADER)) {
            throw ProblemException.validation(
                    List.of(FieldProblem.of("file", "monitoring.validation.csv-header", CSV_HEADER)));
        }
        Map<String, PlanDocument.Measure> existing = new HashMap<>();
        for (PlanDocument.Policy policy : Objects.requireNonNull(current.policies())) {
            for (PlanDocument.Objective objective : Objects.requireNonNull(policy.objectives())) {
                for (PlanDocument.Measure measure : Objects.requireNonNull(objective.measures())) {
                    existing.put(Objects.requireNonNull(measure.code()), measure);
                }
            }
        }
        Map<String, List<PlanDocument.Measure>> byObjective = new LinkedHashMap<>();
        Map<String, BigDecimal> weights = new HashMap<>();
        for (int i = 1; i < rows.size(); i++) {
            List<String> row = rows.get(i);
            String at = "rows[" + (i + 1) + "]";
            if (row.size() == 1 && row.getFirst().isBlank()) {
                continue;
            }
            if (row.size() != 12) {
                problems.add(FieldProblem.of(at, "monitoring.validation.csv-columns", i + 1, 12));
                continue;
            }
            String key = row.get(0).trim() + "/" + row.get(1).trim();
            BigDecimal weight = decimal(row.get(2), at + ".weight", problems);
            if (weight != null && weights.containsKey(key) && weights.get(key).compareTo(weight) != 0) {
                problems.add(FieldProblem.of(at + ".weight", "monitoring.validation.csv-weight", i + 1));
            } else if (weight != null) {
                weights.put(key, weight);
            }
            String code = row.get(3).trim();
            PlanDocument.Measure was = existing.get(code);
            List<String> contributing = row.get(7).isBlank()
                    ? List.of()
                    : Arrays.asList(row.get(7).trim().split("\\s+"));
            byObjective
                    .computeIfAbsent(key, k -> new ArrayList<>())
                    .add(new PlanDocument.Measure(
                            code,
                            row.get(4),
                            row.get(5),
                            row.get(6).isBlank() ? null : row.get(6).trim(),
                            contributing,
                            decimal(row.get(8), at + ".budget_planned", problems),
                            row.get(9).isBlank() ? null : row.get(9).trim(),
                            was == null ? null : was.budgetSource(),
                            year(row.get(10), at + ".first_year", problems),
                            year(row.get(11), at + ".last_year", problems),
                            was == null ? List.of() : was.indicators(),
                            was == null ? List.of() : was.activities()));
        }
        Set<String> known = new HashSet<>();
        List<PlanDocument.Policy> policies = new ArrayList<>();
        for (PlanDocument.Policy policy : Objects.requireNonNull(current.policies())) {
            List<PlanDocument.Objective> objectives = new ArrayList<>();
            for (PlanDocument.Objective objective : Objects.requireNonNull(policy.objectives())) {
                String key = policy.number() + "/" + objective.letter();
                known.add(key);
                objectives.add(new PlanDocument.Objective(
                        objective.letter(),
                        objective.textSq(),
                        objective.textEn(),
                        weights.getOrDefault(key, objective.weight()),
                        byObjective.getOrDefault(key, List.of())));
            }
            policies.add(new PlanDocument.Policy(policy.number(), policy.goalSq(), policy.goalEn(), objectives));
        }
        byObjective.keySet().stream()
                .filter(key -> !known.contains(key))
                .forEach(key -> problems.add(FieldProblem.of("file", "monitoring.validation.csv-objective", key)));
        if (!problems.isEmpty()) {
            throw ProblemException.validation(problems);
        }
        Set<String> codes = new HashSet<>();
        byObjective.values().forEach(list -> list.forEach(m -> codes.add(Objects.requireNonNull(m.code()))));
        List<PlanDocument.ActionPlan> actionPlans = Objects.requireNonNull(current.actionPlans()).stream()
                .map(plan -> new PlanDocument.ActionPlan(
                        plan.year(),
                        Objects.requireNonNull(plan.measures()).stream()
                                .filter(codes::contains)
                                .toList()))
                .toList();
        return importPlan(
                actor,
                new PlanDocument(
                        current.code(),
                        current.titleSq(),
                        current.titleEn(),
                        current.firstYear(),
                        current.lastYear(),
                        current.decision(),
                        current.decisionDate(),
                        current.principlesSq(),
                        current.principlesEn(),
                        policies,
                        actionPlans));
    }

    /** RFC 4180: commas, double quotes around a field, doubled quotes inside one, CRLF or LF between records. */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                field.append(c);
            }
        }
        if (!field.isEmpty() || !row.isEmpty()) {
            row.add(field.toString());
            rows.add(row);
        }
        return rows;
    }

    private static @Nullable BigDecimal decimal(String text, String field, List<FieldProblem> problems) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException malformed) {
            problems.add(FieldProblem.of(field, "monitoring.validation.csv-number", text.trim()));
            return null;
        }
    }

    private static @Nullable Integer year(String text, String field, List<FieldProblem> problems) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException malformed) {
            problems.add(FieldProblem.of(field, "monitoring.validation.csv-number", text.trim()));
            return null;
        }
    }

    public record ChangeView(
            int version, Instant at, @Nullable UUID actorId, String what) {}

    @Transactional(readOnly = true)
    @SuppressWarnings("NullAway") // at is never null
    public List<ChangeView> history(Actor actor, UUID strategyId) {
        requireReader(actor, "monitoring.strategy.history");
        return jdbc.sql(
                        "SELECT version, at, actor_id, what FROM strategy_change WHERE strategy_id = ? ORDER BY version DESC")
                .param(strategyId)
                .query((rs, n) -> new ChangeView(
                        rs.getInt(1),
                        rs.getObject(2, OffsetDateTime.class).toInstant(),
                        rs.getObject(3, UUID.class),
                        rs.getString(4)))
                .list();
    }

    @SuppressWarnings("NullAway") // SQL NULL is a value here
    private int changed(Actor actor, UUID strategyId, String what, Instant now) {
        jdbc.sql("UPDATE strategy SET version = version + 1, updated_at = ? WHERE id = ?")
                .params(utc(now), strategyId)
                .update();
        Integer version = jdbc.sql("SELECT version FROM strategy WHERE id = ?")
                .param(strategyId)
                .query(Integer.class)
                .single();
        int v = version == null ? 0 : version;
        jdbc.sql("INSERT INTO strategy_change (id, strategy_id, version, at, actor_id, what) VALUES (?, ?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), strategyId, v, utc(now), actor.userId(), what)
                .update();
        return v;
    }

    private UUID upsert(
            String find,
            List<Object> findParams,
            String insert,
            java.util.function.Function<UUID, List<Object>> insertParams,
            String update,
            java.util.function.Function<UUID, List<Object>> updateParams) {
        Optional<UUID> existing =
                jdbc.sql(find).params(findParams).query(UUID.class).optional();
        if (existing.isPresent()) {
            jdbc.sql(update).params(updateParams.apply(existing.get())).update();
            return existing.get();
        }
        UUID id = UUID.randomUUID();
        jdbc.sql(insert).params(insertParams.apply(id)).update();
        return id;
    }

    private void institution(
            @Nullable String shortName, String field, Map<String, UUID> found, List<FieldProblem> problems) {
        if (shortName == null || shortName.isBlank()) {
            return;
        }
        String name = shortName.trim();
        if (found.containsKey(name)) {
            return;
        }
        Optional<OrganisationView> organisation = directory.findByShortName(name);
        if (organisation.isEmpty()) {
            problems.add(FieldProblem.of(field, "monitoring.validation.institution-unknown", name));
        } else {
            found.put(name, organisation.get().id());
        }
    }

    private @Nullable String shortName(@Nullable UUID id, Map<UUID, String> cache) {
        if (id == null) {
            return null;
        }
        return cache.computeIfAbsent(
                id, k -> directory.find(k).map(OrganisationView::shortName).orElse(k.toString()));
    }

    private static List<UUID> ids(@Nullable String text) {
        return text == null || text.isBlank()
                ? List.of()
                : Arrays.stream(text.trim().split(" ")).map(UUID::fromString).toList();
    }

    private static String cell(String value) {
        return value.contains(",") || value.contains("\"") || value.contains("\n")
                ? "\"" + value.replace("\"", "\"\"") + "\""
                : value;
    }

    static String text(@Nullable String value, String field, int max, List<FieldProblem> problems) {
        String trimmed = value == null ? "" : value.trim();
        if (trimmed.isEmpty()) {
            problems.add(FieldProblem.of(field, "validation.required"));
        } else if (trimmed.length() > max) {
            problems.add(FieldProblem.of(field, "monitoring.validation.too-long", max));
        }
        return trimmed;
    }

    void requireReader(Actor actor, String action) {
        if (!actor.hasAny(MonitoringPermissions.READ, MonitoringPermissions.COORDINATE)) {
            auditLog.denied(actor, AuditEvent.of(action, "strategy", null, actor.organisationId()));
            throw ProblemException.forbidden();
        }
    }

    void requireCoordinator(Actor actor, String action) {
        if (!actor.has(MonitoringPermissions.COORDINATE)) {
            auditLog.denied(actor, AuditEvent.of(action, "strategy", null, actor.organisationId()));
            throw ProblemException.forbidden();
        }
    }
}
