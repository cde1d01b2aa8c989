package al.ura.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The "available now" rule with fixed instants, across zones, daylight saving time, 24/7 and exceptions. */
class AvailabilityTest {

    private static final ZoneId TIRANE = ZoneId.of("Europe/Tirane");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    private static List<WeeklyHours> weekdays(int fromHour, int toHour) {
        List<WeeklyHours> hours = new ArrayList<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY) {
                hours.add(new WeeklyHours(day, LocalTime.of(fromHour, 0), LocalTime.of(toHour, 0)));
            }
        }
        return hours;
    }

    private static Availability office(ZoneId zone) {
        return new Availability(false, zone, weekdays(8, 16), List.of());
    }

    @Test
    void weeklyHoursAreReadInTheContactsOwnZone() {
        // Wednesday 10 June 2026, 07:30 UTC: 09:30 in Tirana (summer time, UTC+2), 03:30 in New York, 16:30 in Tokyo.
        Instant instant = Instant.parse("2026-06-10T07:30:00Z");

        assertThat(office(TIRANE).at(instant)).isTrue();
        assertThat(office(NEW_YORK).at(instant)).isFalse();
        assertThat(office(TOKYO).at(instant)).isFalse();
    }

    @Test
    void theStartIsInsideAndTheEndOutside() {
        assertThat(office(TIRANE).at(Instant.parse("2026-06-10T06:00:00Z"))).isTrue(); // 08:00 local
        assertThat(office(TIRANE).at(Instant.parse("2026-06-10T05:59:00Z"))).isFalse(); // 07:59
        assertThat(office(TIRANE).at(Instant.parse("2026-06-10T13:59:00Z"))).isTrue(); // 15:59
        assertThat(office(TIRANE).at(Instant.parse("2026-06-10T14:00:00Z"))).isFalse(); // 16:00
    }

    @Test
    void theWeekdayIsTheLocalOneNotUtcs() {
        // Friday 12 June 2026 23:30 UTC is Saturday 08:30 in Tokyo: closed there, although Friday in UTC.
        Instant fridayInUtc = Instant.parse("2026-06-12T23:30:00Z");
        assertThat(office(TOKYO).at(fridayInUtc)).isFalse();
        // Sunday 14 June 23:30 UTC is Monday 08:30 in Tokyo: open.
        assertThat(office(TOKYO).at(Instant.parse("2026-06-14T23:30:00Z"))).isTrue();
    }

    @Test
    void daylightSavingTimeMovesTheHoursWithTheLocalClock() {
        Availability tirane = office(TIRANE);
        // 07:30 UTC is 08:30 local in winter (UTC+1) and 09:30 in summer (UTC+2): open both times.
        assertThat(tirane.at(Instant.parse("2026-01-14T07:30:00Z"))).isTrue();
        assertThat(tirane.at(Instant.parse("2026-07-15T07:30:00Z"))).isTrue();
        // 06:30 UTC: 07:30 local in winter (closed), 08:30 local in summer (open).
        assertThat(tirane.at(Instant.parse("2026-01-14T06:30:00Z"))).isFalse();
        assertThat(tirane.at(Instant.parse("2026-07-15T06:30:00Z"))).isTrue();
        // Monday 30 March 2026, the day after the change to summer time: 06:00 UTC is 08:00 local.
        assertThat(tirane.at(Instant.parse("2026-03-30T06:00:00Z"))).isTrue();
        // Friday 27 March 2026, before the change: 06:00 UTC is 07:00 local.
        assertThat(tirane.at(Instant.parse("2026-03-27T06:00:00Z"))).isFalse();
        // New York changes on other dates (8 March 2026): on 10 March 13:00 UTC is 09:00 local (EDT), in Tirana still
        // winter.
        assertThat(office(NEW_YORK).at(Instant.parse("2026-03-10T13:00:00Z"))).isTrue();
        assertThat(office(NEW_YORK).at(Instant.parse("2026-03-06T13:00:00Z"))).isTrue(); // 08:00 EST
        assertThat(office(NEW_YORK).at(Instant.parse("2026-03-06T12:59:00Z"))).isFalse(); // 07:59 EST
    }

    @Test
    void aNightShiftRunsPastMidnightAsTwoSpans() {
        // Monday 22:00 to Tuesday 06:00, entered as one span and stored as two.
        Availability night = new Availability(
                false,
                TIRANE,
                List.of(
                        new WeeklyHours(DayOfWeek.MONDAY, LocalTime.of(22, 0), LocalTime.MIDNIGHT),
                        new WeeklyHours(DayOfWeek.TUESDAY, LocalTime.MIDNIGHT, LocalTime.of(6, 0))),
                List.of());
        assertThat(night.at(Instant.parse("2026-06-08T21:30:00Z"))).isTrue(); // Monday 23:30 local
        assertThat(night.at(Instant.parse("2026-06-08T22:30:00Z"))).isTrue(); // Tuesday 00:30 local
        assertThat(night.at(Instant.parse("2026-06-09T04:00:00Z"))).isFalse(); // Tuesday 06:00 local
        assertThat(night.at(Instant.parse("2026-06-09T21:30:00Z"))).isFalse(); // Tuesday 23:30 local
    }

    @Test
    void aTwentyFourSevenContactIsAlwaysAvailable() {
        Availability always = new Availability(true, TIRANE, List.of(), List.of());
        for (String instant : List.of(
                "2026-01-01T00:00:00Z", "2026-03-29T01:30:00Z", "2026-06-13T03:00:00Z", "2026-10-25T00:30:00Z")) {
            assertThat(always.at(Instant.parse(instant))).as(instant).isTrue();
        }
    }

    @Test
    void aHolidayClosesEvenWithinWeeklyHoursAndEvenAForTwentyFourSevenContact() {
        AvailabilityException christmas = new AvailabilityException(
                null, LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 26), false, null, null, "Christmas");
        Availability officeWithHoliday = new Availability(false, TIRANE, weekdays(8, 16), List.of(christmas));
        // Friday 25 December 2026, 10:00 local (09:00 UTC): closed.
        assertThat(officeWithHoliday.at(Instant.parse("2026-12-25T09:00:00Z"))).isFalse();
        // Thursday 24 December, same hour: open.
        assertThat(officeWithHoliday.at(Instant.parse("2026-12-24T09:00:00Z"))).isTrue();
        // The holiday is a local date: 24 December 23:30 UTC is already 25 December in Tirana.
        Availability alwaysWithHoliday = new Availability(true, TIRANE, List.of(), List.of(christmas));
        assertThat(alwaysWithHoliday.at(Instant.parse("2026-12-24T22:59:00Z"))).isTrue();
        assertThat(alwaysWithHoliday.at(Instant.parse("2026-12-24T23:30:00Z"))).isFalse();
        assertThat(alwaysWithHoliday.at(Instant.parse("2026-12-26T23:00:00Z"))).isTrue(); // 27 Dec 00:00 local
    }

    @Test
    void specialHoursReplaceTheWeekOnTheirDates() {
        // Open on Saturday 13 June 2026 from 09:00 to 12:00 only (an election day desk), and a short Friday.
        AvailabilityException saturday = new AvailabilityException(
                null,
                LocalDate.of(2026, 6, 13),
                LocalDate.of(2026, 6, 13),
                true,
                LocalTime.of(9, 0),
                LocalTime.of(12, 0),
                null);
        AvailabilityException shortFriday = new AvailabilityException(
                null,
                LocalDate.of(2026, 6, 12),
                LocalDate.of(2026, 6, 12),
                true,
                LocalTime.of(8, 0),
                LocalTime.of(10, 0),
                null);
        Availability availability = new Availability(false, TIRANE, weekdays(8, 16), List.of(saturday, shortFriday));
        assertThat(availability.at(Instant.parse("2026-06-13T08:00:00Z"))).isTrue(); // Sat 10:00
        assertThat(availability.at(Instant.parse("2026-06-13T10:00:00Z"))).isFalse(); // Sat 12:00
        assertThat(availability.at(Instant.parse("2026-06-12T07:00:00Z"))).isTrue(); // Fri 09:00
        assertThat(availability.at(Instant.parse("2026-06-12T09:00:00Z"))).isFalse(); // Fri 11:00, weekly says open
        assertThat(availability.at(Instant.parse("2026-06-11T09:00:00Z"))).isTrue(); // Thu 11:00, no exception
    }

    @Test
    void theNightTheClocksGoBackCountsTheRepeatedHourOnce() {
        // 25 October 2026 in Tirana: 03:00 summer time becomes 02:00 winter time. A Sunday desk 02:00-03:00.
        Availability sunday = new Availability(
                false,
                TIRANE,
                List.of(new WeeklyHours(DayOfWeek.SUNDAY, LocalTime.of(2, 0), LocalTime.of(3, 0))),
                List.of());
        assertThat(sunday.at(Instant.parse("2026-10-25T00:30:00Z"))).isTrue(); // 02:30 CEST
        assertThat(sunday.at(Instant.parse("2026-10-25T01:30:00Z"))).isTrue(); // 02:30 CET, the repeated hour
        assertThat(sunday.at(Instant.parse("2026-10-25T02:00:00Z"))).isFalse(); // 03:00 CET
    }
}
