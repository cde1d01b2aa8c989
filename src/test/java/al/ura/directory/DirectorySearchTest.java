package al.ura.directory;

import static org.assertj.core.api.Assertions.assertThat;

import al.ura.testing.DatabaseTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The directory search on the real database: combined filters, and "available now" computed in SQL
 * agreeing with the {@link Availability} rule at every instant of a week across zones, daylight
 * saving time and exceptions.
 */
@DatabaseTest
class DirectorySearchTest {

    private static final String COUNTRY = "XT";

    @Autowired
    DirectorySearch search;

    @Autowired
    DirectoryFixtures fixtures;

    @Autowired
    ContactDirectory contacts;

    @Autowired
    OrganisationDirectory directory;

    @Test
    void availableNowRespectsZonesWeeklyHoursTwentyFourSevenExceptionsAndSuspension() {
        OrganisationView always = fixtures.organisation(OrganisationType.LAW_ENFORCEMENT, COUNTRY);
        fixtures.alwaysAvailable(always, ContactFunction.EMERGENCY_24_7, "UTC");
        OrganisationView tokyo = fixtures.organisation(OrganisationType.PROVIDER_PLATFORM, COUNTRY);
        fixtures.officeHours(tokyo, ContactFunction.LEGAL_REQUESTS, "Asia/Tokyo", List.of("ja", "en"));
        OrganisationView newYork = fixtures.organisation(OrganisationType.PROVIDER_HOSTING, COUNTRY);
        ContactPointView nyDesk =
                fixtures.officeHours(newYork, ContactFunction.LEGAL_REQUESTS, "America/New_York", List.of("en"));
        contacts.addException(
                DirectoryFixtures.OPERATOR,
                nyDesk.id(),
                new AvailabilityException(
                        null, LocalDate.of(2026, 6, 11), LocalDate.of(2026, 6, 11), false, null, null, "Holiday"));
        OrganisationView suspended = fixtures.organisation(OrganisationType.LAW_ENFORCEMENT, COUNTRY);
        fixtures.alwaysAvailable(suspended, ContactFunction.EMERGENCY_24_7, "UTC");
        directory.suspend(DirectoryFixtures.OPERATOR, suspended.id(), "Test");
        SearchCriteria availableHere = new SearchCriteria(null, null, COUNTRY, null, null, null, true);

        // Wednesday 10 June 2026 02:00 UTC: 11:00 in Tokyo (open), 22:00 on Tuesday in New York (closed).
        assertThat(found(availableHere, "2026-06-10T02:00:00Z")).containsExactlyInAnyOrder(always.id(), tokyo.id());
        // 15:00 UTC: midnight in Tokyo (closed), 11:00 in New York (open).
        assertThat(found(availableHere, "2026-06-10T15:00:00Z")).containsExactlyInAnyOrder(always.id(), newYork.id());
        // Thursday 11 June 15:00 UTC: New York's holiday.
        assertThat(found(availableHere, "2026-06-11T15:00:00Z")).containsExactly(always.id());
        // Saturday: only the 24/7 desk.
        assertThat(found(availableHere, "2026-06-13T10:00:00Z")).containsExactly(always.id());

        // Combined with function and language.
        assertThat(found(
                        new SearchCriteria(null, null, COUNTRY, null, ContactFunction.LEGAL_REQUESTS, "ja", true),
                        "2026-06-10T02:00:00Z"))
                .containsExactly(tokyo.id());
        assertThat(found(
                        new SearchCriteria(null, null, COUNTRY, null, ContactFunction.LEGAL_REQUESTS, "ja", true),
                        "2026-06-10T15:00:00Z"))
                .isEmpty();
        assertThat(found(
                        new SearchCriteria(
                                null, OrganisationType.PROVIDER_HOSTING, COUNTRY, Sector.OTHER, null, "en", false),
                        "2026-06-10T15:00:00Z"))
                .containsExactly(newYork.id());
        // Without contact filters the suspended organisation is still in the directory, marked as such.
        assertThat(found(new SearchCriteria(null, null, COUNTRY, null, null, null, false), "2026-06-10T15:00:00Z"))
                .contains(suspended.id());
    }

    @Test
    void theSqlAgreesWithTheAvailabilityRuleAtEveryInstantOfAWeekAcrossAClockChange() {
        String country = "XU";
        OrganisationView org = fixtures.organisation(OrganisationType.CSIRT_SOC, country);
        ContactPointView tirane =
                fixtures.officeHours(org, ContactFunction.INCIDENT_REPORTING, "Europe/Tirane", List.of("sq"));
        ContactPointView newYork =
                fixtures.officeHours(org, ContactFunction.GENERAL, "America/New_York", List.of("en"));
        ContactPointView always = fixtures.alwaysAvailable(org, ContactFunction.EMERGENCY_24_7, "Asia/Tokyo");
        contacts.addException(
                DirectoryFixtures.OPERATOR,
                tirane.id(),
                new AvailabilityException(
                        null,
                        LocalDate.of(2026, 10, 26),
                        LocalDate.of(2026, 10, 26),
                        true,
                        LocalTime.of(10, 0),
                        LocalTime.of(12, 0),
                        null));
        contacts.addException(
                DirectoryFixtures.OPERATOR,
                always.id(),
                new AvailabilityException(
                        null, LocalDate.of(2026, 10, 27), LocalDate.of(2026, 10, 27), false, null, null, null));
        List<ContactPointView> all = contacts.ofOrganisation(org.id());
        SearchCriteria criteria = new SearchCriteria(org.shortName(), null, country, null, null, null, true);

        // Every 25 minutes for a week around the end of summer time in Europe (25 October 2026).
        Instant start = Instant.parse("2026-10-23T00:05:00Z");
        int checked = 0;
        for (Instant at = start; at.isBefore(start.plus(Duration.ofDays(7))); at = at.plus(Duration.ofMinutes(25))) {
            Instant when = at;
            Set<UUID> expected = all.stream()
                    .filter(c -> c.availableAt(when))
                    .map(ContactPointView::id)
                    .collect(Collectors.toSet());
            List<SearchResult> results = search.search(criteria, at, null, 50).items();
            Set<UUID> actual = results.stream()
                    .flatMap(r -> r.contacts().stream())
                    .map(f -> f.contact().id())
                    .collect(Collectors.toSet());
            assertThat(actual).as(at.toString()).isEqualTo(expected);
            assertThat(results.stream().flatMap(r -> r.contacts().stream()))
                    .allMatch(SearchResult.FoundContact::availableNow);
            checked++;
        }
        assertThat(checked).isGreaterThan(400);
        assertThat(all).extracting(ContactPointView::id).contains(newYork.id());
    }

    @Test
    void textSearchAndPagesByShortName() {
        String country = "XV";
        OrganisationView first = fixtures.organisation(OrganisationType.COURT, country);
        OrganisationView second = fixtures.organisation(OrganisationType.COURT, country);
        OrganisationView third = fixtures.organisation(OrganisationType.COURT, country);
        SearchCriteria courts = new SearchCriteria(null, OrganisationType.COURT, country, null, null, null, false);

        var page1 = search.search(courts, Instant.now(), null, 2);
        var page2 = search.search(courts, Instant.now(), page1.nextCursor(), 2);

        assertThat(page1.items()).hasSize(2);
        assertThat(page2.nextCursor()).isNull();
        assertThat(java.util.stream.Stream.concat(page1.items().stream(), page2.items().stream())
                        .map(r -> r.organisation().id()))
                .containsExactlyInAnyOrder(first.id(), second.id(), third.id());
        assertThat(found(
                        new SearchCriteria(
                                second.shortName().toLowerCase(java.util.Locale.ROOT),
                                null,
                                null,
                                null,
                                null,
                                null,
                                false),
                        "2026-01-01T00:00:00Z"))
                .containsExactly(second.id());
        assertThat(found(new SearchCriteria("%", null, country, null, null, null, false), "2026-01-01T00:00:00Z"))
                .isEmpty();
    }

    private List<UUID> found(SearchCriteria criteria, String instant) {
        return search.search(criteria, Instant.parse(instant), null, 100).items().stream()
                .map(r -> r.organisation().id())
                .toList();
    }
}
