package al.ura.monitoring;

import java.time.LocalDate;
import org.jspecify.annotations.Nullable;

/** An activity to record or correct; {@code version} is the one the correction was made on. */
public record EventCommand(
        EventView.@Nullable Kind kind,
        @Nullable String title,
        @Nullable LocalDate heldOn,
        @Nullable String organiser,
        @Nullable String audience,
        @Nullable Integer participants,
        @Nullable Integer sessions,
        @Nullable Integer version) {}
