package al.ura.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import al.ura.monitoring.Realisation.MeasureInput;
import al.ura.monitoring.Realisation.ObjectiveInput;
import al.ura.monitoring.Realisation.PolicyInput;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The report's arithmetic, checked against the 2024 monitoring report's own figures. */
class RealisationTest {

    @Test
    void policyOneOfThe2024ReportIsTheWeightedSumOfItsObjectives() {
        // Footnote 1 of the 2024 report: (17.8 % × 0.4) + (76.5 % × 0.2) + (72.7 % × 0.2) + (75 % × 0.2) = 51.96 %.
        PolicyInput policy = new PolicyInput(
                1,
                List.of(
                        objective(
                                "A",
                                "0.4",
                                measure("1.A.1", MeasureStatus.PARTIAL, "35.6"),
                                measure("1.A.2", MeasureStatus.NO_INFORMATION, "0")),
                        objective("B", "0.2", measure("1.B.1", MeasureStatus.PARTIAL, "76.5")),
                        objective("C", "0.2", measure("1.C.1", MeasureStatus.PARTIAL, "72.7")),
                        objective(
                                "D",
                                "0.2",
                                measure("1.D.1", MeasureStatus.REALISED, "100"),
                                measure("1.D.2", MeasureStatus.PARTIAL, "50"))));

        Realisation.PolicyResult result = Realisation.policy(policy);

        assertThat(result.objectives())
                .extracting(o -> o.realisation().value())
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(
                        new BigDecimal("17.8"), new BigDecimal("76.5"), new BigDecimal("72.7"), new BigDecimal("75"));
        assertThat(result.realisation().value()).isEqualByComparingTo("51.96");
        assertThat(Realisation.display(result.realisation().value(), 2)).isEqualTo("51.96");
        assertThat(result.realisation().formula())
                .isEqualTo("(17.8 % × 0.4) + (76.5 % × 0.2) + (72.7 % × 0.2) + (75 % × 0.2) = 51.96 %");
        assertThat(result.realisation().inputs())
                .extracting(Realisation.Input::weight)
                .usingElementComparator(BigDecimal::compareTo)
                .containsExactly(
                        new BigDecimal("0.4"), new BigDecimal("0.2"), new BigDecimal("0.2"), new BigDecimal("0.2"));
        // A measure without information counts 0 % in its objective's mean: (35.6 + 0) / 2.
        assertThat(result.objectives().getFirst().realisation().formula()).isEqualTo("(35.6 + 0) / 2 = 17.8 %");
    }

    @Test
    void sharesComeFromCountsAndAreRoundedOnlyForDisplay() {
        // Policy 1 in 2024: 16 measures, 7 realised, 6 partially, 3 without information. The report
        // printed 44 % / 37.5 % / 18.5 %, which neither add up to 100 nor agree with the counts.
        List<MeasureInput> measures = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            MeasureStatus status =
                    i < 7 ? MeasureStatus.REALISED : i < 13 ? MeasureStatus.PARTIAL : MeasureStatus.NO_INFORMATION;
            measures.add(measure(
                    "1." + i,
                    status,
                    status == MeasureStatus.REALISED ? "100" : status == MeasureStatus.PARTIAL ? "50" : "0"));
        }
        Realisation.PolicyResult result =
                Realisation.policy(new PolicyInput(1, List.of(new ObjectiveInput("A", BigDecimal.ONE, measures))));

        assertThat(result.measures()).isEqualTo(16);
        assertThat(result.counts().get(MeasureStatus.REALISED)).isEqualTo(7);
        assertThat(result.shares().get(MeasureStatus.REALISED).value()).isEqualByComparingTo("43.75");
        assertThat(result.shares().get(MeasureStatus.PARTIAL).value()).isEqualByComparingTo("37.5");
        assertThat(result.shares().get(MeasureStatus.NO_INFORMATION).value()).isEqualByComparingTo("18.75");
        assertThat(result.shares().get(MeasureStatus.REALISED).formula()).isEqualTo("7 / 16 × 100");
        BigDecimal sum = result.shares().values().stream()
                .map(Realisation.Figure::value)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(sum).isEqualByComparingTo("100");
        assertThat(Realisation.display(
                        result.shares().get(MeasureStatus.REALISED).value(), 1))
                .isEqualTo("43.8");
        assertThat(Realisation.display(
                        result.shares().get(MeasureStatus.NO_INFORMATION).value(), 2))
                .isEqualTo("18.75");
    }

    @Test
    void sharesOfThirdsAreExactAndSumToOneHundred() {
        List<MeasureInput> measures = List.of(
                measure("a", MeasureStatus.REALISED, "100"),
                measure("b", MeasureStatus.PARTIAL, "40"),
                measure("c", MeasureStatus.NOT_REALISED, "0"));
        Realisation.PolicyResult result =
                Realisation.policy(new PolicyInput(2, List.of(new ObjectiveInput("A", BigDecimal.ONE, measures))));
        BigDecimal sum = result.shares().values().stream()
                .map(Realisation.Figure::value)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat(sum.subtract(new BigDecimal("100")).abs()).isLessThan(new BigDecimal("1e-30"));
        assertThat(Realisation.display(
                        result.shares().get(MeasureStatus.REALISED).value(), 1))
                .isEqualTo("33.3");
    }

    @Test
    void equalWeightsSumToExactlyOne() {
        assertThat(Realisation.equalWeights(3))
                .containsExactly(new BigDecimal("0.33333"), new BigDecimal("0.33333"), new BigDecimal("0.33334"));
        assertThat(Realisation.equalWeights(4).stream().reduce(BigDecimal.ZERO, BigDecimal::add))
                .isEqualByComparingTo("1");
        assertThat(Realisation.equalWeights(5)).allSatisfy(w -> assertThat(w).isEqualByComparingTo("0.2"));
    }

    private static MeasureInput measure(String code, MeasureStatus status, String percent) {
        return new MeasureInput(code, status, new BigDecimal(percent));
    }

    private static ObjectiveInput objective(String letter, String weight, MeasureInput... measures) {
        return new ObjectiveInput(letter, new BigDecimal(weight), List.of(measures));
    }
}
