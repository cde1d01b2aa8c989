package al.ura.monitoring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** What a strategy contact point reports on a measure (seed 002 §II a-e). */
public record SubmissionCommand(
        @Nullable MeasureStatus realisation,
        @Nullable BigDecimal percent,
        @Nullable BigDecimal budgetSpent,
        @Nullable List<ActivityCommand> activities,
        @Nullable String problems,
        @Nullable String forecast,
        @Nullable List<String> evidenceLinks) {

    public record ActivityCommand(
            @Nullable LocalDate doneOn, @Nullable String description) {}
}
