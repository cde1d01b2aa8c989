package al.ura.identity;

import al.ura.audit.AuditEvent;
import al.ura.audit.AuditLog;
import al.ura.kernel.Actor;
import al.ura.kernel.ProblemException;
import al.ura.kernel.ProblemException.FieldProblem;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * API tokens for machine clients. An organisation administrator issues them to a service account
 * of their own organisation, with at most the permissions they hold themselves; the secret is
 * shown once and only its SHA-256 is kept.
 */
@Service
public class ApiTokenService {

    static final String PREFIX = "ura_";
    static final int MAX_VALID_DAYS = 366;

    /** What presenting a token comes to. */
    public sealed interface Authentication {
        record Valid(Actor actor) implements Authentication {}

        record Expired(UUID tokenId, UUID organisationId) implements Authentication {}

        record Revoked(UUID tokenId, UUID organisationId) implements Authentication {}

        record Unknown() implements Authentication {}
    }

    private final ApiTokenRepository tokens;
    private final UserRepository users;
    private final AuditLog auditLog;
    private final IdentityProperties properties;
    private final Clock clock;
    private final boolean demoEnabled;
    private final TransactionTemplate transaction;
    private final al.ura.directory.OrganisationDirectory directory;
    private final RoleCatalogue roles;
    private final SecureRandom random = new SecureRandom();

    ApiTokenService(
            ApiTokenRepository tokens,
            UserRepository users,
            AuditLog auditLog,
            IdentityProperties properties,
            Clock clock,
            @Value("${ura.demo.enabled:false}") boolean demoEnabled,
            TransactionTemplate transaction,
            al.ura.directory.OrganisationDirectory directory,
            RoleCatalogue roles) {
        this.roles = roles;
        this.transaction = transaction;
        this.directory = directory;
        this.tokens = tokens;
        this.users = users;
        this.auditLog = auditLog;
        this.properties = properties;
        this.clock = clock;
        this.demoEnabled = demoEnabled;
    }

    @Transactional
    public IssuedToken issue(Actor actor, IssueTokenCommand command) {
        requireTokenManager(actor, "identity.token.issue", null);
        UUID organisation = actor.requireOrganisation();
        List<FieldProblem> problems = new ArrayList<>();
        UserRecord account = null;
        if (command.serviceAccountId() == null) {
            problems.add(FieldProblem.of("serviceAccountId", "validation.required"));
        } else {
            account = users.findInOrganisation(command.serviceAccountId(), organisation)
                    .filter(u -> u.kind() == UserKind.SERVICE && u.status() == UserStatus.ACTIVE)
                    .orElse(null);
            if (account == null) {
                problems.add(FieldProblem.of("serviceAccountId", "validation.token.service-account"));
            }
        }
        String name = command.name() == null ? "" : command.name().trim();
        if (name.isEmpty() || name.length() > 100) {
            problems.add(FieldProblem.of("name", "validation.required"));
        }
        Set<String> permissions = new TreeSet<>(command.permissions() == null ? List.of() : command.permissions());
        if (permissions.isEmpty()) {
            problems.add(FieldProblem.of("permissions", "validation.token.permissions-empty"));
        }
        for (String permission : permissions) {
            if (!actor.has(permission) && !roles.delegablePermissions().contains(permission)) {
                problems.add(FieldProblem.of("permissions", "validation.token.permission-beyond-own", permission));
            }
        }
        int days = command.validDays() == null ? 90 : command.validDays();
        if (days < 1 || days > MAX_VALID_DAYS) {
            problems.add(FieldProblem.of("validDays", "validation.token.validity", 1, MAX_VALID_DAYS));
        }
        if (!problems.isEmpty() || account == null) {
            throw ProblemException.validation(problems);
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        ApiTokenView token =
                store(actor, account, name, permissions, clock.instant().plus(Duration.ofDays(days)), secret, false);
        return new IssuedToken(token, secret);
    }

    /** Demo mode only: a token whose secret is known in advance and printed in the README. */
    @Transactional
    public ApiTokenView issueDemoToken(UUID serviceAccountId, String name, Set<String> permissions, String secret) {
        UserRecord account = users.find(serviceAccountId).orElseThrow();
        return store(
                Actor.SYSTEM, account, name, permissions, clock.instant().plus(Duration.ofDays(3650)), secret, true);
    }

    private ApiTokenView store(
            Actor actor,
            UserRecord account,
            String name,
            Set<String> permissions,
            Instant expires,
            String secret,
            boolean demo) {
        Instant now = clock.instant();
        ApiTokenView token = new ApiTokenView(
                UUID.randomUUID(),
                account.organisationId(),
                account.id(),
                name,
                secret.substring(0, Math.min(secret.length(), 12)),
                List.copyOf(permissions),
                expires,
                null,
                null,
                now);
        UUID createdBy = actor.userId() == null ? account.id() : actor.userId();
        tokens.insert(token, hash(secret), createdBy, demo);
        auditLog.record(
                actor,
                AuditEvent.of("identity.token.issued", "api_token", token.id(), token.organisationId())
                        .with("serviceAccount", account.id())
                        .with("permissions", String.join(" ", permissions))
                        .with("expiresAt", expires));
        return token;
    }

    @Transactional(readOnly = true)
    public List<ApiTokenView> list(Actor actor) {
        requireTokenManager(actor, "identity.token.list", null);
        return tokens.listForOrganisation(actor.requireOrganisation());
    }

    @Transactional
    public ApiTokenView revoke(Actor actor, UUID tokenId) {
        requireTokenManager(actor, "identity.token.revoke", tokenId);
        Optional<ApiTokenView> token = tokens.findInOrganisation(tokenId, actor.requireOrganisation());
        if (token.isEmpty()) {
            if (tokens.exists(tokenId)) {
                auditLog.denied(
                        actor, AuditEvent.of("identity.token.revoke", "api_token", tokenId, actor.organisationId()));
            }
            throw ProblemException.notFound();
        }
        tokens.revoke(tokenId, clock.instant());
        auditLog.record(
                actor,
                AuditEvent.of(
                        "identity.token.revoked",
                        "api_token",
                        tokenId,
                        token.get().organisationId()));
        return tokens.findInOrganisation(tokenId, actor.requireOrganisation()).orElseThrow();
    }

    /**
     * Checks a presented token. Use is written to the ledger at most once per token and
     * {@code ura.identity.token-use-audit-interval} (every request when zero); refusals always are.
     * The check itself is one indexed read outside a transaction: it runs on every API request.
     */
    public Authentication authenticate(String presented) {
        if (!presented.startsWith(PREFIX) || presented.length() > 200) {
            return new Authentication.Unknown();
        }
        Optional<ApiTokenRepository.TokenRow> found = tokens.findByHash(hash(presented));
        if (found.isEmpty()) {
            return new Authentication.Unknown();
        }
        ApiTokenRepository.TokenRow row = found.get();
        ApiTokenView token = row.view();
        Instant now = clock.instant();
        if (token.revokedAt() != null
                || !UserStatus.ACTIVE.name().equals(row.accountStatus())
                || (row.demo() && !demoEnabled)
                || directory.isSuspended(token.organisationId())) {
            return new Authentication.Revoked(token.id(), token.organisationId());
        }
        if (!token.expiresAt().isAfter(now)) {
            return new Authentication.Expired(token.id(), token.organisationId());
        }
        Actor actor = new Actor(
                Actor.Kind.API_TOKEN,
                token.serviceAccountId(),
                token.organisationId(),
                row.accountName(),
                Set.copyOf(token.permissions()),
                token.id());
        Duration interval = properties.tokenUseAuditInterval();
        Instant lastUsed = token.lastUsedAt();
        if (interval.isZero() || lastUsed == null || !lastUsed.isAfter(now.minus(interval))) {
            transaction.executeWithoutResult(status -> {
                // Whichever request or node moves last_used_at forward writes the ledger entry for this interval.
                if (interval.isZero() || tokens.markUsed(token.id(), now, now.minus(interval))) {
                    auditLog.record(
                            actor,
                            AuditEvent.of("identity.token.used", "api_token", token.id(), token.organisationId()));
                }
            });
        }
        return new Authentication.Valid(actor);
    }

    private void requireTokenManager(Actor actor, String action, @Nullable UUID objectId) {
        if (!actor.has(IdentityPermissions.TOKENS_MANAGE) || actor.organisationId() == null) {
            auditLog.denied(actor, AuditEvent.of(action, "api_token", objectId, actor.organisationId()));
            throw ProblemException.forbidden();
        }
    }

    static String hash(String secret) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
