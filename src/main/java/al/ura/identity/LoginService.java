package al.ura.identity;

import al.ura.audit.AuditEvent;
import al.ura.audit.AuditLog;
import al.ura.kernel.Actor;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.OptionalLong;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Both steps of signing in, the lockout after repeated failures and the limit per client address.
 * Failures are committed even though the sign-in fails: they are what the lockout counts.
 */
@Service
class LoginService {

    /** The outcome of the password step. */
    sealed interface PasswordOutcome {
        record Accepted(UserRecord user, String nextStage) implements PasswordOutcome {}

        record Rejected() implements PasswordOutcome {}

        record Locked(Instant until) implements PasswordOutcome {}

        record Throttled() implements PasswordOutcome {}
    }

    /** The outcome of the second-factor step. */
    sealed interface SecondFactorOutcome {
        record Accepted(UserRecord user, boolean usedRecoveryCode) implements SecondFactorOutcome {}

        record Rejected() implements SecondFactorOutcome {}

        record Locked(Instant until) implements SecondFactorOutcome {}
    }

    private final UserRepository users;
    private final RecoveryCodes recoveryCodes;
    private final PasswordEncoder passwords;
    private final RoleCatalogue roles;
    private final SecondFactorSecrets secrets;
    private final AuditLog auditLog;
    private final ActorFactory actors;
    private final IdentityProperties properties;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final boolean demoEnabled;
    private final al.ura.directory.OrganisationDirectory directory;
    /** Compared against when the e-mail is unknown, so a wrong e-mail takes as long as a wrong password. */
    private final String decoyHash;

    LoginService(
            UserRepository users,
            RecoveryCodes recoveryCodes,
            PasswordEncoder passwords,
            RoleCatalogue roles,
            SecondFactorSecrets secrets,
            AuditLog auditLog,
            ActorFactory actors,
            IdentityProperties properties,
            JdbcClient jdbc,
            Clock clock,
            @org.springframework.beans.factory.annotation.Value("${ura.demo.enabled:false}") boolean demoEnabled,
            al.ura.directory.OrganisationDirectory directory) {
        this.directory = directory;
        this.users = users;
        this.recoveryCodes = recoveryCodes;
        this.passwords = passwords;
        this.roles = roles;
        this.secrets = secrets;
        this.auditLog = auditLog;
        this.actors = actors;
        this.properties = properties;
        this.jdbc = jdbc;
        this.clock = clock;
        this.demoEnabled = demoEnabled;
        this.decoyHash = passwords.encode("decoy-password-never-matches");
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW, noRollbackFor = RuntimeException.class)
    public PasswordOutcome checkPassword(String email, String password, String clientAddress) {
        Instant now = clock.instant();
        String clientKey = clientKey(clientAddress);
        if (recentFailures(clientKey, now) >= properties.clientFailureLimit()) {
            auditLog.record(
                    Actor.ANONYMOUS,
                    new AuditEvent("identity.login.throttled", "session", null, null, java.util.Map.of()));
            return new PasswordOutcome.Throttled();
        }
        Optional<UserRecord> found = users.findByEmail(email);
        if (found.isEmpty()) {
            passwords.matches(password, decoyHash);
            failClient(clientKey, now);
            auditLog.record(
                    Actor.ANONYMOUS,
                    AuditEvent.of("identity.login.failed", "user", null, null).with("reason", "unknown-account"));
            return new PasswordOutcome.Rejected();
        }
        UserRecord user = found.get();
        Actor who = actors.pending(user);
        if (user.lockedAt(now)) {
            failClient(clientKey, now);
            auditLog.record(
                    who,
                    AuditEvent.of("identity.login.failed", "user", user.id(), user.organisationId())
                            .with("reason", "locked"));
            return new PasswordOutcome.Locked(requireLockedUntil(user));
        }
        String hash = user.passwordHash();
        boolean usable = user.status() == UserStatus.ACTIVE
                && user.kind() == UserKind.PERSON
                && hash != null
                && (!user.demo() || demoEnabled);
        if (!passwords.matches(password, usable ? hash : decoyHash) || !usable) {
            failClient(clientKey, now);
            return failure(user, who, usable ? "wrong-password" : "account-unusable", now);
        }
        if (directory.isSuspended(user.organisationId())) {
            // The right password of a suspended organisation's person: refused, but not counted towards a lockout.
            auditLog.record(
                    who,
                    AuditEvent.of("identity.login.failed", "user", user.id(), user.organisationId())
                            .with("reason", "organisation-suspended"));
            return new PasswordOutcome.Rejected();
        }
        String next;
        if (!roles.requiresSecondFactor(user.roles())) {
            next = SessionAuthorities.FULL;
            users.recordSuccess(user.id(), now);
            auditLog.record(
                    actors.full(user),
                    AuditEvent.of("identity.login.succeeded", "user", user.id(), user.organisationId()));
        } else if (user.totpEnabled()) {
            next = SessionAuthorities.SECOND_FACTOR_PENDING;
            auditLog.record(
                    who, AuditEvent.of("identity.login.password-accepted", "user", user.id(), user.organisationId()));
        } else {
            next = SessionAuthorities.ENROLMENT_PENDING;
            auditLog.record(
                    who,
                    AuditEvent.of("identity.login.password-accepted", "user", user.id(), user.organisationId())
                            .with("secondFactor", "enrolment-required"));
        }
        return new PasswordOutcome.Accepted(user, next);
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW, noRollbackFor = RuntimeException.class)
    public SecondFactorOutcome checkSecondFactor(java.util.UUID userId, String code, String clientAddress) {
        Instant now = clock.instant();
        UserRecord user = users.find(userId).orElseThrow();
        Actor who = actors.pending(user);
        if (directory.isSuspended(user.organisationId())) {
            auditLog.record(
                    who,
                    AuditEvent.of("identity.second-factor.failed", "user", user.id(), user.organisationId())
                            .with("reason", "organisation-suspended"));
            return new SecondFactorOutcome.Rejected();
        }
        if (user.lockedAt(now)) {
            auditLog.record(
                    who,
                    AuditEvent.of("identity.second-factor.failed", "user", user.id(), user.organisationId())
                            .with("reason", "locked"));
            return new SecondFactorOutcome.Locked(requireLockedUntil(user));
        }
        String secret = user.totpSecret();
        if (user.totpEnabled() && secret != null) {
            OptionalLong step = Totp.matchingStep(secrets.decrypt(user.id(), secret), code, now, user.totpLastStep());
            if (step.isPresent() && users.acceptTotpStep(user.id(), step.getAsLong())) {
                return succeed(user, false, now);
            }
            if (recoveryCodes.use(user.id(), code, now)) {
                return succeed(user, true, now);
            }
        }
        failClient(clientKey(clientAddress), now);
        PasswordOutcome failed = failure(user, who, "wrong-second-factor", now);
        return failed instanceof PasswordOutcome.Locked locked
                ? new SecondFactorOutcome.Locked(locked.until())
                : new SecondFactorOutcome.Rejected();
    }

    private SecondFactorOutcome succeed(UserRecord user, boolean recovery, Instant now) {
        users.recordSuccess(user.id(), now);
        auditLog.record(
                actors.full(user),
                AuditEvent.of("identity.login.succeeded", "user", user.id(), user.organisationId())
                        .with("secondFactor", recovery ? "recovery-code" : "totp"));
        return new SecondFactorOutcome.Accepted(user, recovery);
    }

    private PasswordOutcome failure(UserRecord user, Actor who, String reason, Instant now) {
        int failures = users.recordFailure(user.id(), now);
        if (failures >= properties.maxFailedLogins()) {
            Instant until = now.plus(properties.lockDuration());
            users.lock(user.id(), until);
            auditLog.record(
                    who,
                    AuditEvent.of("identity.login.failed", "user", user.id(), user.organisationId())
                            .with("reason", reason)
                            .with("locked", true));
            return new PasswordOutcome.Locked(until);
        }
        auditLog.record(
                who,
                AuditEvent.of("identity.login.failed", "user", user.id(), user.organisationId())
                        .with("reason", reason));
        return new PasswordOutcome.Rejected();
    }

    private long recentFailures(String clientKey, Instant now) {
        return jdbc.sql("SELECT COUNT(*) FROM login_failure WHERE client_key = ? AND occurred_at > ?")
                .params(clientKey, UserRepository.utc(now.minus(properties.clientFailureWindow())))
                .query(Long.class)
                .single();
    }

    private void failClient(String clientKey, Instant now) {
        jdbc.sql("INSERT INTO login_failure (client_key, occurred_at) VALUES (?, ?)")
                .params(clientKey, UserRepository.utc(now))
                .update();
    }

    /** Old failures only matter within the window; any node may prune them, the result is the same. */
    @org.springframework.scheduling.annotation.Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
    @Transactional
    public int pruneFailures() {
        return jdbc.sql("DELETE FROM login_failure WHERE occurred_at < ?")
                .param(UserRepository.utc(clock.instant().minus(properties.clientFailureWindow())))
                .update();
    }

    /** Client addresses are kept only as a keyed digest: enough to count, not to identify. */
    private static String clientKey(@Nullable String address) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(("ura-client:" + (address == null ? "unknown" : address)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant requireLockedUntil(UserRecord user) {
        Instant until = user.lockedUntil();
        return until == null ? Instant.EPOCH : until;
    }
}
