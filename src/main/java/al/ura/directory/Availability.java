package al.ura.directory;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * When a contact answers, and the one rule that decides whether it does at an instant: the
 * instant is read as local date and time in the contact's zone (so daylight saving time is the
 * zone's business); an exception covering that date decides alone; otherwise a 24/7 contact is
 * available, and any other only within its weekly hours. The directory's search applies the same
 * rule in SQL.
 */
public record Availability(
        boolean alwaysAvailable, ZoneId zone, List<WeeklyHours> hours, List<AvailabilityException> exceptions) {

    public Availability {
        hours = List.copyOf(hours);
        exceptions = List.copyOf(exceptions);
    }

    public boolean at(Instant instant) {
        ZonedDateTime local = instant.atZone(zone);
        LocalDate date = local.toLocalDate();
        int minute = local.getHour() * 60 + local.getMinute();
        List<AvailabilityException> today =
                exceptions.stream().filter(e -> e.covers(date)).toList();
        if (!today.isEmpty()) {
            return today.stream().anyMatch(e -> e.availableAt(minute));
        }
        if (alwaysAvailable) {
            return true;
        }
        return hours.stream().anyMatch(h -> h.contains(local.getDayOfWeek(), minute));
    }
}
