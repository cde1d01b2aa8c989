package al.ura.monitoring;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The report's arithmetic, from counts and stored percentages, exact until it is shown. Per policy:
 * the share of its measures in each status (count / total); per specific objective: the mean of
 * its measures' realisation percentages (a measure without information counts 0 %); per policy:
 * the weighted sum of its objectives' realisation (the 2024 report's footnote: 17.8 % × 0.4 +
 * 76.5 % × 0.2 + 72.7 % × 0.2 + 75 % × 0.2 = 51.96 %). Each figure carries its inputs and formula
 * so anyone can see how it was computed. Nothing here rounds: {@link #display} does, once.
 */
public final class Realisation {

    /** Exact enough for any figure a report shows, with no rounding a reader could see. */
    static final MathContext EXACT = new MathContext(34, RoundingMode.HALF_EVEN);

    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Realisation() {}

    /** One measure's standing in the period: its status and realisation percentage (0 without information). */
    public record MeasureInput(String code, MeasureStatus status, BigDecimal percent) {}

    public record ObjectiveInput(String letter, BigDecimal weight, List<MeasureInput> measures) {
        public ObjectiveInput {
            measures = List.copyOf(measures);
        }
    }

    public record PolicyInput(int number, List<ObjectiveInput> objectives) {
        public PolicyInput {
            objectives = List.copyOf(objectives);
        }
    }

    /** A figure, the formula that gives it, and the named inputs it was computed from. */
    public record Figure(String name, BigDecimal value, String formula, List<Input> inputs) {
        public Figure {
            inputs = List.copyOf(inputs);
        }
    }

    /** An input of a figure: a name, a value, and for weighted sums its weight. */
    public record Input(
            String name, BigDecimal value, @Nullable BigDecimal weight) {}

    public record ObjectiveResult(String letter, BigDecimal weight, int measures, Figure realisation) {}

    public record PolicyResult(
            int number,
            int measures,
            Map<MeasureStatus, Integer> counts,
            Map<MeasureStatus, Figure> shares,
            List<ObjectiveResult> objectives,
            Figure realisation) {}

    public static PolicyResult policy(PolicyInput policy) {
        Map<MeasureStatus, Integer> counts = new EnumMap<>(MeasureStatus.class);
        for (MeasureStatus status : MeasureStatus.values()) {
            counts.put(status, 0);
        }
        List<ObjectiveResult> objectives = new ArrayList<>();
        List<Input> weighted = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        int measures = 0;
        StringBuilder formula = new StringBuilder();
        for (ObjectiveInput objective : policy.objectives()) {
            Figure realisation = objective(policy.number(), objective);
            objectives.add(new ObjectiveResult(
                    objective.letter(), objective.weight(), objective.measures().size(), realisation));
            for (MeasureInput measure : objective.measures()) {
                counts.merge(measure.status(), 1, Integer::sum);
            }
            measures += objective.measures().size();
            total = total.add(realisation.value().multiply(objective.weight(), EXACT), EXACT);
            weighted.add(new Input("objective " + objective.letter(), realisation.value(), objective.weight()));
            if (!formula.isEmpty()) {
                formula.append(" + ");
            }
            formula.append("(")
                    .append(plain(realisation.value()))
                    .append(" % × ")
                    .append(plain(objective.weight()))
                    .append(")");
        }
        Map<MeasureStatus, Figure> shares = new EnumMap<>(MeasureStatus.class);
        for (MeasureStatus status : MeasureStatus.values()) {
            int count = counts.getOrDefault(status, 0);
            BigDecimal share = measures == 0
                    ? BigDecimal.ZERO
                    : BigDecimal.valueOf(count).multiply(HUNDRED).divide(BigDecimal.valueOf(measures), EXACT);
            shares.put(
                    status,
                    new Figure(
                            "policy " + policy.number() + " share " + status,
                            share,
                            count + " / " + measures + " × 100",
                            List.of(
                                    new Input("measures " + status, BigDecimal.valueOf(count), null),
                                    new Input("measures", BigDecimal.valueOf(measures), null))));
        }
        Figure realisation = new Figure(
                "policy " + policy.number() + " realisation",
                total,
                (formula.isEmpty() ? "0" : formula.toString()) + " = " + plain(total) + " %",
                weighted);
        return new PolicyResult(policy.number(), measures, counts, shares, objectives, realisation);
    }

    /** The mean of the objective's measures' percentages; an objective without measures in the plan is 0 %. */
    static Figure objective(int policy, ObjectiveInput objective) {
        List<Input> inputs = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (MeasureInput measure : objective.measures()) {
            BigDecimal percent = measure.status() == MeasureStatus.NO_INFORMATION ? BigDecimal.ZERO : measure.percent();
            inputs.add(new Input("measure " + measure.code() + " (" + measure.status() + ")", percent, null));
            sum = sum.add(percent, EXACT);
        }
        BigDecimal mean = objective.measures().isEmpty()
                ? BigDecimal.ZERO
                : sum.divide(BigDecimal.valueOf(objective.measures().size()), EXACT);
        String formula = objective.measures().isEmpty()
                ? "0"
                : "("
                        + String.join(
                                " + ",
                                inputs.stream().map(i -> plain(i.value())).toList()) + ") / "
                        + objective.measures().size() + " = " + plain(mean) + " %";
        return new Figure(
                "policy " + policy + " objective " + objective.letter() + " realisation", mean, formula, inputs);
    }

    /** Equal weights that sum to exactly 1 (the last takes the remainder of the division). */
    public static List<BigDecimal> equalWeights(int objectives) {
        List<BigDecimal> weights = new ArrayList<>();
        if (objectives == 0) {
            return weights;
        }
        BigDecimal each = BigDecimal.ONE.divide(BigDecimal.valueOf(objectives), 5, RoundingMode.DOWN);
        BigDecimal rest = BigDecimal.ONE;
        for (int i = 0; i < objectives - 1; i++) {
            weights.add(each);
            rest = rest.subtract(each);
        }
        weights.add(rest);
        return weights;
    }

    /** A figure as the report prints it: rounded once, half up, to {@code decimals} places. */
    public static String display(BigDecimal value, int decimals) {
        return value.setScale(decimals, RoundingMode.HALF_UP)
                .stripTrailingZeros()
                .toPlainString();
    }

    static String plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return (stripped.scale() > 6 ? value.setScale(6, RoundingMode.HALF_UP).stripTrailingZeros() : stripped)
                .toPlainString();
    }
}
