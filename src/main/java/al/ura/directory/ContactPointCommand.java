package al.ura.directory;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A point of contact as its organisation's administrator enters it. The e-mail address must be on
 * one of the organisation's official domains. Weekly hours are local times in {@code timeZone}
 * (an IANA zone such as {@code Europe/Tirane}); a span whose end is not after its start runs past
 * midnight. {@code reverificationDays} defaults to 120.
 */
public record ContactPointCommand(
        @Nullable ContactFunction function,
        @Nullable ContactKind kind,
        @Nullable String name,
        @Nullable String position,
        @Nullable List<String> phones,
        @Nullable String email,
        @Nullable List<String> languages,
        @Nullable Boolean alwaysAvailable,
        @Nullable String timeZone,
        @Nullable List<WeeklyHours> hours,
        @Nullable Integer reverificationDays) {

    /** Missing means no: a contact is 24/7 only when it says so. */
    public boolean twentyFourSeven() {
        return Boolean.TRUE.equals(alwaysAvailable);
    }
}
