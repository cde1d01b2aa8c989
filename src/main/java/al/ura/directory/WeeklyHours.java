package al.ura.directory;

import java.time.DayOfWeek;
import java.time.LocalTime;

/**
 * One span of a contact's regular week, in the contact's own time zone: from {@code from}
 * (inclusive) to {@code to} (exclusive) on {@code day}; {@code to} of 00:00 means the end of the
 * day. A span that runs past midnight is stored as two, one on each day.
 */
public record WeeklyHours(DayOfWeek day, LocalTime from, LocalTime to) {

    public int fromMinute() {
        return from.getHour() * 60 + from.getMinute();
    }

    /** Minutes since local midnight at which the span ends, 1440 for the end of the day. */
    public int toMinute() {
        int minute = to.getHour() * 60 + to.getMinute();
        return minute == 0 ? 24 * 60 : minute;
    }

    public boolean contains(DayOfWeek onDay, int minuteOfDay) {
        return day == onDay && minuteOfDay >= fromMinute() && minuteOfDay < toMinute();
    }
}
