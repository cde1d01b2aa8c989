package al.ura.directory;

import al.ura.audit.AuditEvent;
import al.ura.audit.AuditLog;
import al.ura.kernel.Actor;
import al.ura.kernel.CursorPage;
import al.ura.kernel.Cursors;
import al.ura.kernel.ProblemException;
import al.ura.kernel.ProblemException.FieldProblem;
import al.ura.kernel.ProblemType;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The directory's public face for organisations: find, list, onboard, maintain the profile, and the
 * operator's verification, suspension and reinstatement. Every change is in the ledger and in the
 * organisation's change history, in the transaction of the change.
 */
@Service
public class OrganisationDirectory {

    static final ProblemType STALE = new ProblemType("stale-edit", 409);

    private final OrganisationRepository organisations;
    private final SigningKeys keys;
    private final ChangeHistory history;
    private final AuditLog auditLog;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    OrganisationDirectory(
            OrganisationRepository organisations,
            SigningKeys keys,
            ChangeHistory history,
            AuditLog auditLog,
            ApplicationEventPublisher events,
            Clock clock) {
        this.organisations = organisations;
        this.keys = keys;
        this.history = history;
        this.auditLog = auditLog;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Optional<OrganisationView> find(UUID id) {
        return organisations.find(id);
    }

    /** Several organisations in one read, by id; ids not in the directory are left out. */
    @Transactional(readOnly = true)
    public java.util.Map<UUID, OrganisationView> findAll(java.util.Collection<UUID> ids) {
        java.util.Map<UUID, OrganisationView> found = new java.util.HashMap<>();
        organisations.findAll(ids).forEach(o -> found.put(o.id(), o));
        return found;
    }

    @Transactional(readOnly = true)
    public Optional<OrganisationView> findByShortName(String shortName) {
        return organisations.findByShortName(shortName);
    }

    @Transactional(readOnly = true)
    public Optional<OrganisationView> platformOperator() {
        return organisations.platformOperator();
    }

    /**
     * Whether the organisation is suspended now: its people may not sign in and its tokens are
     * refused. One indexed read without a transaction of its own, as it runs on every API request.
     */
    public boolean isSuspended(UUID id) {
        return organisations.suspended(id);
    }

    /** One indexed query: it needs no transaction of its own, which saves a round trip on a hot path. */
    public CursorPage<OrganisationView> list(Actor reader, @Nullable String cursor, int limit) {
        if (!reader.has(DirectoryPermissions.READ)) {
            auditLog.denied(reader, AuditEvent.of("directory.organisations.list", "organisation", null, null));
            throw ProblemException.forbidden();
        }
        String afterName = null;
        UUID afterId = null;
        if (cursor != null) {
            List<String> parts = Cursors.decode(cursor, 2);
            afterName = parts.get(0);
            try {
                afterId = UUID.fromString(parts.get(1));
            } catch (IllegalArgumentException e) {
                throw ProblemException.validation(List.of(FieldProblem.of("cursor", "validation.cursor")));
            }
        }
        return CursorPage.of(
                organisations.page(afterName, afterId, limit + 1),
                limit,
                org -> Cursors.encode(org.shortName(), org.id().toString()));
    }

    /** Whether the actor may change this organisation's entry: the operator any, an administrator their own. */
    public static boolean mayManage(Actor actor, UUID organisationId) {
        return actor.has(DirectoryPermissions.MANAGE_ORGANISATIONS)
                || (actor.has(DirectoryPermissions.MANAGE_OWN) && actor.belongsTo(organisationId));
    }

    /** Onboards an organisation with its first signing key; only the platform operator may. */
    @Transactional
    public OrganisationView create(Actor actor, CreateOrganisationCommand command) {
        if (!actor.has(DirectoryPermissions.MANAGE_ORGANISATIONS)) {
            auditLog.denied(actor, AuditEvent.of("directory.organisation.create", "organisation", null, null));
            throw ProblemException.forbidden();
        }
        OrganisationView created = insert(command, false);
        auditLog.record(
                actor,
                AuditEvent.of("directory.organisation.created", "organisation", created.id(), created.id())
                        .with("type", created.type())
                        .with("country", created.country()));
        history.record(actor, created.id(), "organisation.created", created.id(), profileFields(created));
        return created;
    }

    /**
     * Creates the platform operator on first start from configuration, so every deployment has one
     * without a hand-made database row. Returns the existing one on later starts.
     */
    @Transactional
    public OrganisationView ensurePlatformOperator(CreateOrganisationCommand command) {
        Optional<OrganisationView> existing = organisations.platformOperator();
        if (existing.isPresent()) {
            return existing.get();
        }
        OrganisationView created = insert(command, true);
        auditLog.record(
                Actor.SYSTEM,
                AuditEvent.of("directory.organisation.created", "organisation", created.id(), created.id())
                        .with("platformOperator", true));
        history.record(Actor.SYSTEM, created.id(), "organisation.created", created.id(), profileFields(created));
        return created;
    }

    /** The administrator of the organisation (or the operator) saves its profile. */
    @Transactional
    public OrganisationView updateProfile(Actor actor, UUID organisationId, UpdateProfileCommand command) {
        OrganisationView current = requireManageable(actor, organisationId, "directory.organisation.update");
        List<FieldProblem> problems = new ArrayList<>();
        String nameSq = Fields.required(command.nameSq(), "nameSq", 200, problems);
        String nameEn = Fields.required(command.nameEn(), "nameEn", 200, problems);
        List<String> domains = Fields.domains(command.officialDomains(), "officialDomains", problems);
        String phone = Fields.phone(command.switchboardPhone(), "switchboardPhone", problems);
        String website = Fields.website(command.website(), "website", problems);
        String address = Fields.optional(command.postalAddress(), "postalAddress", 500, problems);
        List<String> languages = Fields.languages(command.languages(), "languages", false, problems);
        if (!problems.isEmpty()) {
            throw ProblemException.validation(problems);
        }
        OrganisationView locked = organisations.findForUpdate(organisationId).orElseThrow();
        if (command.version() != null && command.version() != locked.version()) {
            throw new ProblemException(STALE, "directory.problem.stale-edit");
        }
        OrganisationView updated = new OrganisationView(
                current.id(),
                current.shortName(),
                nameSq,
                nameEn,
                current.type(),
                current.country(),
                locked.status(),
                current.platformOperator(),
                current.createdAt(),
                command.sector(),
                domains,
                phone,
                website,
                address,
                languages,
                locked.verificationLevel(),
                locked.verifiedBy(),
                locked.verifiedAt(),
                locked.suspendedAt(),
                locked.logoFileId(),
                locked.version() + 1);
        Instant now = clock.instant();
        organisations.updateProfile(updated, now);
        Map<String, Object> changed = changedFields(locked, updated);
        auditLog.record(
                actor,
                AuditEvent.of("directory.organisation.updated", "organisation", organisationId, organisationId)
                        .with("fields", String.join(",", changed.keySet())));
        history.record(actor, organisationId, "organisation.updated", organisationId, changed);
        return organisations.find(organisationId).orElseThrow();
    }

    /** The operator confirms who the organisation is: registered becomes verified, with who and when. */
    @Transactional
    public OrganisationView verify(Actor actor, UUID organisationId) {
        OrganisationView organisation = requireOperator(actor, organisationId, "directory.organisation.verify");
        if (organisation.suspended()) {
            throw new ProblemException(JwsDocumentSigning.SUSPENDED, "directory.problem.organisation-suspended");
        }
        organisations.verify(organisationId, actor.userId(), clock.instant());
        auditLog.record(
                actor,
                AuditEvent.of("directory.organisation.verified", "organisation", organisationId, organisationId));
        history.record(actor, organisationId, "organisation.verified", organisationId, Map.of());
        return organisations.find(organisationId).orElseThrow();
    }

    /**
     * The operator suspends an organisation: its people cannot sign in, their sessions end, its
     * tokens are refused, and its keys no longer verify what is signed from now on.
     */
    @Transactional
    public OrganisationView suspend(Actor actor, UUID organisationId, @Nullable String reason) {
        OrganisationView organisation = requireOperator(actor, organisationId, "directory.organisation.suspend");
        List<FieldProblem> problems = new ArrayList<>();
        String why = Fields.required(reason, "reason", 1000, problems);
        if (organisation.platformOperator()) {
            problems.add(FieldProblem.of("organisation", "directory.validation.operator-not-suspended"));
        }
        if (!problems.isEmpty()) {
            throw ProblemException.validation(problems);
        }
        if (organisation.suspended()) {
            return organisation;
        }
        Instant now = clock.instant();
        organisations.suspend(organisationId, actor.userId(), why, now);
        auditLog.record(
                actor,
                AuditEvent.of("directory.organisation.suspended", "organisation", organisationId, organisationId));
        history.record(actor, organisationId, "organisation.suspended", organisationId, Map.of("reason", why));
        events.publishEvent(new OrganisationSuspended(organisationId, now));
        return organisations.find(organisationId).orElseThrow();
    }

    @Transactional
    public OrganisationView reinstate(Actor actor, UUID organisationId) {
        OrganisationView organisation = requireOperator(actor, organisationId, "directory.organisation.reinstate");
        if (!organisation.suspended()) {
            return organisation;
        }
        organisations.reinstate(organisationId, actor.userId(), clock.instant());
        auditLog.record(
                actor,
                AuditEvent.of("directory.organisation.reinstated", "organisation", organisationId, organisationId));
        history.record(actor, organisationId, "organisation.reinstated", organisationId, Map.of());
        return organisations.find(organisationId).orElseThrow();
    }

    /** The change history: the organisation's own managers and the operator; anyone else is told it does not exist. */
    @Transactional(readOnly = true)
    public CursorPage<ChangeView> history(Actor actor, UUID organisationId, @Nullable String cursor, int limit) {
        if (!mayManage(actor, organisationId)
                || organisations.find(organisationId).isEmpty()) {
            auditLog.denied(
                    actor, AuditEvent.of("directory.history.read", "organisation", organisationId, organisationId));
            throw ProblemException.notFound();
        }
        Instant before = null;
        UUID beforeId = null;
        if (cursor != null) {
            List<String> parts = Cursors.decode(cursor, 2);
            try {
                before = Instant.parse(parts.get(0));
                beforeId = UUID.fromString(parts.get(1));
            } catch (RuntimeException e) {
                throw ProblemException.validation(List.of(FieldProblem.of("cursor", "validation.cursor")));
            }
        }
        return CursorPage.of(
                history.page(organisationId, before, beforeId, limit + 1),
                limit,
                change -> Cursors.encode(change.at().toString(), change.id().toString()));
    }

    /**
     * Checks that the actor may change the organisation; the refusal is in the ledger. An
     * organisation that does not exist answers 404, one the actor may not change 403: the directory
     * itself is visible to every member, so its existence is no secret.
     */
    OrganisationView requireManageable(Actor actor, UUID organisationId, String action) {
        Optional<OrganisationView> organisation = organisations.find(organisationId);
        if (organisation.isEmpty() || !mayManage(actor, organisationId)) {
            auditLog.denied(actor, AuditEvent.of(action, "organisation", organisationId, organisationId));
            throw organisation.isEmpty() ? ProblemException.notFound() : ProblemException.forbidden();
        }
        return organisation.get();
    }

    private OrganisationView requireOperator(Actor actor, UUID organisationId, String action) {
        Optional<OrganisationView> organisation = organisations.find(organisationId);
        if (organisation.isEmpty() || !actor.has(DirectoryPermissions.MANAGE_ORGANISATIONS)) {
            auditLog.denied(actor, AuditEvent.of(action, "organisation", organisationId, organisationId));
            throw organisation.isEmpty() ? ProblemException.notFound() : ProblemException.forbidden();
        }
        return organisation.get();
    }

    private OrganisationView insert(CreateOrganisationCommand command, boolean platformOperator) {
        List<FieldProblem> problems = new ArrayList<>();
        String shortName = Fields.required(command.shortName(), "shortName", 40, problems);
        String nameSq = Fields.required(command.nameSq(), "nameSq", 200, problems);
        String nameEn = Fields.required(command.nameEn(), "nameEn", 200, problems);
        String country =
                Fields.required(command.country(), "country", 2, problems).toUpperCase(Locale.ROOT);
        if (!shortName.isEmpty() && !shortName.matches("[\\p{L}0-9][\\p{L}0-9 ._-]*")) {
            problems.add(FieldProblem.of("shortName", "validation.pattern"));
        } else if (!shortName.isEmpty()
                && organisations.findByShortName(shortName).isPresent()) {
            problems.add(FieldProblem.of("shortName", "validation.organisation.short-name-taken"));
        }
        if (!country.isEmpty() && !country.matches("[A-Z]{2}")) {
            problems.add(FieldProblem.of("country", "validation.country"));
        }
        OrganisationType type = command.type();
        if (type == null) {
            problems.add(FieldProblem.of("type", "validation.required"));
        }
        List<String> domains = Fields.domains(command.officialDomains(), "officialDomains", problems);
        String phone = Fields.phone(command.switchboardPhone(), "switchboardPhone", problems);
        String website = Fields.website(command.website(), "website", problems);
        String address = Fields.optional(command.postalAddress(), "postalAddress", 500, problems);
        List<String> languages = Fields.languages(command.languages(), "languages", false, problems);
        if (!problems.isEmpty() || type == null) {
            throw ProblemException.validation(problems);
        }
        Instant now = clock.instant();
        OrganisationView org = new OrganisationView(
                UUID.randomUUID(),
                shortName,
                nameSq,
                nameEn,
                type,
                country,
                OrganisationStatus.ACTIVE,
                platformOperator,
                now,
                command.sector(),
                domains,
                phone,
                website,
                address,
                languages,
                platformOperator ? VerificationLevel.VERIFIED : VerificationLevel.REGISTERED,
                null,
                platformOperator ? now : null,
                null,
                null,
                0);
        organisations.insert(org);
        keys.generate(org.id());
        return org;
    }

    private static Map<String, Object> profileFields(OrganisationView org) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("shortName", org.shortName());
        fields.put("nameSq", org.nameSq());
        fields.put("nameEn", org.nameEn());
        fields.put("type", org.type());
        fields.put("country", org.country());
        fields.putAll(changedFields(null, org));
        return fields;
    }

    /** The profile fields whose value differs, with the new value; all non-empty ones when there was no entry before. */
    private static Map<String, Object> changedFields(@Nullable OrganisationView before, OrganisationView after) {
        Map<String, Object> changed = new LinkedHashMap<>();
        put(changed, "nameSq", before == null ? null : before.nameSq(), after.nameSq(), before == null);
        put(changed, "nameEn", before == null ? null : before.nameEn(), after.nameEn(), before == null);
        put(changed, "sector", before == null ? null : before.sector(), after.sector(), false);
        put(
                changed,
                "officialDomains",
                before == null ? null : String.join(" ", before.officialDomains()),
                String.join(" ", after.officialDomains()),
                false);
        put(
                changed,
                "switchboardPhone",
                before == null ? null : before.switchboardPhone(),
                after.switchboardPhone(),
                false);
        put(changed, "website", before == null ? null : before.website(), after.website(), false);
        put(changed, "postalAddress", before == null ? null : before.postalAddress(), after.postalAddress(), false);
        put(
                changed,
                "languages",
                before == null ? null : String.join(" ", before.languages()),
                String.join(" ", after.languages()),
                false);
        return changed;
    }

    private static void put(
            Map<String, Object> changed, String field, @Nullable Object before, @Nullable Object after, boolean skip) {
        if (skip) {
            return;
        }
        String old = before == null ? "" : before.toString();
        String now = after == null ? "" : after.toString();
        if (!Objects.equals(old, now)) {
            changed.put(field, now);
        }
    }
}
