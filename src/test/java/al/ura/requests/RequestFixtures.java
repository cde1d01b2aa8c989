package al.ura.requests;

import al.ura.directory.ContactFunction;
import al.ura.directory.DataCategory;
import al.ura.directory.DataItem;
import al.ura.directory.DirectoryFixtures;
import al.ura.directory.LegalProcess;
import al.ura.directory.OrganisationType;
import al.ura.directory.OrganisationView;
import al.ura.directory.ProviderServiceCommand;
import al.ura.directory.ProviderServiceView;
import al.ura.directory.ProviderServices;
import al.ura.identity.IdentityFixtures;
import al.ura.identity.IdentityFixtures.TestUser;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A police unit, a provider and the people on both sides, for the requests' tests: an officer, a
 * second officer of another unit, an authoriser, a compliance officer and a compliance lead. The
 * provider runs one service that shares IP addresses (carrier-grade NAT) and declares what it
 * discloses: subscriber data (2 years, on a request), IP assignments (1 year, on a request),
 * connection records (6 months, on a prosecutor's order) and stored messages (only through MLA).
 */
@Component
public class RequestFixtures {

    /** KPP art. 191/a, seeded by migration V601. */
    public static final UUID PROVISION = UUID.fromString("6a1f3c7e-0a01-4d6e-9a01-000000000001");

    private final DirectoryFixtures directory;
    private final IdentityFixtures people;
    private final ProviderServices services;
    private final LegalRequests requests;
    private final JdbcClient jdbc;
    private final Clock clock;

    RequestFixtures(
            DirectoryFixtures directory,
            IdentityFixtures people,
            ProviderServices services,
            LegalRequests requests,
            JdbcClient jdbc,
            Clock clock) {
        this.directory = directory;
        this.people = people;
        this.services = services;
        this.requests = requests;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Both sides of a request and the provider's service. */
    public record World(
            OrganisationView police,
            OrganisationView provider,
            ProviderServiceView service,
            TestUser officer,
            TestUser otherOfficer,
            TestUser authoriser,
            TestUser compliance,
            TestUser lead) {}

    public World world() {
        return world("AL");
    }

    public World world(String providerCountry) {
        OrganisationView police = directory.organisation(OrganisationType.LAW_ENFORCEMENT, "AL");
        Provider provider = provider(providerCountry);
        OrganisationView organisation = provider.organisation();
        ProviderServiceView service = provider.service();
        return new World(
                police,
                organisation,
                service,
                people.user(police, RequestsConfiguration.OFFICER),
                people.user(police, RequestsConfiguration.OFFICER),
                people.user(police, RequestsConfiguration.AUTHORISER),
                people.user(organisation, RequestsConfiguration.COMPLIANCE_OFFICER),
                people.user(organisation, RequestsConfiguration.COMPLIANCE_LEAD));
    }

    /** A provider with a 24/7 desk and its one service. */
    public record Provider(OrganisationView organisation, ProviderServiceView service) {}

    /** A provider in {@code country} with a 24/7 desk, running the service described above. */
    public Provider provider(String country) {
        OrganisationView provider =
                directory.organisation(OrganisationType.PROVIDER_ELECTRONIC_COMMUNICATIONS, country);
        directory.alwaysAvailable(provider, ContactFunction.EMERGENCY_24_7, "Europe/Tirane");
        ProviderServiceView service = services.create(
                DirectoryFixtures.OPERATOR,
                provider.id(),
                new ProviderServiceCommand(
                        "Mobile internet",
                        "https://www." + provider.officialDomains().getFirst(),
                        "Mobile data with carrier-grade NAT",
                        true,
                        List.of(
                                new ProviderServiceCommand.Offering(
                                        DataItem.SUBSCRIBER_IDENTITY, 730, LegalProcess.AUTHORITY_REQUEST),
                                new ProviderServiceCommand.Offering(
                                        DataItem.SUBSCRIBER_ADDRESS, 730, LegalProcess.AUTHORITY_REQUEST),
                                new ProviderServiceCommand.Offering(
                                        DataItem.IP_ASSIGNMENT, 365, LegalProcess.AUTHORITY_REQUEST),
                                new ProviderServiceCommand.Offering(
                                        DataItem.CONNECTION_RECORDS, 180, LegalProcess.PROSECUTOR_ORDER),
                                new ProviderServiceCommand.Offering(
                                        DataItem.STORED_MESSAGES, 90, LegalProcess.MUTUAL_LEGAL_ASSISTANCE)),
                        48,
                        6));
        return new Provider(provider, service);
    }

    /**
     * Another police organisation asking the same provider, with its own officers and authoriser:
     * the provider's people stay {@code world}'s.
     */
    public World otherPolice(World world) {
        OrganisationView police = directory.organisation(OrganisationType.LAW_ENFORCEMENT, "AL");
        return new World(
                police,
                world.provider(),
                world.service(),
                people.user(police, RequestsConfiguration.OFFICER),
                people.user(police, RequestsConfiguration.OFFICER),
                people.user(police, RequestsConfiguration.AUTHORISER),
                world.compliance(),
                world.lead());
    }

    /**
     * Takes the lease of the scheduled pass of the request clocks, so that it cannot run between a
     * test's own {@link RequestClocks#run()} calls at the times the test set (it would send the
     * reminders in its own thread, unseen by the test). {@link #releaseScheduledClocks()} gives it back.
     */
    public void holdScheduledClocks() {
        java.time.OffsetDateTime never = java.time.OffsetDateTime.parse("9999-01-01T00:00:00Z");
        int held = jdbc.sql(
                        "UPDATE job_lock SET locked_until = ?, locked_by = 'requests-test' WHERE name = 'requests.clocks'")
                .param(never)
                .update();
        if (held == 0) {
            jdbc.sql(
                            "INSERT INTO job_lock (name, locked_until, locked_by) VALUES ('requests.clocks', ?, 'requests-test')")
                    .param(never)
                    .update();
        }
    }

    public void releaseScheduledClocks() {
        jdbc.sql("DELETE FROM job_lock WHERE name = 'requests.clocks' AND locked_by = 'requests-test'")
                .update();
    }

    /** An IP address seen an hour ago, with its port and offset, asking who was assigned it. */
    public DraftCommand.IdentifierCommand ip(String address) {
        Instant seen = clock.instant().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        return new DraftCommand.IdentifierCommand(
                IdentifierKind.IPV4,
                address,
                51234,
                seen.atOffset(java.time.ZoneOffset.ofHours(1)).toString(),
                null,
                DataCategory.IDENTIFICATION_DATA,
                List.of(DataItem.IP_ASSIGNMENT),
                seen.minus(Duration.ofHours(1)).toString(),
                seen.plus(Duration.ofMinutes(30)).toString());
    }

    /** Who holds an e-mail account: subscriber data over the last month. */
    public DraftCommand.IdentifierCommand email(String address) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        return new DraftCommand.IdentifierCommand(
                IdentifierKind.EMAIL,
                address,
                null,
                null,
                null,
                DataCategory.SUBSCRIBER_INFORMATION,
                List.of(DataItem.SUBSCRIBER_IDENTITY),
                now.minus(Duration.ofDays(30)).toString(),
                now.minus(Duration.ofMinutes(10)).toString());
    }

    /** A complete, valid disclosure request from {@code world}'s officer. */
    public DraftCommand draft(World world, RequestType type, List<DraftCommand.IdentifierCommand> identifiers) {
        return new DraftCommand(
                type,
                "PP-2026-" + UUID.randomUUID().toString().substring(0, 6),
                "Sektori i Krimeve Kibernetike",
                "Officer Test",
                "+355 4 222 3333",
                "officer@" + world.police().officialDomains().getFirst(),
                PROVISION,
                null,
                world.provider().id(),
                world.service().id(),
                identifiers,
                "Mashtrim kompjuterik (neni 143/b KP)",
                "Fictional: a phishing site took payments from victims.",
                "The address identifies who ran the phishing site.",
                Priority.NORMAL,
                type == RequestType.EMERGENCY_DISCLOSURE,
                type == RequestType.EMERGENCY_DISCLOSURE
                        ? "Fictional: a person has announced self-harm tonight."
                        : null,
                true,
                null,
                null,
                null,
                null,
                false);
    }

    public DraftCommand draft(World world) {
        return draft(world, RequestType.DISCLOSURE, List.of(ip("203.0.113.25")));
    }

    /** A request drafted, sent for authorisation and authorised: submitted and signed. */
    public RequestView submitted(World world, DraftCommand draft) {
        RequestView created = requests.createDraft(world.officer().actor(), draft);
        requests.submitForAuthorisation(world.officer().actor(), created.id());
        return requests.authorise(world.authoriser().actor(), created.id());
    }

    public RequestView submitted(World world) {
        return submitted(world, draft(world));
    }
}
