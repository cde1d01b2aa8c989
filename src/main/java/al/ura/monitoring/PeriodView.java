package al.ura.monitoring;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A reporting period: a year of a strategy, open for submissions until its deadline, then locked and published. */
public record PeriodView(
        UUID id,
        UUID strategyId,
        int year,
        LocalDate deadline,
        Status status,
        @Nullable String prefaceSq,
        @Nullable String prefaceEn,
        @Nullable String recommendationsSq,
        @Nullable String recommendationsEn,
        Instant openedAt,
        @Nullable Instant lockedAt,
        @Nullable Instant publishedAt,
        int version) {

    /** Names under {@code monitoring.period.<NAME>}. */
    public enum Status {
        OPEN,
        LOCKED,
        PUBLISHED
    }

    public boolean open() {
        return status == Status.OPEN;
    }
}
