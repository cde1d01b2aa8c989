package al.ura.directory;

import al.ura.kernel.Actor;
import al.ura.kernel.DemoLoader;
import al.ura.kernel.DemoPerson;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The fictional organisations of demo mode (invented names, {@code .example} domains, phone
 * numbers from the fictional 555 range); the other modules' demo people and records belong to
 * them. Every organisation type, two foreign organisations (one a provider), contacts of every
 * function, provider services with their data, and a key each. Loaded first; a later start finds
 * each part there and adds nothing.
 */
@Component
class DirectoryDemoData implements DemoLoader {

    record DemoOrganisation(
            String shortName,
            String nameSq,
            String nameEn,
            OrganisationType type,
            String country,
            String domain,
            Sector sector,
            List<String> languages,
            String zone,
            boolean verified) {

        /** Kept for other modules' tests that name the first three demo organisations. */
        DemoOrganisation(
                String shortName, String nameSq, String nameEn, OrganisationType type, String country, String domain) {
            this(shortName, nameSq, nameEn, type, country, domain, Sector.OTHER, List.of("sq", "en"), TIRANE, true);
        }
    }

    static final String TIRANE = "Europe/Tirane";

    static final List<DemoOrganisation> ORGANISATIONS = List.of(
            new DemoOrganisation(
                    "POLICIA-DEMO",
                    "Policia e Shtetit — Sektori i Krimit Kibernetik (demo)",
                    "State Police — Cybercrime Sector (demo)",
                    OrganisationType.LAW_ENFORCEMENT,
                    "AL",
                    "policia.example",
                    Sector.JUSTICE_AND_SECURITY,
                    List.of("sq", "en", "it"),
                    TIRANE,
                    true),
            new DemoOrganisation(
                    "NETDRITA",
                    "NetDrita sh.p.k. (fiktive)",
                    "NetDrita Ltd (fictional)",
                    OrganisationType.PROVIDER_ELECTRONIC_COMMUNICATIONS,
                    "AL",
                    "netdrita.example",
                    Sector.ELECTRONIC_COMMUNICATIONS,
                    List.of("sq", "en"),
                    TIRANE,
                    true),
            new DemoOrganisation(
                    "SHPRESA",
                    "Shoqata Ura e Shpresës (fiktive)",
                    "Bridge of Hope Association (fictional)",
                    OrganisationType.NGO_SOCIAL_SERVICE,
                    "AL",
                    "shpresa.example",
                    Sector.SOCIAL_PROTECTION,
                    List.of("sq", "en"),
                    TIRANE,
                    true),
            new DemoOrganisation(
                    "PROKURORIA-DEMO",
                    "Prokuroria e Krimeve Kibernetike (demo)",
                    "Cybercrime Prosecution Office (demo)",
                    OrganisationType.PROSECUTION,
                    "AL",
                    "prokuroria.example",
                    Sector.JUSTICE_AND_SECURITY,
                    List.of("sq", "en"),
                    TIRANE,
                    true),
            new DemoOrganisation(
                    "GJYKATA-DEMO",
                    "Gjykata e Rrethit Fushëbardhë (fiktive)",
                    "Fushëbardhë District Court (fictional)",
                    OrganisationType.COURT,
                    "AL",
                    "gjykata.example",
                    Sector.JUSTICE_AND_SECURITY,
                    List.of("sq"),
                    TIRANE,
                    true),
            new DemoOrganisation(
                    "RETEHOST",
                    "ReteHost sh.p.k. (fiktive)",
                    "ReteHost Ltd (fictional)",
                    OrganisationType.PROVIDER_HOSTING,
                    "AL",
                    "retehost.example",
                    Sector.DIGITAL_INFRASTRUCTURE,
                    List.of("sq", "en"),
                    TIRANE,
                    true),
            new DemoOrganisation(
                    "FJALA",
                    "Fjala Forum sh.p.k. (fiktive)",
                    "Fjala Forum Ltd (fictional)",
                    OrganisationType.PROVIDER_PLATFORM,
                    "AL",
                    "fjala.example",
                    Sector.ONLINE_SERVICES,
                    List.of("sq", "en"),
                    TIRANE,
                    true),
            new DemoOrganisation(
                    "EMRAT-AL",
                    "Emrat.al Regjistruesi (fiktiv)",
                    "Emrat.al Registrar (fictional)",
                    OrganisationType.PROVIDER_DOMAIN_REGISTRAR,
                    "AL",
                    "emrat.example",
                    Sector.DIGITAL_INFRASTRUCTURE,
                    List.of("sq", "en"),
                    TIRANE,
                    true),
            new DemoOrganisation(
                    "PAGESA-E",
                    "Pagesa Elektronike sh.a. (fiktive)",
                    "E-Payments plc (fictional)",
                    OrganisationType.PROVIDER_OTHER,
                    "AL",
                    "pagesa.example",
                    Sector.BANKING_AND_FINANCE,
                    List.of("sq", "en"),
                    TIRANE,
                    false),
            new DemoOrganisation(
                    "CSIRT-DEMO",
                    "CSIRT Kombëtar (demo)",
                    "National CSIRT (demo)",
                    OrganisationType.CSIRT_SOC,
                    "AL",
                    "csirt.example",
                    Sector.DIGITAL_INFRASTRUCTURE,
                    List.of("sq", "en"),
                    TIRANE,
                    true),
            new DemoOrganisation(
                    "MINISTRIA-DEMO",
                    "Ministria e Shoqërisë Dixhitale (fiktive)",
                    "Ministry of Digital Society (fictional)",
                    OrganisationType.PUBLIC_AGENCY,
                    "AL",
                    "ministria.example",
                    Sector.PUBLIC_ADMINISTRATION,
                    List.of("sq", "en"),
                    TIRANE,
                    true),
            new DemoOrganisation(
                    "ENERGJIA-DEMO",
                    "Rrjeti i Energjisë Veriore sh.a. (fiktive)",
                    "Northern Power Grid plc (fictional)",
                    OrganisationType.INFRASTRUCTURE_OPERATOR,
                    "AL",
                    "energjia.example",
                    Sector.ENERGY,
                    List.of("sq", "en"),
                    TIRANE,
                    true),
            new DemoOrganisation(
                    "ZYRA-RAJONALE",
                    "Zyra Rajonale për Bashkëpunim Kibernetik (fiktive)",
                    "Regional Cyber Cooperation Office (fictional)",
                    OrganisationType.INTERNATIONAL_ORGANISATION,
                    "AL",
                    "zyra-rajonale.example",
                    Sector.PUBLIC_ADMINISTRATION,
                    List.of("en", "sq", "fr"),
                    TIRANE,
                    true),
            new DemoOrganisation(
                    "CYBERUNIT-MK",
                    "Njësia Kibernetike e Policisë, Maqedonia e Veriut (fiktive)",
                    "Police Cyber Unit, North Macedonia (fictional)",
                    OrganisationType.FOREIGN_AUTHORITY,
                    "MK",
                    "cyberunit-mk.example",
                    Sector.JUSTICE_AND_SECURITY,
                    List.of("mk", "en", "sq"),
                    "Europe/Skopje",
                    true),
            new DemoOrganisation(
                    "STREAMLY",
                    "Streamly Ltd, Irlandë (fiktive)",
                    "Streamly Ltd, Ireland (fictional)",
                    OrganisationType.PROVIDER_PLATFORM,
                    "IE",
                    "streamly.example",
                    Sector.ONLINE_SERVICES,
                    List.of("en"),
                    "Europe/Dublin",
                    true));

    /** The operator's own profile, filled in on the organisation the identity module created at first start. */
    static final String OPERATOR_DOMAIN = "aksk.example";

    private final OrganisationDirectory directory;
    private final ContactDirectory contacts;
    private final ContactRepository contactRows;
    private final ProviderServices services;
    private final boolean demoEnabled;

    DirectoryDemoData(
            OrganisationDirectory directory,
            ContactDirectory contacts,
            ContactRepository contactRows,
            ProviderServices services,
            @Value("${ura.demo.enabled:false}") boolean demoEnabled) {
        this.directory = directory;
        this.contacts = contacts;
        this.contactRows = contactRows;
        this.services = services;
        this.demoEnabled = demoEnabled;
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    @Transactional
    public void load() {
        if (!demoEnabled) {
            throw new IllegalStateException("demo data is loaded in demo mode only");
        }
        OrganisationView operator = directory.platformOperator().orElseThrow();
        Actor loader = new Actor(
                Actor.Kind.SYSTEM,
                null,
                operator.id(),
                "demo-loader",
                Set.of(DirectoryPermissions.MANAGE_ORGANISATIONS),
                null);
        if (operator.officialDomains().isEmpty()) {
            directory.updateProfile(
                    loader,
                    operator.id(),
                    new UpdateProfileCommand(
                            operator.nameSq(),
                            operator.nameEn(),
                            Sector.DIGITAL_INFRASTRUCTURE,
                            List.of(OPERATOR_DOMAIN),
                            "+355 4 555 0100",
                            "https://www." + OPERATOR_DOMAIN,
                            "Rruga e Demos 1, 1001 Tiranë (fiktive)",
                            List.of("sq", "en"),
                            null));
        }
        if (contacts.ofOrganisation(operator.id()).isEmpty()) {
            addContacts(loader, directory.find(operator.id()).orElseThrow(), TIRANE, 0);
        }
        int n = 1;
        for (DemoOrganisation demo : ORGANISATIONS) {
            n++;
            OrganisationView org = directory.findByShortName(demo.shortName()).orElse(null);
            String phone = "+355 4 555 " + String.format("%02d", n) + "00";
            if (org == null) {
                org = directory.create(
                        loader,
                        new CreateOrganisationCommand(
                                demo.shortName(),
                                demo.nameSq(),
                                demo.nameEn(),
                                demo.type(),
                                demo.country(),
                                demo.sector(),
                                List.of(demo.domain()),
                                phone,
                                "https://www." + demo.domain(),
                                "Rruga e Demos " + n + ", Tiranë (fiktive)",
                                demo.languages()));
            } else if (org.officialDomains().isEmpty()) {
                org = directory.updateProfile(
                        loader,
                        org.id(),
                        new UpdateProfileCommand(
                                org.nameSq(),
                                org.nameEn(),
                                demo.sector(),
                                List.of(demo.domain()),
                                phone,
                                "https://www." + demo.domain(),
                                "Rruga e Demos " + n + ", Tiranë (fiktive)",
                                demo.languages(),
                                null));
            }
            if (demo.verified() && org.verificationLevel() == VerificationLevel.REGISTERED) {
                org = directory.verify(loader, org.id());
            }
            if (contacts.ofOrganisation(org.id()).isEmpty()) {
                addContacts(loader, org, demo.zone(), n);
            }
            if (org.isProvider() && services.servicesOf(org.id()).isEmpty()) {
                addServices(loader, org);
            }
        }
    }

    private static final List<WeeklyHours> OFFICE_HOURS = weekdays(LocalTime.of(8, 0), LocalTime.of(16, 0));

    private void addContacts(Actor loader, OrganisationView org, String zone, int n) {
        String domain = org.officialDomains().getFirst();
        String phone = "+355 69 555 " + String.format("%02d", n);
        List<String> languages = org.languages().isEmpty() ? List.of("sq", "en") : org.languages();
        List<ContactFunction> functions = new ArrayList<>();
        switch (org.type()) {
            case LAW_ENFORCEMENT, FOREIGN_AUTHORITY ->
                functions.addAll(List.of(
                        ContactFunction.EMERGENCY_24_7, ContactFunction.LEGAL_REQUESTS, ContactFunction.TRANSNATIONAL));
            case PROVIDER_ELECTRONIC_COMMUNICATIONS,
                    PROVIDER_HOSTING,
                    PROVIDER_PLATFORM,
                    PROVIDER_DOMAIN_REGISTRAR,
                    PROVIDER_OTHER ->
                functions.addAll(List.of(ContactFunction.EMERGENCY_24_7, ContactFunction.LEGAL_REQUESTS));
            case CSIRT_SOC, INFRASTRUCTURE_OPERATOR ->
                functions.addAll(List.of(ContactFunction.EMERGENCY_24_7, ContactFunction.INCIDENT_REPORTING));
            case NGO_SOCIAL_SERVICE ->
                functions.addAll(List.of(ContactFunction.CASE_REFERRAL, ContactFunction.TRANSNATIONAL));
            case PROSECUTION, COURT -> functions.add(ContactFunction.LEGAL_REQUESTS);
            case INTERNATIONAL_ORGANISATION -> functions.add(ContactFunction.TRANSNATIONAL);
            case PUBLIC_AGENCY, NATIONAL_AUTHORITY -> functions.add(ContactFunction.GENERAL);
        }
        if (org.country().equals("AL") && !org.isProvider() && org.type() != OrganisationType.COURT) {
            functions.add(ContactFunction.STRATEGY);
        }
        int i = 0;
        for (ContactFunction function : functions) {
            i++;
            boolean always = function == ContactFunction.EMERGENCY_24_7;
            String mailbox = switch (function) {
                case EMERGENCY_24_7 -> "24-7";
                case LEGAL_REQUESTS -> "kerkesa-ligjore";
                case INCIDENT_REPORTING -> "incidente";
                case CASE_REFERRAL -> "referime";
                case TRANSNATIONAL -> "nderkombetare";
                case STRATEGY -> "strategjia";
                case GENERAL -> "info";
            };
            boolean person = function == ContactFunction.STRATEGY || function == ContactFunction.CASE_REFERRAL;
            ContactPointView created = contacts.create(
                    loader,
                    org.id(),
                    new ContactPointCommand(
                            function,
                            person ? ContactKind.PERSON : ContactKind.DESK,
                            person ? personName(n, i) : deskName(function),
                            person ? "Koordinator/e (fiktiv)" : null,
                            List.of(phone + String.format("%02d", i)),
                            mailbox + "@" + domain,
                            always ? languages : languages.subList(0, Math.min(2, languages.size())),
                            always,
                            zone,
                            always ? List.of() : OFFICE_HOURS,
                            null));
            if (function == ContactFunction.CASE_REFERRAL) {
                LocalDate year = LocalDate.now().withDayOfYear(1);
                contacts.addException(
                        loader,
                        created.id(),
                        new AvailabilityException(
                                null,
                                year.plusYears(1).minusDays(7),
                                year.plusYears(1).plusDays(1),
                                false,
                                null,
                                null,
                                "Festat e fundvitit"));
            }
            if (org.type() == OrganisationType.INFRASTRUCTURE_OPERATOR && function == ContactFunction.STRATEGY) {
                // One stale contact, so the demo shows what overdue looks like.
                LocalDate longAgo = contacts.today().minusDays(200);
                contactRows.markVerified(
                        created.id(),
                        longAgo,
                        longAgo.plusDays(created.reverificationDays()),
                        null,
                        java.time.Instant.now());
            }
        }
    }

    private static String deskName(ContactFunction function) {
        return switch (function) {
            case EMERGENCY_24_7 -> "Salla operative 24/7";
            case LEGAL_REQUESTS -> "Zyra e përputhshmërisë ligjore";
            case INCIDENT_REPORTING -> "Qendra e raportimit të incidenteve";
            case CASE_REFERRAL -> "Zyra e referimit";
            case TRANSNATIONAL -> "Pika fokale ndërkombëtare";
            case STRATEGY -> "Pika e kontaktit për strategjinë";
            case GENERAL -> "Informacion i përgjithshëm";
        };
    }

    private static final List<String> GIVEN = List.of("Arta", "Besnik", "Dorina", "Eltion", "Flutura", "Genc", "Ilir");
    private static final List<String> FAMILY = List.of("Demo", "Shembulli", "Provat", "Testi");

    private static String personName(int n, int i) {
        return GIVEN.get((n + i) % GIVEN.size()) + " " + FAMILY.get(n % FAMILY.size()) + " (fiktiv)";
    }

    private void addServices(Actor loader, OrganisationView org) {
        switch (org.type()) {
            case PROVIDER_ELECTRONIC_COMMUNICATIONS -> {
                service(
                        loader,
                        org,
                        "Internet celular",
                        "/celular",
                        "Qasje në internet në rrjetin celular 4G/5G.",
                        true,
                        new Object[][] {
                            {DataItem.SUBSCRIBER_IDENTITY, 730, LegalProcess.AUTHORITY_REQUEST},
                            {DataItem.SUBSCRIBER_ADDRESS, 730, LegalProcess.AUTHORITY_REQUEST},
                            {DataItem.IP_ASSIGNMENT, 365, LegalProcess.PROSECUTOR_ORDER},
                            {DataItem.CONNECTION_RECORDS, 365, LegalProcess.COURT_ORDER},
                            {DataItem.LOCATION_DATA, 180, LegalProcess.COURT_ORDER}
                        },
                        120,
                        6);
                service(
                        loader,
                        org,
                        "Internet fiks",
                        "/fibra",
                        "Internet me fibër optike për shtëpi dhe biznese.",
                        false,
                        new Object[][] {
                            {DataItem.SUBSCRIBER_IDENTITY, 730, LegalProcess.AUTHORITY_REQUEST},
                            {DataItem.CONTRACT_AND_BILLING, 1825, LegalProcess.AUTHORITY_REQUEST},
                            {DataItem.IP_ASSIGNMENT, 365, LegalProcess.PROSECUTOR_ORDER}
                        },
                        96,
                        8);
                service(
                        loader,
                        org,
                        "Telefonia celulare",
                        "/telefonia",
                        "Thirrje dhe SMS.",
                        false,
                        new Object[][] {
                            {DataItem.SUBSCRIBER_IDENTITY, 730, LegalProcess.AUTHORITY_REQUEST},
                            {DataItem.CALL_AND_MESSAGE_RECORDS, 365, LegalProcess.COURT_ORDER},
                            {DataItem.LOCATION_DATA, 180, LegalProcess.COURT_ORDER}
                        },
                        120,
                        6);
            }
            case PROVIDER_HOSTING -> {
                service(
                        loader,
                        org,
                        "Strehim uebi",
                        "/strehim",
                        "Strehim i faqeve të internetit dhe i postës.",
                        false,
                        new Object[][] {
                            {DataItem.ACCOUNT_REGISTRATION, 1095, LegalProcess.AUTHORITY_REQUEST},
                            {DataItem.LOGIN_RECORDS, 180, LegalProcess.PROSECUTOR_ORDER},
                            {DataItem.STORED_FILES, 30, LegalProcess.COURT_ORDER}
                        },
                        72,
                        8);
                service(
                        loader,
                        org,
                        "Serverë virtualë",
                        "/vps",
                        "Serverë virtualë me adresa IP publike.",
                        true,
                        new Object[][] {
                            {DataItem.ACCOUNT_REGISTRATION, 1095, LegalProcess.AUTHORITY_REQUEST},
                            {DataItem.CONTRACT_AND_BILLING, 1825, LegalProcess.AUTHORITY_REQUEST},
                            {DataItem.IP_ASSIGNMENT, 365, LegalProcess.PROSECUTOR_ORDER}
                        },
                        72,
                        8);
            }
            case PROVIDER_PLATFORM -> {
                service(
                        loader,
                        org,
                        "Forumi",
                        "/forum",
                        "Forum publik dhe mesazhe private.",
                        false,
                        new Object[][] {
                            {DataItem.ACCOUNT_REGISTRATION, 730, LegalProcess.AUTHORITY_REQUEST},
                            {DataItem.LOGIN_RECORDS, 90, LegalProcess.PROSECUTOR_ORDER},
                            {DataItem.PUBLISHED_CONTENT, 365, LegalProcess.AUTHORITY_REQUEST},
                            {DataItem.STORED_MESSAGES, 180, LegalProcess.COURT_ORDER}
                        },
                        168,
                        8);
                service(
                        loader,
                        org,
                        "Video të drejtpërdrejta",
                        "/live",
                        "Transmetime të drejtpërdrejta video.",
                        false,
                        new Object[][] {
                            {DataItem.ACCOUNT_REGISTRATION, 730, LegalProcess.AUTHORITY_REQUEST},
                            {DataItem.DEVICE_IDENTIFIERS, 90, LegalProcess.PROSECUTOR_ORDER},
                            {DataItem.PUBLISHED_CONTENT, 90, LegalProcess.MUTUAL_LEGAL_ASSISTANCE}
                        },
                        240,
                        12);
            }
            case PROVIDER_DOMAIN_REGISTRAR -> {
                service(
                        loader,
                        org,
                        "Regjistrim domenesh .al",
                        "/domene",
                        "Regjistrimi dhe rinovimi i domeneve.",
                        false,
                        new Object[][] {
                            {DataItem.SUBSCRIBER_IDENTITY, 1825, LegalProcess.AUTHORITY_REQUEST},
                            {DataItem.CONTRACT_AND_BILLING, 1825, LegalProcess.AUTHORITY_REQUEST}
                        },
                        48,
                        6);
                service(
                        loader,
                        org,
                        "DNS i menaxhuar",
                        "/dns",
                        "Shërbim DNS për klientët.",
                        false,
                        new Object[][] {
                            {DataItem.ACCOUNT_REGISTRATION, 1095, LegalProcess.AUTHORITY_REQUEST},
                            {DataItem.LOGIN_RECORDS, 180, LegalProcess.PROSECUTOR_ORDER}
                        },
                        48,
                        6);
            }
            case PROVIDER_OTHER -> {
                service(
                        loader,
                        org,
                        "Portofoli elektronik",
                        "/portofoli",
                        "Pagesa dhe transferta elektronike.",
                        false,
                        new Object[][] {
                            {DataItem.SUBSCRIBER_IDENTITY, 3650, LegalProcess.PROSECUTOR_ORDER},
                            {DataItem.CONTRACT_AND_BILLING, 3650, LegalProcess.PROSECUTOR_ORDER},
                            {DataItem.LOGIN_RECORDS, 365, LegalProcess.PROSECUTOR_ORDER}
                        },
                        120,
                        12);
                service(
                        loader,
                        org,
                        "Pagesa në dyqane online",
                        "/tregtaret",
                        "Shërbim pagesash për tregtarët.",
                        false,
                        new Object[][] {
                            {DataItem.ACCOUNT_REGISTRATION, 3650, LegalProcess.PROSECUTOR_ORDER},
                            {DataItem.CONNECTION_RECORDS, 365, LegalProcess.COURT_ORDER}
                        },
                        120,
                        12);
            }
            default -> {}
        }
    }

    private void service(
            Actor loader,
            OrganisationView org,
            String name,
            String path,
            String description,
            boolean sharedAddresses,
            Object[][] offerings,
            @Nullable Integer answerHours,
            @Nullable Integer emergencyHours) {
        List<ProviderServiceCommand.Offering> list = new ArrayList<>();
        for (Object[] o : offerings) {
            list.add(new ProviderServiceCommand.Offering((DataItem) o[0], (Integer) o[1], (LegalProcess) o[2]));
        }
        services.create(
                loader,
                org.id(),
                new ProviderServiceCommand(
                        name, org.website() + path, description, sharedAddresses, list, answerHours, emergencyHours));
    }

    private static List<WeeklyHours> weekdays(LocalTime from, LocalTime to) {
        List<WeeklyHours> hours = new ArrayList<>();
        for (DayOfWeek day : List.of(
                DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY)) {
            hours.add(new WeeklyHours(day, from, to));
        }
        return hours;
    }

    /** An administrator for the second domestic provider, for the legal-requests demo. */
    @Configuration(proxyBeanMethods = false)
    static class People {
        @Bean
        DemoPerson retehostAdministrator() {
            return new DemoPerson(
                    "admin@retehost.example", "Ilir Mbështetja", "RETEHOST", List.of("organisation-admin"), true);
        }
    }
}
