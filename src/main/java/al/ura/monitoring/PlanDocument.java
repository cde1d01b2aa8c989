package al.ura.monitoring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A strategy's whole plan as one document, for import and export (JSON): its policies, their
 * specific objectives with weights, the measures with their institutions, budget, timeframe,
 * indicators and activities, and the yearly action plans. Institutions are named by their
 * directory short name, so a plan moves between installations.
 */
public record PlanDocument(
        @Nullable String code,
        @Nullable String titleSq,
        @Nullable String titleEn,
        @Nullable Integer firstYear,
        @Nullable Integer lastYear,
        @Nullable String decision,
        @Nullable LocalDate decisionDate,
        @Nullable String principlesSq,
        @Nullable String principlesEn,
        @Nullable List<Policy> policies,
        @Nullable List<ActionPlan> actionPlans) {

    public record Policy(
            @Nullable Integer number,
            @Nullable String goalSq,
            @Nullable String goalEn,
            @Nullable List<Objective> objectives) {}

    /** {@code weight}: the objective's share of its policy; absent weights are equal. */
    public record Objective(
            @Nullable String letter,
            @Nullable String textSq,
            @Nullable String textEn,
            @Nullable BigDecimal weight,
            @Nullable List<Measure> measures) {}

    public record Measure(
            @Nullable String code,
            @Nullable String textSq,
            @Nullable String textEn,
            @Nullable String responsible,
            @Nullable List<String> contributing,
            @Nullable BigDecimal budgetPlanned,
            @Nullable String currency,
            @Nullable String budgetSource,
            @Nullable Integer firstYear,
            @Nullable Integer lastYear,
            @Nullable List<Indicator> indicators,
            @Nullable List<Activity> activities) {}

    /** {@code liveFigure}: the code of a figure Ura computes (e.g. {@code requests.answered}) instead of a typed value. */
    public record Indicator(
            @Nullable String nameSq,
            @Nullable String nameEn,
            @Nullable String unit,
            @Nullable BigDecimal baseline,
            @Nullable BigDecimal target,
            @Nullable String liveFigure) {}

    public record Activity(
            @Nullable String textSq, @Nullable String textEn) {}

    /** The measures due in a year, by code. */
    public record ActionPlan(
            @Nullable Integer year, @Nullable List<String> measures) {}

    /** The plan's ids after an import, for the caller that goes on to use them. */
    public record Imported(UUID strategyId, int version, int policies, int objectives, int measures) {}
}
