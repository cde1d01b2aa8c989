package al.ura.monitoring;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A training, exercise, awareness activity or international forum, with who came and how many sessions it had. */
public record EventView(
        UUID id,
        Kind kind,
        String title,
        LocalDate heldOn,
        String organiser,
        @Nullable String audience,
        int participants,
        int sessions,
        int version) {

    /** Names under {@code monitoring.event.kind.<NAME>}. */
    public enum Kind {
        TRAINING,
        EXERCISE,
        AWARENESS,
        FORUM
    }
}
