package al.ura.identity;

import al.ura.audit.AuditEvent;
import al.ura.audit.AuditLog;
import al.ura.kernel.Actor;
import al.ura.kernel.ProblemException;
import al.ura.kernel.ProblemException.FieldProblem;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What a person does for their own account: accept an invitation, passwords, second factor, sessions. */
@Service
public class AccountService {

    /** A second-factor enrolment in progress: the seed lives only in the person's session until confirmed. */
    public record Enrolment(String secretBase32, String otpauthUri, String qrDataUri) implements java.io.Serializable {}

    private final UserRepository users;
    private final Invitations invitations;
    private final PasswordPolicy policy;
    private final PasswordEncoder passwords;
    private final SecondFactorSecrets secrets;
    private final RecoveryCodes recoveryCodes;
    private final SessionRevoker sessions;
    private final AuditLog auditLog;
    private final ActorFactory actors;
    private final IdentityProperties properties;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AccountService(
            UserRepository users,
            Invitations invitations,
            PasswordPolicy policy,
            PasswordEncoder passwords,
            SecondFactorSecrets secrets,
            RecoveryCodes recoveryCodes,
            SessionRevoker sessions,
            AuditLog auditLog,
            ActorFactory actors,
            IdentityProperties properties,
            ApplicationEventPublisher events,
            Clock clock) {
        this.users = users;
        this.events = events;
        this.invitations = invitations;
        this.policy = policy;
        this.passwords = passwords;
        this.secrets = secrets;
        this.recoveryCodes = recoveryCodes;
        this.sessions = sessions;
        this.auditLog = auditLog;
        this.actors = actors;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Optional<UserView> invitation(String token) {
        return invitations.open(token, clock.instant()).flatMap(users::find).map(UserRecord::view);
    }

    /** Sets the password of an invited person; the invitation works once. */
    @Transactional
    public UserView acceptInvitation(String token, String password, String repeated) {
        Instant now = clock.instant();
        UserRecord user = invitations.open(token, now).flatMap(users::find).orElseThrow(ProblemException::notFound);
        checkNewPassword(user, password, repeated, "password");
        if (!invitations.consume(token, now)) {
            throw ProblemException.notFound();
        }
        users.updatePassword(user.id(), passwords.encode(password), now);
        if (user.status() == UserStatus.INVITED) {
            users.updateStatus(user.id(), UserStatus.ACTIVE, now);
        }
        auditLog.record(
                actors.pending(user),
                AuditEvent.of("identity.invitation.accepted", "user", user.id(), user.organisationId()));
        events.publishEvent(new UserJoined(user.id(), user.organisationId()));
        return users.find(user.id()).orElseThrow().view();
    }

    @Transactional
    public void changePassword(Actor actor, String current, String password, String repeated) {
        UserRecord user = self(actor);
        String hash = user.passwordHash();
        if (hash == null || !passwords.matches(current, hash)) {
            auditLog.denied(actor, AuditEvent.of("identity.password.change", "user", user.id(), user.organisationId()));
            throw ProblemException.validation(
                    List.of(FieldProblem.of("currentPassword", "validation.password.current")));
        }
        checkNewPassword(user, password, repeated, "newPassword");
        users.updatePassword(user.id(), passwords.encode(password), clock.instant());
        auditLog.record(actor, AuditEvent.of("identity.password.changed", "user", user.id(), user.organisationId()));
    }

    public Enrolment startEnrolment(UUID userId) {
        UserRecord user = users.find(userId).orElseThrow(ProblemException::notFound);
        byte[] secret = Totp.newSecret();
        String uri = Totp.otpauthUri(properties.issuer(), user.email(), secret);
        return new Enrolment(Totp.base32(secret), uri, QrCodes.svgDataUri(uri));
    }

    /** Confirms an enrolment with a code from the app; returns the recovery codes, shown once. */
    @Transactional
    public List<String> confirmEnrolment(UUID userId, Enrolment enrolment, String code) {
        UserRecord user = users.find(userId).orElseThrow(ProblemException::notFound);
        byte[] secret = Totp.fromBase32(enrolment.secretBase32());
        OptionalLong step = Totp.matchingStep(secret, code, clock.instant(), 0);
        if (step.isEmpty()) {
            auditLog.denied(
                    actors.pending(user),
                    AuditEvent.of("identity.second-factor.enrol", "user", user.id(), user.organisationId()));
            throw ProblemException.validation(List.of(FieldProblem.of("code", "validation.totp")));
        }
        Instant now = clock.instant();
        users.setTotp(user.id(), secrets.encrypt(user.id(), secret), true, now);
        users.acceptTotpStep(user.id(), step.getAsLong());
        List<String> codes = recoveryCodes.regenerate(user.id());
        auditLog.record(
                actors.pending(user),
                AuditEvent.of("identity.second-factor.enrolled", "user", user.id(), user.organisationId()));
        return codes;
    }

    @Transactional
    public List<String> regenerateRecoveryCodes(Actor actor) {
        UserRecord user = self(actor);
        if (!user.totpEnabled()) {
            throw new ProblemException(al.ura.kernel.ProblemType.CONFLICT, "problem.second-factor.not-enrolled");
        }
        List<String> codes = recoveryCodes.regenerate(user.id());
        auditLog.record(
                actor, AuditEvent.of("identity.recovery-codes.regenerated", "user", user.id(), user.organisationId()));
        return codes;
    }

    @Transactional(readOnly = true)
    public int remainingRecoveryCodes(Actor actor) {
        return recoveryCodes.remaining(self(actor).id());
    }

    @Transactional(readOnly = true)
    public UserView me(Actor actor) {
        return self(actor).view();
    }

    @Transactional
    public void setLocale(Actor actor, String locale) {
        if (actor.userId() != null && UserAdministration.LOCALES.contains(locale)) {
            users.updateLocale(actor.userId(), locale);
        }
    }

    /** Signs the person out on every device and node. */
    @Transactional
    public int logoutEverywhere(Actor actor) {
        UserRecord user = self(actor);
        int ended = sessions.revokeAll(user.id());
        auditLog.record(
                actor,
                AuditEvent.of("identity.sessions.revoked", "user", user.id(), user.organisationId())
                        .with("sessions", ended));
        return ended;
    }

    private UserRecord self(Actor actor) {
        UUID id = actor.userId();
        if (id == null) {
            throw ProblemException.forbidden();
        }
        return users.find(id).orElseThrow(ProblemException::notFound);
    }

    private void checkNewPassword(UserRecord user, String password, String repeated, String field) {
        Optional<String> violation = policy.violation(password, user.email());
        if (violation.isPresent()) {
            throw ProblemException.validation(
                    List.of(FieldProblem.of(field, violation.get(), PasswordPolicy.MIN_LENGTH)));
        }
        if (!password.equals(repeated)) {
            throw ProblemException.validation(
                    List.of(FieldProblem.of("repeatPassword", "validation.password.mismatch")));
        }
    }
}
