package al.ura.directory;

import al.ura.audit.AuditEvent;
import al.ura.audit.AuditLog;
import al.ura.kernel.Actor;
import al.ura.kernel.ProblemException;
import al.ura.kernel.ProblemException.FieldProblem;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Points of contact: the {@link ContactPoints} other modules read, and the use cases with which an
 * organisation's administrator keeps them right (every change in the ledger and the history).
 * Dates (last verified, due) are days in the deployment's zone ({@code ura.time-zone}).
 */
@Service
public class ContactDirectory implements ContactPoints {

    public static final int DEFAULT_REVERIFICATION_DAYS = 120;
    static final int MAX_REVERIFICATION_DAYS = 730;
    static final int MAX_EXCEPTION_DAYS = 366;

    private final ContactRepository contacts;
    private final OrganisationDirectory directory;
    private final ChangeHistory history;
    private final AuditLog auditLog;
    private final Clock clock;
    private final ZoneId deploymentZone;

    ContactDirectory(
            ContactRepository contacts,
            OrganisationDirectory directory,
            ChangeHistory history,
            AuditLog auditLog,
            Clock clock,
            @Value("${ura.time-zone:Europe/Tirane}") String deploymentZone) {
        this.contacts = contacts;
        this.directory = directory;
        this.history = history;
        this.auditLog = auditLog;
        this.clock = clock;
        this.deploymentZone = ZoneId.of(deploymentZone);
    }

    @Override
    @Transactional(readOnly = true)
    public List<ContactPointView> of(UUID organisationId, ContactFunction function) {
        return views(contacts.ofOrganisation(organisationId, function, today()));
    }

    @Override
    @Transactional(readOnly = true)
    public List<ContactPointView> inCountry(String country, ContactFunction function) {
        return views(contacts.inCountry(country.toUpperCase(java.util.Locale.ROOT), function, today()));
    }

    /** Every current contact of an organisation, by function. */
    @Transactional(readOnly = true)
    public List<ContactPointView> ofOrganisation(UUID organisationId) {
        return views(contacts.ofOrganisation(organisationId));
    }

    @Transactional(readOnly = true)
    public Optional<ContactPointView> find(UUID contactId) {
        return contacts.find(contactId).map(row -> views(List.of(row)).getFirst());
    }

    @Transactional
    public ContactPointView create(Actor actor, UUID organisationId, ContactPointCommand command) {
        OrganisationView organisation = directory.requireManageable(actor, organisationId, "directory.contact.create");
        Valid valid = validate(organisation, command);
        LocalDate today = today();
        ContactRepository.Row row = new ContactRepository.Row(
                UUID.randomUUID(),
                organisationId,
                valid.function(),
                valid.kind(),
                valid.name(),
                valid.position(),
                valid.phones(),
                valid.email(),
                valid.languages(),
                command.twentyFourSeven(),
                valid.zone(),
                today,
                valid.reverifyDays(),
                today.plusDays(valid.reverifyDays()));
        Instant now = clock.instant();
        contacts.insert(row, now);
        contacts.replaceHours(row.id(), valid.hours());
        // Entering a contact is confirming it: the administrator vouches for it today.
        contacts.markVerified(row.id(), today, today.plusDays(valid.reverifyDays()), actor.userId(), now);
        ContactPointView created = find(row.id()).orElseThrow();
        auditLog.record(
                actor,
                AuditEvent.of("directory.contact.created", "contact_point", row.id(), organisationId)
                        .with("function", valid.function()));
        history.record(actor, organisationId, "contact.created", row.id(), describe(created));
        return created;
    }

    @Transactional
    public ContactPointView update(Actor actor, UUID contactId, ContactPointCommand command) {
        ContactRepository.Row existing = requireContact(actor, contactId, "directory.contact.update");
        OrganisationView organisation =
                directory.find(existing.organisationId()).orElseThrow();
        Valid valid = validate(organisation, command);
        LocalDate due = existing.lastVerified() == null
                ? existing.verificationDue()
                : existing.lastVerified().plusDays(valid.reverifyDays());
        ContactRepository.Row row = new ContactRepository.Row(
                contactId,
                existing.organisationId(),
                valid.function(),
                valid.kind(),
                valid.name(),
                valid.position(),
                valid.phones(),
                valid.email(),
                valid.languages(),
                command.twentyFourSeven(),
                valid.zone(),
                existing.lastVerified(),
                valid.reverifyDays(),
                due);
        contacts.update(row, clock.instant());
        contacts.replaceHours(contactId, valid.hours());
        ContactPointView updated = find(contactId).orElseThrow();
        auditLog.record(
                actor,
                AuditEvent.of("directory.contact.updated", "contact_point", contactId, existing.organisationId()));
        history.record(actor, existing.organisationId(), "contact.updated", contactId, describe(updated));
        return updated;
    }

    @Transactional
    public void remove(Actor actor, UUID contactId) {
        ContactRepository.Row existing = requireContact(actor, contactId, "directory.contact.remove");
        contacts.remove(contactId, clock.instant());
        auditLog.record(
                actor,
                AuditEvent.of("directory.contact.removed", "contact_point", contactId, existing.organisationId()));
        history.record(
                actor,
                existing.organisationId(),
                "contact.removed",
                contactId,
                Map.of("name", existing.name(), "function", existing.function()));
    }

    /** The administrator confirms the contact is still right: verified today, due again after its interval. */
    @Transactional
    public ContactPointView confirm(Actor actor, UUID contactId) {
        ContactRepository.Row existing = requireContact(actor, contactId, "directory.contact.verify");
        LocalDate today = today();
        LocalDate due = today.plusDays(existing.reverifyDays());
        contacts.markVerified(contactId, today, due, actor.userId(), clock.instant());
        auditLog.record(
                actor,
                AuditEvent.of("directory.contact.verified", "contact_point", contactId, existing.organisationId()));
        history.record(
                actor,
                existing.organisationId(),
                "contact.verified",
                contactId,
                Map.of("lastVerified", today, "verificationDue", due));
        return find(contactId).orElseThrow();
    }

    @Transactional
    public ContactPointView addException(Actor actor, UUID contactId, AvailabilityException exception) {
        ContactRepository.Row existing = requireContact(actor, contactId, "directory.contact.exception.add");
        List<FieldProblem> problems = new ArrayList<>();
        if (exception.to().isBefore(exception.from())) {
            problems.add(FieldProblem.of("to", "directory.validation.date-order"));
        } else if (exception.from().plusDays(MAX_EXCEPTION_DAYS).isBefore(exception.to())) {
            problems.add(FieldProblem.of("to", "directory.validation.exception-too-long", MAX_EXCEPTION_DAYS));
        }
        if ((exception.start() == null) != (exception.end() == null)) {
            problems.add(FieldProblem.of("end", "directory.validation.hours-pair"));
        } else if (exception.start() != null && exception.end() != null) {
            if (!exception.available()) {
                problems.add(FieldProblem.of("start", "directory.validation.closed-no-hours"));
            } else if (ContactRepository.endMinute(exception.end())
                    <= exception.start().getHour() * 60 + exception.start().getMinute()) {
                problems.add(FieldProblem.of("end", "directory.validation.hours-order"));
            }
        }
        String note = Fields.optional(exception.note(), "note", 200, problems);
        if (!problems.isEmpty()) {
            throw ProblemException.validation(problems);
        }
        AvailabilityException cleaned = new AvailabilityException(
                null,
                exception.from(),
                exception.to(),
                exception.available(),
                exception.start(),
                exception.end(),
                note);
        UUID id = contacts.addException(contactId, cleaned);
        auditLog.record(
                actor,
                AuditEvent.of(
                                "directory.contact.exception.added",
                                "contact_point",
                                contactId,
                                existing.organisationId())
                        .with("exception", id));
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("from", cleaned.from());
        fields.put("to", cleaned.to());
        fields.put("available", cleaned.available());
        fields.put("start", cleaned.start());
        fields.put("end", cleaned.end());
        fields.put("note", cleaned.note());
        history.record(actor, existing.organisationId(), "contact.exception.added", contactId, fields);
        return find(contactId).orElseThrow();
    }

    @Transactional
    public ContactPointView removeException(Actor actor, UUID contactId, UUID exceptionId) {
        ContactRepository.Row existing = requireContact(actor, contactId, "directory.contact.exception.remove");
        if (!contacts.removeException(contactId, exceptionId)) {
            throw ProblemException.notFound();
        }
        auditLog.record(
                actor,
                AuditEvent.of(
                                "directory.contact.exception.removed",
                                "contact_point",
                                contactId,
                                existing.organisationId())
                        .with("exception", exceptionId));
        history.record(
                actor,
                existing.organisationId(),
                "contact.exception.removed",
                contactId,
                Map.of("exception", exceptionId));
        return find(contactId).orElseThrow();
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), deploymentZone);
    }

    ZoneId deploymentZone() {
        return deploymentZone;
    }

    private ContactRepository.Row requireContact(Actor actor, UUID contactId, String action) {
        Optional<ContactRepository.Row> found = contacts.find(contactId);
        if (found.isEmpty()) {
            auditLog.denied(actor, AuditEvent.of(action, "contact_point", contactId, null));
            throw ProblemException.notFound();
        }
        directory.requireManageable(actor, found.get().organisationId(), action);
        return found.get();
    }

    private record Valid(
            ContactFunction function,
            ContactKind kind,
            String name,
            @Nullable String position,
            List<String> phones,
            String email,
            List<String> languages,
            ZoneId zone,
            List<WeeklyHours> hours,
            int reverifyDays) {}

    private Valid validate(OrganisationView organisation, ContactPointCommand command) {
        List<FieldProblem> problems = new ArrayList<>();
        ContactFunction function = command.function();
        if (function == null) {
            problems.add(FieldProblem.of("function", "validation.required"));
        }
        ContactKind kind = command.kind() == null ? ContactKind.DESK : command.kind();
        String name = Fields.required(command.name(), "name", 200, problems);
        String position = Fields.optional(command.position(), "position", 200, problems);
        List<String> phones = Fields.phones(command.phones(), "phones", problems);
        String email = Fields.email(command.email(), "email", problems);
        if (!email.isEmpty() && problems.stream().noneMatch(p -> p.field().equals("email"))) {
            if (organisation.officialDomains().isEmpty()) {
                problems.add(FieldProblem.of("email", "directory.validation.email-no-official-domains"));
            } else if (!organisation.ownsAddress(email)) {
                problems.add(FieldProblem.of(
                        "email",
                        "directory.validation.email-official-domain",
                        String.join(", ", organisation.officialDomains())));
            }
        }
        List<String> languages = Fields.languages(command.languages(), "languages", true, problems);
        ZoneId zone = deploymentZone;
        String zoneName = command.timeZone() == null ? "" : command.timeZone().trim();
        if (!zoneName.isEmpty()) {
            try {
                zone = ZoneId.of(zoneName);
                if (!(zone.getId().contains("/") || zone.getId().equals("UTC"))
                        || zone.getId().length() > 60) {
                    problems.add(FieldProblem.of("timeZone", "directory.validation.time-zone"));
                }
            } catch (DateTimeException e) {
                problems.add(FieldProblem.of("timeZone", "directory.validation.time-zone"));
            }
        }
        List<WeeklyHours> hours = new ArrayList<>();
        List<WeeklyHours> given = command.hours() == null ? List.of() : command.hours();
        for (int i = 0; i < given.size(); i++) {
            WeeklyHours span = given.get(i);
            if (span == null || span.day() == null || span.from() == null || span.to() == null) {
                problems.add(FieldProblem.of("hours[" + i + "]", "directory.validation.hours-pair"));
                continue;
            }
            if (span.from().equals(span.to())) {
                problems.add(FieldProblem.of("hours[" + i + "]", "directory.validation.hours-order"));
            } else if (span.to().equals(LocalTime.MIDNIGHT) || span.to().isAfter(span.from())) {
                hours.add(span);
            } else {
                // Runs past midnight: the rest belongs to the next day.
                hours.add(new WeeklyHours(span.day(), span.from(), LocalTime.MIDNIGHT));
                hours.add(new WeeklyHours(span.day().plus(1), LocalTime.MIDNIGHT, span.to()));
            }
        }
        if (!command.twentyFourSeven() && given.isEmpty()) {
            problems.add(FieldProblem.of("hours", "directory.validation.hours-required"));
        }
        if (function == ContactFunction.EMERGENCY_24_7 && !command.twentyFourSeven()) {
            problems.add(FieldProblem.of("alwaysAvailable", "directory.validation.emergency-always"));
        }
        for (int i = 0; i < hours.size(); i++) {
            for (int j = i + 1; j < hours.size(); j++) {
                WeeklyHours a = hours.get(i);
                WeeklyHours b = hours.get(j);
                if (a.day() == b.day() && a.fromMinute() < b.toMinute() && b.fromMinute() < a.toMinute()) {
                    problems.add(FieldProblem.of("hours", "directory.validation.hours-overlap"));
                    i = hours.size();
                    break;
                }
            }
        }
        int reverify =
                command.reverificationDays() == null ? DEFAULT_REVERIFICATION_DAYS : command.reverificationDays();
        if (reverify < 7 || reverify > MAX_REVERIFICATION_DAYS) {
            problems.add(
                    FieldProblem.of("reverificationDays", "directory.validation.range", 7, MAX_REVERIFICATION_DAYS));
        }
        if (!problems.isEmpty() || function == null) {
            throw ProblemException.validation(problems);
        }
        return new Valid(
                function,
                kind,
                name,
                position,
                phones,
                email.toLowerCase(java.util.Locale.ROOT),
                languages,
                zone,
                command.twentyFourSeven() ? List.of() : hours,
                reverify);
    }

    List<ContactPointView> views(List<ContactRepository.Row> rows) {
        if (rows.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = rows.stream().map(ContactRepository.Row::id).toList();
        Map<UUID, List<WeeklyHours>> hours = contacts.hours(ids);
        Map<UUID, List<AvailabilityException>> exceptions = contacts.exceptions(ids);
        LocalDate today = today();
        return rows.stream()
                .map(row -> new ContactPointView(
                        row.id(),
                        row.organisationId(),
                        row.function(),
                        row.name(),
                        row.position(),
                        row.phones(),
                        row.email(),
                        row.languages(),
                        row.alwaysAvailable(),
                        row.lastVerified(),
                        row.verificationDue() == null || row.verificationDue().isBefore(today),
                        row.kind(),
                        new Availability(
                                row.alwaysAvailable(),
                                row.zone(),
                                hours.getOrDefault(row.id(), List.of()),
                                exceptions.getOrDefault(row.id(), List.of())),
                        row.reverifyDays(),
                        row.verificationDue()))
                .toList();
    }

    private static Map<String, Object> describe(ContactPointView contact) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("function", contact.function());
        fields.put("kind", contact.kind());
        fields.put("name", contact.name());
        fields.put("position", contact.position());
        fields.put("phones", String.join(" ", contact.phones()));
        fields.put("email", contact.email());
        fields.put("languages", String.join(" ", contact.languages()));
        fields.put("alwaysAvailable", contact.alwaysAvailable());
        fields.put("timeZone", contact.timeZone());
        fields.put(
                "hours",
                contact.availability().hours().stream()
                        .map(h -> h.day() + " " + h.from() + "-" + h.to())
                        .reduce((a, b) -> a + ", " + b)
                        .orElse(""));
        fields.put("reverificationDays", contact.reverificationDays());
        return fields;
    }
}
