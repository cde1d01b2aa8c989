package al.ura.directory;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A designated point of contact as other modules see it. {@code overdue}: its re-verification
 * interval has passed, so everyone is shown it may be stale.
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
        boolean overdue) {

    public ContactPointView {
        phones = List.copyOf(phones);
        languages = List.copyOf(languages);
    }
}
