package al.ura.monitoring;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An institution's report on one measure for one period, and where its review stands. */
public record SubmissionView(
        UUID id,
        UUID periodId,
        UUID measureId,
        UUID organisationId,
        Status status,
        @Nullable MeasureStatus realisation,
        @Nullable BigDecimal percent,
        @Nullable BigDecimal budgetSpent,
        @Nullable String problems,
        @Nullable String forecast,
        List<String> evidenceLinks,
        List<Activity> activities,
        @Nullable String reviewComment,
        @Nullable UUID submittedBy,
        @Nullable Instant submittedAt,
        @Nullable UUID reviewedBy,
        @Nullable Instant reviewedAt,
        int version) {

    public SubmissionView {
        evidenceLinks = List.copyOf(evidenceLinks);
        activities = List.copyOf(activities);
    }

    /** Names under {@code monitoring.submission.<NAME>}. */
    public enum Status {
        DRAFT,
        SUBMITTED,
        RETURNED,
        ACCEPTED
    }

    /** An activity done, with its date and a description ready for the report's footnote. */
    public record Activity(@Nullable LocalDate doneOn, String description) {}
}
