package al.ura.directory;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A holiday or other exception to a contact's regular availability, for local dates {@code from}
 * to {@code to} inclusive: closed ({@code available} false), or available — all day when no hours
 * are given, else only from {@code start} to {@code end}. On those dates it replaces the weekly
 * hours and the 24/7 flag alike.
 */
public record AvailabilityException(
        @Nullable UUID id,
        LocalDate from,
        LocalDate to,
        boolean available,
        @Nullable LocalTime start,
        @Nullable LocalTime end,
        @Nullable String note) {

    public boolean covers(LocalDate date) {
        return !date.isBefore(from) && !date.isAfter(to);
    }

    /** Whether it makes the contact available at this minute of a date it covers. */
    public boolean availableAt(int minuteOfDay) {
        if (!available) {
            return false;
        }
        if (start == null || end == null) {
            return true;
        }
        int endMinute = end.getHour() * 60 + end.getMinute();
        if (endMinute == 0) {
            endMinute = 24 * 60;
        }
        return minuteOfDay >= start.getHour() * 60 + start.getMinute() && minuteOfDay < endMinute;
    }
}
