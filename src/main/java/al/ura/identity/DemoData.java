package al.ura.identity;

import al.ura.audit.AuditEvent;
import al.ura.audit.AuditLog;
import al.ura.directory.OrganisationDirectory;
import al.ura.directory.OrganisationView;
import al.ura.kernel.Actor;
import al.ura.kernel.DemoLoader;
import al.ura.kernel.DemoPerson;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Fictional people and API tokens for demo mode only: the core's own logins and every
 * {@link DemoPerson} other modules declare, each in an organisation the directory's demo loaded.
 * Every name and address is invented ({@code .example} is reserved for examples); nothing comes
 * from the seeds' contact lists. Idempotent: a person or token already there is left alone.
 */
@Component
class DemoData implements DemoLoader {

    static final String PASSWORD = "Ura-demo-2026!";
    /** The demo accounts' shared TOTP seed (base32), for an authenticator app or oathtool. */
    static final String TOTP_SECRET = "URADEMOURADEMOURADEMOURADEMOURAD";

    record DemoToken(String organisation, String token) {}

    private final OrganisationDirectory directory;
    private final UserRepository users;
    private final ApiTokenService tokens;
    private final RoleCatalogue roles;
    private final PasswordEncoder passwords;
    private final SecondFactorSecrets secrets;
    private final ApplicationEventPublisher events;
    private final AuditLog auditLog;
    private final Clock clock;
    private final ObjectProvider<DemoPerson> contributed;

    DemoData(
            OrganisationDirectory directory,
            UserRepository users,
            ApiTokenService tokens,
            RoleCatalogue roles,
            PasswordEncoder passwords,
            SecondFactorSecrets secrets,
            ApplicationEventPublisher events,
            AuditLog auditLog,
            Clock clock,
            ObjectProvider<DemoPerson> contributed) {
        this.auditLog = auditLog;
        this.directory = directory;
        this.events = events;
        this.users = users;
        this.tokens = tokens;
        this.roles = roles;
        this.passwords = passwords;
        this.secrets = secrets;
        this.clock = clock;
        this.contributed = contributed;
    }

    @Override
    public int order() {
        return 200;
    }

    /** The core's logins: the operator's administrator and auditor, and the demo organisations' administrators. */
    static List<DemoPerson> corePeople(String operatorShortName) {
        String operatorDomain = operatorShortName.toLowerCase(Locale.ROOT) + ".example";
        return List.of(
                new DemoPerson(
                        "admin@" + operatorDomain,
                        "Arta Administratorja",
                        operatorShortName,
                        List.of(CoreRoles.PLATFORM_ADMIN),
                        true),
                new DemoPerson(
                        "auditor@" + operatorDomain,
                        "Besnik Auditori",
                        operatorShortName,
                        List.of(CoreRoles.AUDITOR),
                        true),
                new DemoPerson(
                        "admin@policia.example",
                        "Drita Përgjegjësja",
                        "POLICIA-DEMO",
                        List.of(CoreRoles.ORGANISATION_ADMIN),
                        true),
                new DemoPerson("oficer@policia.example", "Erion Oficeri", "POLICIA-DEMO", List.of(), false),
                new DemoPerson(
                        "enrol@policia.example",
                        "Fatjona E-reja",
                        "POLICIA-DEMO",
                        List.of(CoreRoles.ORGANISATION_ADMIN),
                        false),
                new DemoPerson(
                        "admin@netdrita.example",
                        "Gentian Pajtueshmëria",
                        "NETDRITA",
                        List.of(CoreRoles.ORGANISATION_ADMIN),
                        true),
                new DemoPerson(
                        "admin@shpresa.example",
                        "Hana Koordinatorja",
                        "SHPRESA",
                        List.of(CoreRoles.ORGANISATION_ADMIN),
                        true));
    }

    /** Everyone demo mode signs in as: the core's logins, then the modules' in their declared order. */
    List<DemoPerson> people() {
        OrganisationView operator = directory.platformOperator().orElseThrow();
        List<DemoPerson> all = new ArrayList<>(corePeople(operator.shortName()));
        contributed.orderedStream().forEach(all::add);
        return all;
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

    /** What every demo token may do; an organisation's token also gets what its demo people's module roles allow. */
    static final Set<String> TOKEN_PERMISSIONS =
            Set.of("directory.read", IdentityPermissions.USERS_MANAGE, "audit.read.own");

    /** Roles whose permissions reach beyond one organisation: never on a demo token. */
    private static final Set<String> PLATFORM_WIDE_ROLES = Set.of(CoreRoles.PLATFORM_ADMIN, CoreRoles.AUDITOR);

    @Override
    @Transactional
    public void load() {
        Map<String, OrganisationView> organisations = new LinkedHashMap<>();
        OrganisationView operator = directory.platformOperator().orElseThrow();
        organisations.put(operator.shortName(), operator);
        for (DemoPerson person : people()) {
            OrganisationView org = organisations.computeIfAbsent(
                    person.organisationShortName(),
                    name -> directory
                            .findByShortName(name)
                            .orElseThrow(() -> new IllegalStateException("demo person " + person.email()
                                    + " names an organisation the directory's demo" + " did not load: " + name)));
            if (users.findByEmail(person.email()).isEmpty()) {
                insertUser(person, org);
            }
        }
        for (OrganisationView org : organisations.values()) {
            String email = "demo-client@" + org.shortName().toLowerCase(Locale.ROOT) + ".service.ura.invalid";
            if (users.findByEmail(email).isPresent()) {
                continue;
            }
            UUID account = UUID.randomUUID();
            users.insert(UserRecord.serviceAccount(account, org.id(), email, "Demo API client", true, clock.instant()));
            auditLog.record(
                    Actor.SYSTEM,
                    AuditEvent.of("identity.service-account.created", "user", account, org.id())
                            .with("demo", true));
            tokens.issueDemoToken(account, "Demo token", tokenPermissions(org.shortName()), demoToken(org.shortName()));
        }
    }

    /** One token per organisation that has demo people, the operator's first. */
    List<DemoToken> tokens() {
        Set<String> names = new java.util.LinkedHashSet<>();
        people().forEach(person -> names.add(person.organisationShortName()));
        return names.stream().map(name -> new DemoToken(name, demoToken(name))).toList();
    }

    private Set<String> tokenPermissions(String organisationShortName) {
        Set<String> permissions = new java.util.HashSet<>(TOKEN_PERMISSIONS);
        people().stream()
                .filter(person -> person.organisationShortName().equals(organisationShortName))
                .flatMap(person -> person.roles().stream())
                .filter(role -> !PLATFORM_WIDE_ROLES.contains(role) && !role.equals(CoreRoles.ORGANISATION_ADMIN))
                .forEach(role -> permissions.addAll(roles.permissionsOf(List.of(role))));
        return permissions;
    }

    private void insertUser(DemoPerson demo, OrganisationView org) {
        UUID id = UUID.randomUUID();
        List<String> held = new ArrayList<>(demo.roles());
        held.add(CoreRoles.MEMBER);
        users.insert(UserRecord.person(
                id,
                org.id(),
                demo.email(),
                demo.displayName(),
                UserStatus.ACTIVE,
                "sq",
                passwords.encode(PASSWORD),
                demo.enrolled() ? secrets.encrypt(id, Totp.fromBase32(TOTP_SECRET)) : null,
                true,
                clock.instant(),
                held));
        auditLog.record(
                Actor.SYSTEM,
                AuditEvent.of("identity.user.created", "user", id, org.id()).with("demo", true));
        events.publishEvent(new UserJoined(id, org.id()));
    }
}
