package al.ura.identity;

import al.ura.audit.AuditEvent;
import al.ura.audit.AuditLog;
import al.ura.directory.CreateOrganisationCommand;
import al.ura.directory.OrganisationDirectory;
import al.ura.directory.OrganisationType;
import al.ura.directory.OrganisationView;
import al.ura.kernel.Actor;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fictional organisations, people and API tokens for demo mode only. Every name, address and
 * domain is invented ({@code .example} is reserved for examples); nothing comes from the seeds'
 * contact lists. Loaded once; the README lists the logins.
 */
@Component
class DemoData {

    static final String PASSWORD = "Ura-demo-2026!";
    /** The demo accounts' shared TOTP seed (base32), for an authenticator app or oathtool. */
    static final String TOTP_SECRET = "URADEMOURADEMOURADEMOURADEMOURAD";

    record DemoOrganisation(
            String shortName, String nameSq, String nameEn, OrganisationType type, String country, String domain) {}

    record DemoUser(String email, String name, String organisation, List<String> roles, boolean enrolled) {}

    record DemoLogin(String email, List<String> roles, boolean secondFactor) {}

    record DemoToken(String organisation, String token) {}

    static final List<DemoOrganisation> ORGANISATIONS = List.of(
            new DemoOrganisation(
                    "POLICIA-DEMO",
                    "Policia e Shtetit — Sektori i Krimit Kibernetik (demo)",
                    "State Police — Cybercrime Sector (demo)",
                    OrganisationType.LAW_ENFORCEMENT,
                    "AL",
                    "policia.example"),
            new DemoOrganisation(
                    "NETDRITA",
                    "NetDrita sh.p.k. (fiktive)",
                    "NetDrita Ltd (fictional)",
                    OrganisationType.PROVIDER_ELECTRONIC_COMMUNICATIONS,
                    "AL",
                    "netdrita.example"),
            new DemoOrganisation(
                    "SHPRESA",
                    "Shoqata Ura e Shpresës (fiktive)",
                    "Bridge of Hope Association (fictional)",
                    OrganisationType.NGO_SOCIAL_SERVICE,
                    "AL",
                    "shpresa.example"));

    private final OrganisationDirectory directory;
    private final UserRepository users;
    private final ApiTokenService tokens;
    private final PasswordEncoder passwords;
    private final SecondFactorSecrets secrets;
    private final ApplicationEventPublisher events;
    private final AuditLog auditLog;
    private final Clock clock;

    DemoData(
            OrganisationDirectory directory,
            UserRepository users,
            ApiTokenService tokens,
            PasswordEncoder passwords,
            SecondFactorSecrets secrets,
            ApplicationEventPublisher events,
            AuditLog auditLog,
            Clock clock) {
        this.auditLog = auditLog;
        this.directory = directory;
        this.events = events;
        this.users = users;
        this.tokens = tokens;
        this.passwords = passwords;
        this.secrets = secrets;
        this.clock = clock;
    }

    static List<DemoUser> users(String operatorShortName) {
        String operatorDomain = operatorShortName.toLowerCase(Locale.ROOT) + ".example";
        return List.of(
                new DemoUser(
                        "admin@" + operatorDomain,
                        "Arta Administratorja",
                        operatorShortName,
                        List.of(CoreRoles.PLATFORM_ADMIN),
                        true),
                new DemoUser(
                        "auditor@" + operatorDomain,
                        "Besnik Auditori",
                        operatorShortName,
                        List.of(CoreRoles.AUDITOR),
                        true),
                new DemoUser(
                        "admin@policia.example",
                        "Drita Përgjegjësja",
                        "POLICIA-DEMO",
                        List.of(CoreRoles.ORGANISATION_ADMIN),
                        true),
                new DemoUser("oficer@policia.example", "Erion Oficeri", "POLICIA-DEMO", List.of(), false),
                new DemoUser(
                        "enrol@policia.example",
                        "Fatjona E-reja",
                        "POLICIA-DEMO",
                        List.of(CoreRoles.ORGANISATION_ADMIN),
                        false),
                new DemoUser(
                        "admin@netdrita.example",
                        "Gentian Pajtueshmëria",
                        "NETDRITA",
                        List.of(CoreRoles.ORGANISATION_ADMIN),
                        true),
                new DemoUser(
                        "admin@shpresa.example",
                        "Hana Koordinatorja",
                        "SHPRESA",
                        List.of(CoreRoles.ORGANISATION_ADMIN),
                        true));
    }

    static String demoToken(String shortName) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("ura-demo-token:" + shortName).getBytes(StandardCharsets.UTF_8));
            return ApiTokenService.PREFIX + "demo_"
                    + shortName.toLowerCase(Locale.ROOT).replace("-", "") + "_"
                    + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static final Set<String> TOKEN_PERMISSIONS =
            Set.of("directory.read", IdentityPermissions.USERS_MANAGE, "audit.read.own");

    /** Loads the demo once; later starts find it there and only report it. */
    @Transactional
    public List<DemoToken> load(OrganisationView operator) {
        List<DemoToken> issued = new ArrayList<>();
        boolean fresh = users.findByEmail(users(operator.shortName()).getFirst().email())
                .isEmpty();
        List<OrganisationView> organisations = new ArrayList<>();
        organisations.add(operator);
        for (DemoOrganisation demo : ORGANISATIONS) {
            organisations.add(directory
                    .findByShortName(demo.shortName())
                    .orElseGet(() -> directory.create(
                            demoOperator(operator),
                            new CreateOrganisationCommand(
                                    demo.shortName(), demo.nameSq(), demo.nameEn(), demo.type(), demo.country()))));
        }
        if (fresh) {
            for (DemoUser demo : users(operator.shortName())) {
                OrganisationView org = organisations.stream()
                        .filter(o -> o.shortName().equals(demo.organisation()))
                        .findFirst()
                        .orElseThrow();
                insertUser(demo, org);
            }
            for (OrganisationView org : organisations) {
                UUID account = UUID.randomUUID();
                users.insert(UserRecord.serviceAccount(
                        account,
                        org.id(),
                        "demo-client@" + org.shortName().toLowerCase(Locale.ROOT) + ".service.ura.invalid",
                        "Demo API client",
                        true,
                        clock.instant()));
                auditLog.record(
                        Actor.SYSTEM,
                        AuditEvent.of("identity.service-account.created", "user", account, org.id())
                                .with("demo", true));
                tokens.issueDemoToken(account, "Demo token", TOKEN_PERMISSIONS, demoToken(org.shortName()));
            }
        }
        for (OrganisationView org : organisations) {
            issued.add(new DemoToken(org.shortName(), demoToken(org.shortName())));
        }
        return issued;
    }

    private void insertUser(DemoUser demo, OrganisationView org) {
        UUID id = UUID.randomUUID();
        List<String> roles = new ArrayList<>(demo.roles());
        roles.add(CoreRoles.MEMBER);
        users.insert(UserRecord.person(
                id,
                org.id(),
                demo.email(),
                demo.name(),
                UserStatus.ACTIVE,
                "sq",
                passwords.encode(PASSWORD),
                demo.enrolled() ? secrets.encrypt(id, Totp.fromBase32(TOTP_SECRET)) : null,
                true,
                clock.instant(),
                roles));
        auditLog.record(
                Actor.SYSTEM,
                AuditEvent.of("identity.user.created", "user", id, org.id()).with("demo", true));
        events.publishEvent(new UserJoined(id, org.id()));
    }

    private static Actor demoOperator(OrganisationView operator) {
        return new Actor(
                Actor.Kind.SYSTEM, null, operator.id(), "demo-loader", Set.of("directory.organisations.manage"), null);
    }
}
