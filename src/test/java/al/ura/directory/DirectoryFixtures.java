package al.ura.directory;

import al.ura.kernel.Actor;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Component;

/** Organisations with a profile (an official domain of their own) and contacts, for the directory's tests. */
@Component
public class DirectoryFixtures {

    public static final Actor OPERATOR = new Actor(
            Actor.Kind.SYSTEM, null, null, "fixture-operator", Set.of(DirectoryPermissions.MANAGE_ORGANISATIONS), null);
    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final OrganisationDirectory directory;
    private final ContactDirectory contacts;

    DirectoryFixtures(OrganisationDirectory directory, ContactDirectory contacts) {
        this.directory = directory;
        this.contacts = contacts;
    }

    /** An organisation of that type and country whose official domain is {@code <short name>.test.example}. */
    public OrganisationView organisation(OrganisationType type, String country) {
        int n = SEQUENCE.incrementAndGet();
        String shortName = "D" + n + "-" + UUID.randomUUID().toString().substring(0, 6);
        return directory.create(
                OPERATOR,
                new CreateOrganisationCommand(
                        shortName,
                        "Organizata e testit " + n,
                        "Test organisation " + n,
                        type,
                        country,
                        Sector.OTHER,
                        List.of(domainOf(shortName)),
                        "+355 4 555 0" + (100 + n % 800),
                        "https://www." + domainOf(shortName),
                        null,
                        List.of("sq", "en")));
    }

    public OrganisationView organisation() {
        return organisation(OrganisationType.PUBLIC_AGENCY, "AL");
    }

    public static String domainOf(String shortName) {
        return shortName.toLowerCase(Locale.ROOT) + ".test.example";
    }

    public ContactPointView alwaysAvailable(OrganisationView organisation, ContactFunction function, String zone) {
        return contacts.create(
                OPERATOR,
                organisation.id(),
                new ContactPointCommand(
                        function,
                        ContactKind.DESK,
                        "Desk " + function,
                        null,
                        List.of("+355 69 555 0101"),
                        "desk@" + organisation.officialDomains().getFirst(),
                        List.of("sq", "en"),
                        true,
                        zone,
                        List.of(),
                        null));
    }

    public ContactPointView officeHours(
            OrganisationView organisation, ContactFunction function, String zone, List<String> languages) {
        List<WeeklyHours> hours = new ArrayList<>();
        for (DayOfWeek day : List.of(
                DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            hours.add(new WeeklyHours(day, LocalTime.of(8, 0), LocalTime.of(16, 0)));
        }
        return contacts.create(
                OPERATOR,
                organisation.id(),
                new ContactPointCommand(
                        function,
                        ContactKind.PERSON,
                        "Person " + function,
                        "Officer",
                        List.of("+355 69 555 0102"),
                        "person@" + organisation.officialDomains().getFirst(),
                        languages,
                        false,
                        zone,
                        hours,
                        null));
    }
}
