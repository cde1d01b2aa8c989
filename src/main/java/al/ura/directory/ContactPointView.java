package al.ura.directory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A designated point of contact as other modules see it. {@code overdue}: its re-verification
 * interval has passed (or it was never verified), so everyone is shown it may be stale.
 * {@code availability} holds its hours, time zone and exceptions; {@link #availableAt} applies them.
 */
public record ContactPointView(
        UUID id,
        UUID organisationId,
        ContactFunction function,
        String name,
        @Nullable String position,
        List<String> phones,
        String email,
        List<String> languages,
        boolean alwaysAvailable,
        @Nullable LocalDate lastVerified,
        boolean overdue,
        ContactKind kind,
        Availability availability,
        int reverificationDays,
        @Nullable LocalDate verificationDue) {

    public ContactPointView {
        phones = List.copyOf(phones);
        languages = List.copyOf(languages);
    }

    public boolean availableAt(Instant instant) {
        return availability.at(instant);
    }

    public String timeZone() {
        return availability.zone().getId();
    }
}
