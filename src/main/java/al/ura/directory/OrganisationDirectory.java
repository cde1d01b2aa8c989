package al.ura.directory;

import al.ura.audit.AuditEvent;
import al.ura.audit.AuditLog;
import al.ura.kernel.Actor;
import al.ura.kernel.CursorPage;
import al.ura.kernel.Cursors;
import al.ura.kernel.ProblemException;
import al.ura.kernel.ProblemException.FieldProblem;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The directory's public face: find, list and onboard organisations. */
@Service
public class OrganisationDirectory {

    private final OrganisationRepository organisations;
    private final AuditLog auditLog;
    private final Clock clock;

    OrganisationDirectory(OrganisationRepository organisations, AuditLog auditLog, Clock clock) {
        this.organisations = organisations;
        this.auditLog = auditLog;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Optional<OrganisationView> find(UUID id) {
        return organisations.find(id);
    }

    @Transactional(readOnly = true)
    public Optional<OrganisationView> findByShortName(String shortName) {
        return organisations.findByShortName(shortName);
    }

    @Transactional(readOnly = true)
    public Optional<OrganisationView> platformOperator() {
        return organisations.platformOperator();
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

    /** Onboards an organisation; only the platform operator may. */
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
        return created;
    }

    private OrganisationView insert(CreateOrganisationCommand command, boolean platformOperator) {
        List<FieldProblem> problems = new java.util.ArrayList<>();
        String shortName = text(command.shortName(), "shortName", 40, problems);
        String nameSq = text(command.nameSq(), "nameSq", 200, problems);
        String nameEn = text(command.nameEn(), "nameEn", 200, problems);
        String country = text(command.country(), "country", 2, problems).toUpperCase(Locale.ROOT);
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
        if (!problems.isEmpty() || type == null) {
            throw ProblemException.validation(problems);
        }
        OrganisationView org = new OrganisationView(
                UUID.randomUUID(),
                shortName,
                nameSq,
                nameEn,
                type,
                country,
                OrganisationStatus.ACTIVE,
                platformOperator,
                clock.instant());
        organisations.insert(org);
        return org;
    }

    /** A trimmed required text: an empty or too long one adds a problem for the field. */
    private static String text(@Nullable String value, String field, int maxLength, List<FieldProblem> problems) {
        String trimmed = value == null ? "" : value.trim();
        if (trimmed.isEmpty()) {
            problems.add(FieldProblem.of(field, "validation.required"));
        } else if (trimmed.length() > maxLength) {
            problems.add(FieldProblem.of(field, "validation.size"));
        }
        return trimmed;
    }
}
