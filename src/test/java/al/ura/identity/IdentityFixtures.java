package al.ura.identity;

import al.ura.directory.CreateOrganisationCommand;
import al.ura.directory.OrganisationDirectory;
import al.ura.directory.OrganisationType;
import al.ura.directory.OrganisationView;
import al.ura.kernel.Actor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Small helpers that make organisations, people and tokens for tests, straight through the
 * module's own repositories. Every name is unique, so tests sharing one database never collide.
 */
@Component
public class IdentityFixtures {

    public static final String PASSWORD = "Correct-horse-battery-9";
    public static final String TOTP_SECRET = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    public static final String PLATFORM_ADMIN = CoreRoles.PLATFORM_ADMIN;
    public static final String ORGANISATION_ADMIN = CoreRoles.ORGANISATION_ADMIN;
    public static final String AUDITOR = CoreRoles.AUDITOR;
    public static final String MEMBER = CoreRoles.MEMBER;

    private static final AtomicInteger SEQUENCE = new AtomicInteger();

    private final OrganisationDirectory directory;
    private final UserRepository users;
    private final ApiTokenRepository tokens;
    private final ActorFactory actors;
    private final PasswordEncoder passwords;
    private final SecondFactorSecrets secrets;
    private final TransactionTemplate transaction;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final Clock clock;

    IdentityFixtures(
            OrganisationDirectory directory,
            UserRepository users,
            ApiTokenRepository tokens,
            ActorFactory actors,
            PasswordEncoder passwords,
            SecondFactorSecrets secrets,
            TransactionTemplate transaction,
            org.springframework.context.ApplicationEventPublisher events,
            Clock clock) {
        this.events = events;
        this.directory = directory;
        this.users = users;
        this.tokens = tokens;
        this.actors = actors;
        this.passwords = passwords;
        this.secrets = secrets;
        this.transaction = transaction;
        this.clock = clock;
    }

    /** A person made by a fixture: their id, e-mail, organisation and the actor they act as. */
    public record TestUser(UUID id, String email, UUID organisationId, Actor actor) {

        /** A signed-in session's authentication for MockMvc's {@code authentication(...)}. */
        public Authentication authentication() {
            return UsernamePasswordAuthenticationToken.authenticated(
                    actor, null, SessionAuthorities.of(SessionAuthorities.FULL));
        }
    }

    public OrganisationView organisation() {
        return organisation(OrganisationType.PUBLIC_AGENCY);
    }

    public OrganisationView organisation(OrganisationType type) {
        int n = SEQUENCE.incrementAndGet();
        String shortName = "T" + n + "-" + UUID.randomUUID().toString().substring(0, 6);
        Actor operator =
                new Actor(Actor.Kind.SYSTEM, null, null, "fixture", Set.of("directory.organisations.manage"), null);
        return directory.create(
                operator, new CreateOrganisationCommand(shortName, "Organizata " + n, "Organisation " + n, type, "AL"));
    }

    /** An active person with the given roles (plus member), password {@link #PASSWORD} and TOTP {@link #TOTP_SECRET}. */
    public TestUser user(OrganisationView organisation, String... roles) {
        return user(organisation, true, roles);
    }

    public TestUser user(OrganisationView organisation, boolean enrolled, String... roles) {
        UUID id = UUID.randomUUID();
        String email = "user" + SEQUENCE.incrementAndGet() + "-" + id.toString().substring(0, 8) + "@test.example";
        List<String> granted = new ArrayList<>(List.of(roles));
        if (!granted.contains(CoreRoles.MEMBER)) {
            granted.add(CoreRoles.MEMBER);
        }
        UserRecord user = UserRecord.person(
                id,
                organisation.id(),
                email,
                "Test User " + id.toString().substring(0, 4),
                UserStatus.ACTIVE,
                "sq",
                passwords.encode(PASSWORD),
                enrolled ? secrets.encrypt(id, Totp.fromBase32(TOTP_SECRET)) : null,
                false,
                clock.instant(),
                granted);
        transaction.executeWithoutResult(status -> users.insert(user));
        return new TestUser(
                id, email, organisation.id(), actors.full(users.find(id).orElseThrow()));
    }

    /** A service account with a token holding {@code permissions}, valid until {@code expires}; returns the secret. */
    public String token(OrganisationView organisation, Set<String> permissions, Instant expires) {
        UUID account = UUID.randomUUID();
        String secret =
                ApiTokenService.PREFIX + "test_" + UUID.randomUUID().toString().replace("-", "");
        transaction.executeWithoutResult(status -> {
            users.insert(UserRecord.serviceAccount(
                    account,
                    organisation.id(),
                    "svc-" + account + "@service.ura.invalid",
                    "Test client",
                    false,
                    clock.instant()));
            tokens.insert(
                    new ApiTokenView(
                            UUID.randomUUID(),
                            organisation.id(),
                            account,
                            "test token",
                            secret.substring(0, 12),
                            List.copyOf(permissions),
                            expires,
                            null,
                            null,
                            clock.instant()),
                    ApiTokenService.hash(secret),
                    account,
                    false);
        });
        return secret;
    }

    public String token(OrganisationView organisation, Set<String> permissions) {
        return token(organisation, permissions, clock.instant().plus(Duration.ofDays(30)));
    }

    /** Announces that a person joined, inside a committed transaction, as accepting an invitation does. */
    public void publishJoined(TestUser user) {
        transaction.executeWithoutResult(
                status -> events.publishEvent(new UserJoined(user.id(), user.organisationId())));
    }

    /** The current TOTP code for {@link #TOTP_SECRET}. */
    public static String currentCode() {
        return Totp.code(Totp.fromBase32(TOTP_SECRET), Totp.step(Instant.now()));
    }

    public static String codeAt(Instant at) {
        return Totp.code(Totp.fromBase32(TOTP_SECRET), Totp.step(at));
    }
}
