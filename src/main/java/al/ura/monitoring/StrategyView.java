package al.ura.monitoring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A strategy and its whole plan, as stored, for pages, the API and the computation. */
public record StrategyView(
        UUID id,
        String code,
        String titleSq,
        String titleEn,
        int firstYear,
        int lastYear,
        @Nullable String decision,
        @Nullable LocalDate decisionDate,
        @Nullable String principlesSq,
        @Nullable String principlesEn,
        int version,
        List<PolicyView> policies) {

    public StrategyView {
        policies = List.copyOf(policies);
    }

    public String title(Locale locale) {
        return "en".equals(locale.getLanguage()) ? titleEn : titleSq;
    }

    public List<MeasureView> measures() {
        return policies.stream()
                .flatMap(p -> p.objectives().stream())
                .flatMap(o -> o.measures().stream())
                .toList();
    }

    public record PolicyView(UUID id, int number, String goalSq, String goalEn, List<ObjectiveView> objectives) {
        public PolicyView {
            objectives = List.copyOf(objectives);
        }

        public String goal(Locale locale) {
            return "en".equals(locale.getLanguage()) ? goalEn : goalSq;
        }
    }

    public record ObjectiveView(
            UUID id,
            UUID policyId,
            String letter,
            String textSq,
            String textEn,
            BigDecimal weight,
            List<MeasureView> measures) {
        public ObjectiveView {
            measures = List.copyOf(measures);
        }

        public String text(Locale locale) {
            return "en".equals(locale.getLanguage()) ? textEn : textSq;
        }
    }

    public record MeasureView(
            UUID id,
            UUID objectiveId,
            String code,
            String textSq,
            String textEn,
            @Nullable UUID responsibleId,
            List<UUID> contributingIds,
            @Nullable BigDecimal budgetPlanned,
            @Nullable String currency,
            @Nullable String budgetSource,
            @Nullable Integer firstYear,
            @Nullable Integer lastYear,
            List<IndicatorView> indicators,
            List<ActivityView> activities) {
        public MeasureView {
            contributingIds = List.copyOf(contributingIds);
            indicators = List.copyOf(indicators);
            activities = List.copyOf(activities);
        }

        public String text(Locale locale) {
            return "en".equals(locale.getLanguage()) ? textEn : textSq;
        }
    }

    public record IndicatorView(
            UUID id,
            String nameSq,
            String nameEn,
            String unit,
            @Nullable BigDecimal baseline,
            @Nullable BigDecimal target,
            @Nullable String liveFigure) {}

    public record ActivityView(UUID id, String textSq, String textEn) {}
}
