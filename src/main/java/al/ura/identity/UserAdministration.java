package al.ura.identity;

import al.ura.audit.AuditEvent;
import al.ura.audit.AuditLog;
import al.ura.directory.OrganisationDirectory;
import al.ura.kernel.Actor;
import al.ura.kernel.CursorPage;
import al.ura.kernel.Cursors;
import al.ura.kernel.ProblemException;
import al.ura.kernel.ProblemException.FieldProblem;
import al.ura.kernel.RoleDefinition;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An organisation administrator manages the people of their own organisation; the platform
 * operator may manage any. For anyone else another organisation's users do not exist: the answer
 * is "not found", and the attempt is in the ledger.
 */
@Service
public class UserAdministration {

    static final Pattern EMAIL = Pattern.compile(
            "^[^@\\s]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$");
    static final Set<String> LOCALES = Set.of("sq", "en");

    private final UserRepository users;
    private final RoleCatalogue roles;
    private final Invitations invitations;
    private final SessionRevoker sessions;
    private final RecoveryCodes recoveryCodes;
    private final OrganisationDirectory directory;
    private final AuditLog auditLog;
    private final IdentityProperties properties;
    private final Clock clock;

    UserAdministration(
            UserRepository users,
            RoleCatalogue roles,
            Invitations invitations,
            SessionRevoker sessions,
            RecoveryCodes recoveryCodes,
            OrganisationDirectory directory,
            AuditLog auditLog,
            IdentityProperties properties,
            Clock clock) {
        this.users = users;
        this.roles = roles;
        this.invitations = invitations;
        this.sessions = sessions;
        this.recoveryCodes = recoveryCodes;
        this.directory = directory;
        this.auditLog = auditLog;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public CursorPage<UserView> list(Actor actor, UUID organisationId, @Nullable String cursor, int limit) {
        requireManages(actor, organisationId, "identity.users.list", "organisation", organisationId);
        String afterName = null;
        UUID afterId = null;
        if (cursor != null) {
            List<String> parts = Cursors.decode(cursor, 2);
            afterName = parts.get(0);
            afterId = parseId(parts.get(1), "cursor");
        }
        return CursorPage.of(
                        users.page(organisationId, afterName, afterId, limit + 1),
                        limit,
                        u -> Cursors.encode(u.displayName(), u.id().toString()))
                .map(UserRecord::view);
    }

    @Transactional(readOnly = true)
    public UserView get(Actor actor, UUID userId) {
        return load(actor, userId, "identity.user.read").view();
    }

    @Transactional
    public InvitedUser invite(Actor actor, UUID organisationId, InviteUserCommand command) {
        requireManages(actor, organisationId, "identity.user.invite", "organisation", organisationId);
        List<FieldProblem> problems = new ArrayList<>();
        String email = command.email() == null ? "" : command.email().trim();
        String name = command.displayName() == null ? "" : command.displayName().trim();
        if (!EMAIL.matcher(email).matches() || email.length() > 254) {
            problems.add(FieldProblem.of("email", "validation.email"));
        } else if (users.emailTaken(email)) {
            problems.add(FieldProblem.of("email", "validation.email.taken"));
        }
        if (name.isEmpty() || name.length() > 200) {
            problems.add(FieldProblem.of("displayName", "validation.required"));
        }
        String locale = command.locale() == null || command.locale().isBlank() ? "sq" : command.locale();
        if (!LOCALES.contains(locale)) {
            problems.add(FieldProblem.of("locale", "validation.locale"));
        }
        List<String> granted = checkRoles(actor, organisationId, command.roles(), problems);
        if (!problems.isEmpty()) {
            throw ProblemException.validation(problems);
        }
        Instant now = clock.instant();
        UserRecord user = UserRecord.person(
                UUID.randomUUID(),
                organisationId,
                email.toLowerCase(Locale.ROOT),
                name,
                UserStatus.INVITED,
                locale,
                null,
                null,
                false,
                now,
                granted);
        users.insert(user);
        Instant expires = now.plus(properties.invitationValidity());
        String token = invitations.create(user.id(), now, expires);
        auditLog.record(
                actor,
                AuditEvent.of("identity.user.invited", "user", user.id(), organisationId)
                        .with("roles", String.join(",", granted)));
        return new InvitedUser(user.view(), "/invitation/" + token, expires);
    }

    /** A new invitation link for someone who has not yet accepted, or who lost access. */
    @Transactional
    public InvitedUser reinvite(Actor actor, UUID userId) {
        UserRecord user = load(actor, userId, "identity.user.reinvite");
        if (user.kind() != UserKind.PERSON || user.status() == UserStatus.DISABLED) {
            throw new ProblemException(al.ura.kernel.ProblemType.CONFLICT, "problem.user.not-invitable");
        }
        Instant now = clock.instant();
        Instant expires = now.plus(properties.invitationValidity());
        String token = invitations.create(user.id(), now, expires);
        auditLog.record(actor, AuditEvent.of("identity.user.reinvited", "user", user.id(), user.organisationId()));
        return new InvitedUser(user.view(), "/invitation/" + token, expires);
    }

    @Transactional
    public UserView updateRoles(Actor actor, UUID userId, List<String> requested) {
        UserRecord user = load(actor, userId, "identity.user.roles.update");
        List<FieldProblem> problems = new ArrayList<>();
        Set<String> grantable = grantableRoles(actor, user.organisationId()).stream()
                .map(RoleDefinition::code)
                .collect(java.util.stream.Collectors.toSet());
        List<String> granted = new ArrayList<>(checkRoles(actor, user.organisationId(), requested, problems));
        if (!problems.isEmpty()) {
            throw ProblemException.validation(problems);
        }
        // Roles beyond the actor's own can be neither granted nor taken away by them: they stay.
        user.roles().stream()
                .filter(role -> !grantable.contains(role) && !granted.contains(role))
                .forEach(granted::add);
        if (user.id().equals(actor.userId()) && !granted.containsAll(user.roles())) {
            // Removing one's own administration role is done by another administrator, never by accident.
            throw ProblemException.validation(List.of(FieldProblem.of("roles", "validation.roles.own")));
        }
        users.replaceRoles(user.id(), granted);
        sessions.revokeAll(user.id());
        auditLog.record(
                actor,
                AuditEvent.of("identity.user.roles.updated", "user", user.id(), user.organisationId())
                        .with("before", String.join(",", user.roles()))
                        .with("after", String.join(",", granted)));
        return users.find(user.id()).orElseThrow().view();
    }

    @Transactional
    public UserView setEnabled(Actor actor, UUID userId, boolean enabled) {
        UserRecord user = load(actor, userId, enabled ? "identity.user.enable" : "identity.user.disable");
        if (!enabled && user.id().equals(actor.userId())) {
            throw ProblemException.validation(List.of(FieldProblem.of("status", "validation.user.disable-self")));
        }
        UserStatus status = enabled
                ? (user.passwordHash() == null && user.kind() == UserKind.PERSON
                        ? UserStatus.INVITED
                        : UserStatus.ACTIVE)
                : UserStatus.DISABLED;
        users.updateStatus(user.id(), status, clock.instant());
        if (!enabled) {
            sessions.revokeAll(user.id());
        }
        auditLog.record(
                actor,
                AuditEvent.of(
                        enabled ? "identity.user.enabled" : "identity.user.disabled",
                        "user",
                        user.id(),
                        user.organisationId()));
        return users.find(user.id()).orElseThrow().view();
    }

    /** Clears a lost authenticator: the person enrols again at the next sign-in. */
    @Transactional
    public UserView resetSecondFactor(Actor actor, UUID userId) {
        UserRecord user = load(actor, userId, "identity.user.second-factor.reset");
        Instant now = clock.instant();
        users.setTotp(user.id(), null, false, now);
        recoveryCodes.clear(user.id());
        sessions.revokeAll(user.id());
        auditLog.record(
                actor, AuditEvent.of("identity.user.second-factor.reset", "user", user.id(), user.organisationId()));
        return users.find(user.id()).orElseThrow().view();
    }

    @Transactional
    public UserView createServiceAccount(Actor actor, UUID organisationId, @Nullable String name) {
        requireManages(actor, organisationId, "identity.service-account.create", "organisation", organisationId);
        String clean = name == null ? "" : name.trim();
        if (clean.isEmpty() || clean.length() > 100) {
            throw ProblemException.validation(List.of(FieldProblem.of("name", "validation.required")));
        }
        Instant now = clock.instant();
        UUID id = UUID.randomUUID();
        UserRecord account = UserRecord.serviceAccount(
                id, organisationId, "service-" + id + "@service.ura.invalid", clean, false, now);
        users.insert(account);
        auditLog.record(actor, AuditEvent.of("identity.service-account.created", "user", id, organisationId));
        return account.view();
    }

    /** The roles this actor may grant in this organisation: what the forms offer. */
    public List<RoleDefinition> grantableRoles(Actor actor, UUID organisationId) {
        boolean operatorOrganisation = directory
                .platformOperator()
                .map(org -> org.id().equals(organisationId))
                .orElse(false);
        return roles.all().stream()
                .filter(role -> actor.has(IdentityPermissions.USERS_MANAGE_ANY)
                        || actor.permissions().containsAll(role.permissions())
                        || (role.delegable() && actor.has(IdentityPermissions.USERS_MANAGE)))
                .filter(role -> !CoreRoles.PLATFORM_ADMIN.equals(role.code()) || operatorOrganisation)
                .toList();
    }

    /** Roles must exist, and nobody grants more than they hold themselves, unless they manage every organisation. */
    private List<String> checkRoles(
            Actor actor, UUID organisationId, @Nullable List<String> requested, List<FieldProblem> problems) {
        Set<String> codes = new LinkedHashSet<>(requested == null ? List.of() : requested);
        codes.add(CoreRoles.MEMBER);
        boolean operatorOrganisation = directory
                .platformOperator()
                .map(org -> org.id().equals(organisationId))
                .orElse(false);
        for (String code : codes) {
            Optional<RoleDefinition> role = roles.find(code);
            if (role.isEmpty()) {
                problems.add(FieldProblem.of("roles", "validation.roles.unknown", code));
            } else if (!actor.has(IdentityPermissions.USERS_MANAGE_ANY)
                    && !actor.permissions().containsAll(role.get().permissions())
                    && !(role.get().delegable() && actor.has(IdentityPermissions.USERS_MANAGE))) {
                problems.add(FieldProblem.of("roles", "validation.roles.beyond-own", code));
            } else if (CoreRoles.PLATFORM_ADMIN.equals(code) && !operatorOrganisation) {
                problems.add(FieldProblem.of("roles", "validation.roles.operator-only", code));
            }
        }
        return List.copyOf(codes);
    }

    private UserRecord load(Actor actor, UUID userId, String action) {
        if (actor.has(IdentityPermissions.USERS_MANAGE_ANY)) {
            return users.find(userId).orElseThrow(ProblemException::notFound);
        }
        if (actor.has(IdentityPermissions.USERS_MANAGE) && actor.organisationId() != null) {
            Optional<UserRecord> own = users.findInOrganisation(userId, actor.organisationId());
            if (own.isPresent()) {
                return own.get();
            }
        }
        if (users.exists(userId) || actor.has(IdentityPermissions.USERS_MANAGE)) {
            auditLog.denied(actor, AuditEvent.of(action, "user", userId, actor.organisationId()));
        }
        throw ProblemException.notFound();
    }

    private void requireManages(Actor actor, UUID organisationId, String action, String objectType, Object objectId) {
        boolean allowed = actor.has(IdentityPermissions.USERS_MANAGE_ANY)
                || (actor.has(IdentityPermissions.USERS_MANAGE) && actor.belongsTo(organisationId));
        if (!allowed) {
            auditLog.denied(actor, AuditEvent.of(action, objectType, objectId, organisationId));
            throw ProblemException.notFound();
        }
        if (directory.find(organisationId).isEmpty()) {
            throw ProblemException.notFound();
        }
    }

    private static UUID parseId(String value, String field) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw ProblemException.validation(List.of(FieldProblem.of(field, "validation.cursor")));
        }
    }
}
