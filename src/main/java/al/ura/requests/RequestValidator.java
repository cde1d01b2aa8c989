package al.ura.requests;

import al.ura.directory.DataCategory;
import al.ura.directory.DataItem;
import al.ura.directory.LegalProcess;
import al.ura.directory.OrganisationView;
import al.ura.directory.ProviderServiceView;
import al.ura.kernel.ProblemException.FieldProblem;
import java.text.ParsePosition;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Everything a request must satisfy before it leaves its requester (§§24-28, 31, 34, 36): each
 * problem names its field and has its own message, so an officer sees at once what to fix. Pure:
 * what it needs from the directory and the catalogue comes in a {@link Context}.
 */
final class RequestValidator {

    static final int MIN_JUSTIFICATION = 20;
    private static final Pattern PHONE = Pattern.compile("\\+[1-9][0-9 ()-]{6,25}");
    private static final Set<RequestType> DIRECT_FOREIGN_TYPES =
            EnumSet.of(RequestType.DISCLOSURE, RequestType.DISCLOSURE_AFTER_PRESERVATION);

    private final RequestsProperties properties;

    RequestValidator(RequestsProperties properties) {
        this.properties = properties;
    }

    /** A preservation a disclosure follows: whose it is, at which provider, and whether it still holds. */
    record PreservationLink(
            UUID id, UUID requesterId, @Nullable UUID providerId, RequestType type, boolean active) {}

    /** An oral emergency a written request follows. */
    record OralLink(UUID id, UUID requesterId, UUID providerId, boolean alreadyWritten) {}

    record Context(
            OrganisationView requester,
            Optional<OrganisationView> provider,
            Optional<ProviderServiceView> service,
            boolean serviceRetired,
            Optional<LegalProvision> provision,
            boolean provisionRetired,
            TreatyCountry requesterTreaty,
            Optional<TreatyCountry> providerTreaty,
            Optional<PreservationLink> preservation,
            Optional<OralLink> oral,
            List<String> foreignContacts,
            int orderAttachments,
            Instant now,
            ZoneId zone) {}

    record ValidIdentifier(
            int position,
            IdentifierKind kind,
            String value,
            String normalised,
            @Nullable Integer sourcePort,
            @Nullable Instant observedAt,
            @Nullable String observedZone,
            DataCategory category,
            List<DataItem> items,
            Instant from,
            Instant to) {

        ValidIdentifier {
            items = List.copyOf(items);
        }
    }

    record ValidRequest(
            RequestType type,
            String fileNumber,
            String requestingUnit,
            String officerName,
            String officerPhone,
            String officerEmail,
            LegalProvision provision,
            @Nullable String legalBasisNote,
            OrganisationView provider,
            ProviderServiceView service,
            List<ValidIdentifier> identifiers,
            String offence,
            String summary,
            String relevance,
            Priority priority,
            boolean emergency,
            @Nullable String emergencyJustification,
            boolean confidential,
            @Nullable LocalDate confidentialUntil,
            @Nullable LocalDate requestedDeadline,
            @Nullable UUID preservationRequestId,
            @Nullable UUID oralRequestId,
            boolean retentionAcknowledged) {

        ValidRequest {
            identifiers = List.copyOf(identifiers);
        }
    }

    /** Valid, with the cleaned request; or the problems, every one of them. */
    sealed interface Outcome {
        record Valid(ValidRequest request) implements Outcome {}

        record Invalid(List<FieldProblem> problems) implements Outcome {
            public Invalid {
                problems = List.copyOf(problems);
            }
        }
    }

    @SuppressWarnings("NullAway") // the values are read only when no problem was found
    Outcome validate(DraftCommand command, Context context) {
        List<FieldProblem> problems = new ArrayList<>();
        RequestType type = command.type();
        if (type == null) {
            problems.add(FieldProblem.of("type", "validation.required"));
        }
        String fileNumber = required(command.fileNumber(), "fileNumber", 100, problems);
        String unit = required(command.requestingUnit(), "requestingUnit", 200, problems);
        String officerName = required(command.officerName(), "officerName", 200, problems);
        String officerPhone = required(command.officerPhone(), "officerPhone", 40, problems);
        if (!officerPhone.isEmpty() && !PHONE.matcher(officerPhone).matches()) {
            problems.add(FieldProblem.of("officerPhone", "requests.validation.phone"));
        }
        String officerEmail =
                required(command.officerEmail(), "officerEmail", 254, problems).toLowerCase(java.util.Locale.ROOT);
        if (!officerEmail.isEmpty()) {
            if (Identifiers.normalise(IdentifierKind.EMAIL, officerEmail).isEmpty()) {
                problems.add(FieldProblem.of("officerEmail", "requests.validation.email"));
            } else if (!context.requester().ownsAddress(officerEmail)) {
                problems.add(FieldProblem.of(
                        "officerEmail",
                        "requests.validation.personal-email",
                        String.join(", ", context.requester().officialDomains())));
            }
        }

        LegalProvision provision = null;
        if (command.legalProvisionId() == null) {
            problems.add(FieldProblem.of("legalProvisionId", "requests.validation.legal-basis-required"));
        } else if (context.provision().isEmpty()
                || context.provisionRetired()
                || !context.provision()
                        .get()
                        .country()
                        .equals(context.requester().country())) {
            problems.add(FieldProblem.of("legalProvisionId", "requests.validation.legal-basis-unknown"));
        } else {
            provision = context.provision().get();
        }
        String legalBasisNote = optional(command.legalBasisNote(), "legalBasisNote", 2000, problems);

        String offence = required(command.offence(), "offence", 500, problems);
        String summary = required(command.summary(), "summary", 4000, problems);
        String relevance = required(command.relevance(), "relevance", 4000, problems);
        Priority priority = command.priority();
        if (priority == null) {
            problems.add(FieldProblem.of("priority", "validation.required"));
        }
        boolean emergency = command.emergency() || type == RequestType.EMERGENCY_DISCLOSURE;
        String justification = optional(command.emergencyJustification(), "emergencyJustification", 2000, problems);
        if (emergency && (justification == null || justification.length() < MIN_JUSTIFICATION)) {
            problems.add(FieldProblem.of(
                    "emergencyJustification", "requests.validation.emergency-justification", MIN_JUSTIFICATION));
        }
        LocalDate today = LocalDate.ofInstant(context.now(), context.zone());
        if (command.confidentialUntil() != null && !command.confidentialUntil().isAfter(today)) {
            problems.add(FieldProblem.of("confidentialUntil", "requests.validation.date-not-future"));
        }
        if (command.requestedDeadline() != null && command.requestedDeadline().isBefore(today)) {
            problems.add(FieldProblem.of("requestedDeadline", "requests.validation.date-past"));
        }

        OrganisationView provider = null;
        if (command.providerId() == null) {
            problems.add(FieldProblem.of("providerId", "requests.validation.provider-required"));
        } else if (context.provider().isEmpty()) {
            problems.add(FieldProblem.of("providerId", "requests.validation.provider-unknown"));
        } else if (!context.provider().get().isProvider()) {
            problems.add(FieldProblem.of("providerId", "requests.validation.not-a-provider"));
        } else if (context.provider().get().suspended()) {
            problems.add(FieldProblem.of("providerId", "requests.validation.provider-suspended"));
        } else {
            provider = context.provider().get();
        }
        ProviderServiceView service = null;
        if (provider != null) {
            if (command.serviceId() == null) {
                problems.add(FieldProblem.of("serviceId", "requests.validation.service-required"));
            } else if (context.service().isEmpty()
                    || context.serviceRetired()
                    || !context.service().get().organisationId().equals(provider.id())) {
                problems.add(FieldProblem.of("serviceId", "requests.validation.service-unknown", provider.shortName()));
            } else {
                service = context.service().get();
            }
        }

        UUID preservationId = null;
        if (type == RequestType.DISCLOSURE_AFTER_PRESERVATION) {
            Optional<PreservationLink> link = context.preservation();
            if (command.preservationRequestId() == null) {
                problems.add(FieldProblem.of("preservationRequestId", "requests.validation.preservation-required"));
            } else if (link.isEmpty()
                    || link.get().type() != RequestType.PRESERVATION
                    || !link.get().requesterId().equals(context.requester().id())
                    || (provider != null && !provider.id().equals(link.get().providerId()))) {
                problems.add(FieldProblem.of("preservationRequestId", "requests.validation.preservation-unknown"));
            } else if (!link.get().active()) {
                problems.add(FieldProblem.of("preservationRequestId", "requests.validation.preservation-not-active"));
            } else {
                preservationId = link.get().id();
            }
        }
        UUID oralId = null;
        if (command.oralRequestId() != null) {
            Optional<OralLink> oral = context.oral();
            if (oral.isEmpty()
                    || !oral.get().requesterId().equals(context.requester().id())
                    || (provider != null && !provider.id().equals(oral.get().providerId()))) {
                problems.add(FieldProblem.of("oralRequestId", "requests.validation.oral-unknown"));
            } else if (oral.get().alreadyWritten()) {
                problems.add(FieldProblem.of("oralRequestId", "requests.validation.oral-already-written"));
            } else {
                oralId = oral.get().id();
            }
        }

        List<DraftCommand.IdentifierCommand> given = command.identifiersOrEmpty();
        if (given.isEmpty()) {
            problems.add(FieldProblem.of("identifiers", "requests.validation.identifiers-required"));
        } else if (given.size() > properties.maxIdentifiers()) {
            problems.add(FieldProblem.of(
                    "identifiers", "requests.validation.too-many-identifiers", properties.maxIdentifiers()));
        }
        List<ValidIdentifier> identifiers = new ArrayList<>();
        boolean needsOrder = false;
        boolean retentionWarned = false;
        for (int i = 0; i < given.size() && i < properties.maxIdentifiers(); i++) {
            DraftCommand.IdentifierCommand identifier = given.get(i);
            String prefix = "identifiers[" + i + "].";
            int before = problems.size();
            IdentifierKind kind = identifier.kind();
            String value = identifier.value() == null ? "" : identifier.value().trim();
            String normalised = null;
            if (kind == null) {
                problems.add(FieldProblem.of(prefix + "kind", "validation.required"));
            } else if (value.isEmpty()) {
                problems.add(FieldProblem.of(prefix + "value", "validation.required"));
            } else {
                normalised = Identifiers.normalise(kind, value).orElse(null);
                if (normalised == null) {
                    problems.add(FieldProblem.of(prefix + "value", "requests.validation.identifier." + kind.name()));
                } else if (kind.ipAddress() && !Identifiers.publicAddress(kind, normalised)) {
                    problems.add(FieldProblem.of(prefix + "value", "requests.validation.ip-not-public"));
                }
            }
            Integer port = identifier.sourcePort();
            if (port != null && (port < 1 || port > 65535)) {
                problems.add(FieldProblem.of(prefix + "sourcePort", "requests.validation.port"));
            }
            Instant observedAt = null;
            String observedZone = null;
            if (kind != null && kind.ipAddress()) {
                boolean shared = service != null && service.sharedAddresses();
                if (shared && port == null) {
                    problems.add(FieldProblem.of(prefix + "sourcePort", "requests.validation.port-required"));
                }
                String observed = identifier.observedAt() == null
                        ? ""
                        : identifier.observedAt().trim();
                if (observed.isEmpty()) {
                    problems.add(FieldProblem.of(prefix + "observedAt", "requests.validation.observed-at-required"));
                } else {
                    Timestamp parsed = timestamp(observed, identifier.timeZone());
                    switch (parsed) {
                        case Timestamp.Parsed p
                        when summerTimeChange(p) ->
                            problems.add(FieldProblem.of(
                                    prefix + "observedAt", "requests.validation.time-ambiguous", p.zone()));
                        case Timestamp.Parsed p -> {
                            observedAt = p.instant();
                            observedZone = p.zone();
                        }
                        case Timestamp.NoZone ignored ->
                            problems.add(
                                    FieldProblem.of(prefix + "observedAt", "requests.validation.time-zone-required"));
                        case Timestamp.Malformed ignored ->
                            problems.add(FieldProblem.of(prefix + "observedAt", "requests.validation.timestamp"));
                    }
                }
            } else if (kind != null && port != null) {
                problems.add(FieldProblem.of(prefix + "sourcePort", "requests.validation.port-only-ip"));
            }
            DataCategory category = identifier.category();
            List<DataItem> items = identifier.items() == null ? List.of() : List.copyOf(identifier.items());
            if (category == null) {
                problems.add(FieldProblem.of(prefix + "category", "validation.required"));
            } else if (items.isEmpty()) {
                problems.add(FieldProblem.of(prefix + "items", "requests.validation.items-required"));
            } else {
                for (DataItem item : items) {
                    if (item.category() != category) {
                        problems.add(FieldProblem.of(
                                prefix + "items", "requests.validation.item-not-in-category", LocalisedName.of(item)));
                    } else if (service != null) {
                        Optional<ProviderServiceView.Offering> offering = service.offering(item);
                        if (offering.isEmpty()) {
                            problems.add(FieldProblem.of(
                                    prefix + "items", "requests.validation.item-not-offered", LocalisedName.of(item)));
                        } else if (offering.get().legalProcess() == LegalProcess.MUTUAL_LEGAL_ASSISTANCE) {
                            problems.add(FieldProblem.of(
                                    prefix + "items", "requests.validation.item-needs-mla", LocalisedName.of(item)));
                        } else if (offering.get().legalProcess() == LegalProcess.COURT_ORDER
                                || offering.get().legalProcess() == LegalProcess.PROSECUTOR_ORDER) {
                            needsOrder = true;
                        }
                    }
                }
            }
            Instant from = instant(identifier.from(), prefix + "from", problems);
            Instant to = instant(identifier.to(), prefix + "to", problems);
            if (from != null && to != null) {
                if (!from.isBefore(to)) {
                    problems.add(FieldProblem.of(prefix + "to", "requests.validation.range-order"));
                } else if (to.isAfter(context.now().plus(Duration.ofMinutes(5)))) {
                    problems.add(FieldProblem.of(prefix + "to", "requests.validation.range-future"));
                } else if (category != null && Duration.between(from, to).compareTo(properties.widest(category)) > 0) {
                    problems.add(FieldProblem.of(
                            prefix + "from",
                            "requests.validation.range-too-wide",
                            properties.widest(category).toDays()));
                } else if (observedAt != null && (observedAt.isBefore(from) || observedAt.isAfter(to))) {
                    problems.add(FieldProblem.of(prefix + "observedAt", "requests.validation.observed-outside-range"));
                }
                if (service != null && !command.acknowledgeRetention() && !retentionWarned) {
                    for (DataItem item : items) {
                        Optional<ProviderServiceView.Offering> offering = service.offering(item);
                        if (offering.isPresent()
                                && from.isBefore(context.now()
                                        .minus(Duration.ofDays(offering.get().retentionDays())))) {
                            problems.add(FieldProblem.of(
                                    prefix + "from",
                                    "requests.validation.before-retention",
                                    LocalisedName.of(item),
                                    offering.get().retentionDays()));
                            retentionWarned = true;
                            break;
                        }
                    }
                }
            }
            if (problems.size() == before && kind != null && normalised != null && category != null) {
                identifiers.add(new ValidIdentifier(
                        i, kind, value, normalised, port, observedAt, observedZone, category, items, from, to));
            }
        }
        if (needsOrder && context.orderAttachments() == 0) {
            problems.add(FieldProblem.of("attachments", "requests.validation.order-required"));
        }

        // A request goes to a provider in another country only where a treaty allows it (§36).
        if (provider != null && !provider.country().equals(context.requester().country())) {
            boolean parties = context.requesterTreaty().secondProtocol()
                    && context.providerTreaty()
                            .map(TreatyCountry::secondProtocol)
                            .orElse(false);
            boolean subscriberOnly = !given.isEmpty()
                    && given.stream().allMatch(g -> g.category() == DataCategory.SUBSCRIBER_INFORMATION);
            if (!(parties && subscriberOnly && type != null && DIRECT_FOREIGN_TYPES.contains(type) && !emergency)) {
                String contacts =
                        context.foreignContacts().isEmpty() ? "-" : String.join("; ", context.foreignContacts());
                problems.add(FieldProblem.of(
                        "providerId",
                        parties
                                ? "requests.validation.foreign-provider-category"
                                : "requests.validation.foreign-provider",
                        provider.country(),
                        contacts));
            }
        }

        if (!problems.isEmpty()) {
            return new Outcome.Invalid(problems);
        }
        return new Outcome.Valid(new ValidRequest(
                type,
                fileNumber,
                unit,
                officerName,
                officerPhone,
                officerEmail,
                provision,
                legalBasisNote,
                provider,
                service,
                identifiers,
                offence,
                summary,
                relevance,
                priority,
                emergency,
                justification,
                command.confidential() || command.confidentialUntil() != null,
                command.confidentialUntil(),
                command.requestedDeadline(),
                preservationId,
                oralId,
                command.acknowledgeRetention()));
    }

    /** A parsed time: with its offset or zone; without one (ambiguous); or not a time at all. */
    sealed interface Timestamp {
        /** {@code local}: the local time as written, when it was read in a zone rather than given an offset. */
        record Parsed(
                Instant instant, String zone, @Nullable LocalDateTime local) implements Timestamp {}

        record NoZone() implements Timestamp {}

        record Malformed() implements Timestamp {}
    }

    static Timestamp timestamp(String text, @Nullable String zone) {
        // Which form it is, told without an exception (a parse exception, with its stack, cost more
        // than the rest of validating an identifier: twice an identifier, twice a request).
        try {
            if (whole(DateTimeFormatter.ISO_OFFSET_DATE_TIME, text)) {
                OffsetDateTime parsed = OffsetDateTime.parse(text);
                return new Timestamp.Parsed(
                        parsed.toInstant(), parsed.getOffset().getId(), null);
            }
            LocalDateTime local = LocalDateTime.parse(text);
            if (zone == null || zone.isBlank()) {
                return new Timestamp.NoZone();
            }
            try {
                ZoneId id = ZoneId.of(zone.trim());
                return new Timestamp.Parsed(local.atZone(id).toInstant(), id.getId(), local);
            } catch (java.time.DateTimeException unknownZone) {
                return new Timestamp.Malformed();
            }
        } catch (DateTimeParseException malformed) {
            return new Timestamp.Malformed();
        }
    }

    private static boolean whole(DateTimeFormatter format, String text) {
        ParsePosition position = new ParsePosition(0);
        return format.parseUnresolved(text, position) != null
                && position.getErrorIndex() < 0
                && position.getIndex() == text.length();
    }

    /**
     * Whether a local time read in a zone is one the zone's change to or from summer time makes happen
     * twice or never: read either way, it would name another hour, and with a shared address another customer.
     * A time given with its offset is never ambiguous.
     */
    static boolean summerTimeChange(Timestamp.Parsed parsed) {
        LocalDateTime local = parsed.local();
        return local != null
                && ZoneId.of(parsed.zone()).getRules().getValidOffsets(local).size() != 1;
    }

    private static @Nullable Instant instant(@Nullable String text, String field, List<FieldProblem> problems) {
        if (text == null || text.isBlank()) {
            problems.add(FieldProblem.of(field, "requests.validation.range-required"));
            return null;
        }
        return switch (timestamp(text.trim(), null)) {
            case Timestamp.Parsed p -> p.instant();
            case Timestamp.NoZone ignored -> {
                problems.add(FieldProblem.of(field, "requests.validation.time-zone-required"));
                yield null;
            }
            case Timestamp.Malformed ignored -> {
                problems.add(FieldProblem.of(field, "requests.validation.timestamp"));
                yield null;
            }
        };
    }

    static String required(@Nullable String value, String field, int max, List<FieldProblem> problems) {
        String trimmed = value == null ? "" : value.trim();
        if (trimmed.isEmpty()) {
            problems.add(FieldProblem.of(field, "validation.required"));
        } else if (trimmed.length() > max) {
            problems.add(FieldProblem.of(field, "requests.validation.too-long", max));
        }
        return trimmed;
    }

    static @Nullable String optional(@Nullable String value, String field, int max, List<FieldProblem> problems) {
        String trimmed = value == null ? "" : value.trim();
        if (trimmed.isEmpty()) {
            return null;
        }
        if (trimmed.length() > max) {
            problems.add(FieldProblem.of(field, "requests.validation.too-long", max));
        }
        return trimmed;
    }
}
