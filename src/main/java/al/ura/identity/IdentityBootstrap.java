package al.ura.identity;

import al.ura.audit.AuditEvent;
import al.ura.audit.AuditLog;
import al.ura.directory.CreateOrganisationCommand;
import al.ura.directory.OrganisationDirectory;
import al.ura.directory.OrganisationType;
import al.ura.directory.OrganisationView;
import al.ura.kernel.Actor;
import al.ura.kernel.DemoLoader;
import al.ura.kernel.DemoPerson;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * First start: the platform operator exists from configuration, and either the demo is loaded or,
 * when no platform administrator exists yet, one is invited and the one-time link is printed.
 * Several nodes may start at once; the database's unique keys decide, and the loser re-reads.
 */
@Component
class IdentityBootstrap {

    private static final Logger log = LoggerFactory.getLogger(IdentityBootstrap.class);

    private final OrganisationDirectory directory;
    private final DemoData demo;
    private final List<DemoLoader> demoLoaders;
    private final UserRepository users;
    private final Invitations invitations;
    private final AuditLog auditLog;
    private final IdentityProperties properties;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final boolean demoEnabled;
    private final String cliMode;
    private final String bootstrapAdminEmail;
    private final String baseUrl;
    private final CreateOrganisationCommand operatorCommand;

    IdentityBootstrap(
            OrganisationDirectory directory,
            DemoData demo,
            List<DemoLoader> demoLoaders,
            UserRepository users,
            Invitations invitations,
            AuditLog auditLog,
            IdentityProperties properties,
            TransactionTemplate transaction,
            Clock clock,
            @Value("${ura.demo.enabled:false}") boolean demoEnabled,
            @Value("${ura.cli:}") String cliMode,
            @Value("${ura.bootstrap-admin-email:${URA_BOOTSTRAP_ADMIN_EMAIL:}}") String bootstrapAdminEmail,
            @Value("${ura.base-url}") String baseUrl,
            @Value("${ura.operator.short-name}") String operatorShortName,
            @Value("${ura.operator.name-sq}") String operatorNameSq,
            @Value("${ura.operator.name-en}") String operatorNameEn,
            @Value("${ura.operator.country}") String operatorCountry) {
        this.directory = directory;
        this.demo = demo;
        this.demoLoaders = demoLoaders.stream()
                .sorted(java.util.Comparator.comparingInt(DemoLoader::order))
                .toList();
        this.users = users;
        this.invitations = invitations;
        this.auditLog = auditLog;
        this.properties = properties;
        this.transaction = transaction;
        this.clock = clock;
        this.demoEnabled = demoEnabled;
        this.cliMode = cliMode;
        this.bootstrapAdminEmail = bootstrapAdminEmail;
        this.baseUrl = baseUrl;
        this.operatorCommand = new CreateOrganisationCommand(
                operatorShortName,
                operatorNameSq,
                operatorNameEn,
                OrganisationType.NATIONAL_AUTHORITY,
                operatorCountry);
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady(ApplicationReadyEvent event) {
        if (!cliMode.isBlank()) {
            return;
        }
        OrganisationView operator = ensureOperator();
        String port = event.getApplicationContext().getEnvironment().getProperty("local.server.port", "8080");
        String url = baseUrl.contains("localhost") ? "http://localhost:" + port : baseUrl;
        if (demoEnabled) {
            demoLoaders.forEach(IdentityBootstrap::loadWithRetry);
            printDemo(url, demo.people(), demo.tokens());
        } else if (!users.anyWithRole(CoreRoles.PLATFORM_ADMIN)) {
            inviteFirstAdministrator(operator, url);
        }
    }

    private OrganisationView ensureOperator() {
        try {
            return directory.ensurePlatformOperator(operatorCommand);
        } catch (DuplicateKeyException anotherNodeWasFirst) {
            return directory.platformOperator().orElseThrow();
        }
    }

    /** Two nodes starting at once may both load: the database's unique keys decide, the loser loads again and finds it done. */
    private static void loadWithRetry(DemoLoader loader) {
        try {
            loader.load();
        } catch (DuplicateKeyException anotherNodeWasFirst) {
            loader.load();
        }
    }

    private void inviteFirstAdministrator(OrganisationView operator, String url) {
        if (bootstrapAdminEmail.isBlank()) {
            log.warn("No platform administrator exists. Set URA_BOOTSTRAP_ADMIN_EMAIL and restart to get a one-time"
                    + " invitation link for the first one.");
            return;
        }
        String path = transaction.execute(status -> {
            Instant now = clock.instant();
            UserRecord admin = users.findByEmail(bootstrapAdminEmail).orElseGet(() -> {
                UserRecord created = UserRecord.person(
                        UUID.randomUUID(),
                        operator.id(),
                        bootstrapAdminEmail.trim().toLowerCase(Locale.ROOT),
                        "Platform administrator",
                        UserStatus.INVITED,
                        "sq",
                        null,
                        null,
                        false,
                        now,
                        List.of(CoreRoles.PLATFORM_ADMIN, CoreRoles.MEMBER));
                users.insert(created);
                auditLog.record(
                        Actor.SYSTEM,
                        AuditEvent.of("identity.user.invited", "user", created.id(), operator.id())
                                .with("bootstrap", true));
                return created;
            });
            return "/invitation/" + invitations.create(admin.id(), now, now.plus(properties.invitationValidity()));
        });
        // Printed to the console only, once: the operator who started Ura is the one who may use it.
        System.out.println("\nUra: invite link for the first platform administrator (valid "
                + properties.invitationValidity().toHours() + " h): " + url + path + "\n");
    }

    private static void printDemo(String url, List<DemoPerson> people, List<DemoData.DemoToken> tokens) {
        StringBuilder out = new StringBuilder();
        out.append("\n================================================================\n");
        out.append(" Ura is running (DEMO MODE, fictional data) at ")
                .append(url)
                .append('\n');
        out.append(" Password for every demo login: ").append(DemoData.PASSWORD).append('\n');
        out.append(" Second factor (TOTP) seed of the enrolled demo logins: ")
                .append(DemoData.TOTP_SECRET)
                .append('\n');
        out.append("   e.g.  oathtool --totp -b ").append(DemoData.TOTP_SECRET).append('\n');
        for (DemoPerson user : people) {
            out.append(String.format(
                    "   %-28s %-22s %-10s %s%n",
                    user.email(),
                    user.organisationShortName(),
                    user.roles().isEmpty() ? "member" : String.join(",", user.roles()),
                    user.enrolled()
                            ? "TOTP enrolled"
                            : (user.roles().isEmpty() ? "no second factor needed" : "enrols TOTP at first login")));
        }
        out.append(" Demo API tokens (Authorization: Bearer ...):\n");
        for (DemoData.DemoToken token : tokens) {
            out.append(String.format("   %-14s %s%n", token.organisation(), token.token()));
        }
        out.append("================================================================\n");
        System.out.println(out);
    }
}
