package al.ura.requests;

import al.ura.directory.DataCategory;
import al.ura.directory.DataItem;
import al.ura.kernel.ProblemException;
import al.ura.kernel.ProblemException.FieldProblem;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

/**
 * The draft form exactly as the officer typed it: text for every field, so a value that does not
 * parse is shown again as it was, next to its error, instead of being lost. It turns into a
 * {@link DraftCommand} once every field can at least be read; whether the request is complete and
 * valid is the validator's question, asked only when it is sent for authorisation.
 */
record DraftForm(
        String type,
        String fileNumber,
        String requestingUnit,
        String officerName,
        String officerPhone,
        String officerEmail,
        String legalProvisionId,
        String legalBasisNote,
        String providerId,
        String serviceId,
        List<Row> identifiers,
        String offence,
        String summary,
        String relevance,
        String priority,
        boolean emergency,
        String emergencyJustification,
        boolean confidential,
        String confidentialUntil,
        String requestedDeadline,
        String preservationRequestId,
        String oralRequestId,
        boolean acknowledgeRetention,
        int version) {

    /** The zone a time typed without an offset is read in, unless its row names another. */
    static final String DEFAULT_ZONE = "Europe/Tirane";

    private static final Pattern ROW = Pattern.compile("identifiers\\[(\\d{1,2})]\\..+");
    private static final DateTimeFormatter LOCAL_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    DraftForm {
        identifiers = List.copyOf(identifiers);
    }

    /**
     * One identifier row. {@code timeZone}: the zone of the times in the row that are typed
     * without an offset.
     */
    record Row(
            String kind,
            String value,
            String sourcePort,
            String observedAt,
            String timeZone,
            String category,
            List<String> items,
            String from,
            String to) {

        Row {
            items = List.copyOf(items);
        }

        static Row empty() {
            return new Row("", "", "", "", DEFAULT_ZONE, "", List.of(), "", "");
        }

        boolean blank() {
            return kind.isBlank()
                    && value.isBlank()
                    && sourcePort.isBlank()
                    && observedAt.isBlank()
                    && category.isBlank()
                    && items.isEmpty()
                    && from.isBlank()
                    && to.isBlank();
        }

        public boolean has(String item) {
            return items.contains(item);
        }
    }

    static DraftForm empty() {
        return new DraftForm(
                RequestType.DISCLOSURE.name(),
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                List.of(),
                "",
                "",
                "",
                Priority.NORMAL.name(),
                false,
                "",
                true,
                "",
                "",
                "",
                "",
                false,
                0);
    }

    /** A saved draft, as the form shows it. */
    static DraftForm of(DraftCommand draft, int version) {
        List<Row> rows = new ArrayList<>();
        for (DraftCommand.IdentifierCommand identifier : draft.identifiersOrEmpty()) {
            rows.add(new Row(
                    name(identifier.kind()),
                    text(identifier.value()),
                    identifier.sourcePort() == null ? "" : String.valueOf(identifier.sourcePort()),
                    text(identifier.observedAt()),
                    identifier.timeZone() == null || identifier.timeZone().isBlank()
                            ? DEFAULT_ZONE
                            : identifier.timeZone(),
                    name(identifier.category()),
                    identifier.items() == null
                            ? List.of()
                            : identifier.items().stream().map(Enum::name).toList(),
                    text(identifier.from()),
                    text(identifier.to())));
        }
        return new DraftForm(
                name(draft.type()),
                text(draft.fileNumber()),
                text(draft.requestingUnit()),
                text(draft.officerName()),
                text(draft.officerPhone()),
                text(draft.officerEmail()),
                draft.legalProvisionId() == null ? "" : draft.legalProvisionId().toString(),
                text(draft.legalBasisNote()),
                draft.providerId() == null ? "" : draft.providerId().toString(),
                draft.serviceId() == null ? "" : draft.serviceId().toString(),
                rows,
                text(draft.offence()),
                text(draft.summary()),
                text(draft.relevance()),
                name(draft.priority()),
                draft.emergency(),
                text(draft.emergencyJustification()),
                draft.confidential(),
                draft.confidentialUntil() == null
                        ? ""
                        : draft.confidentialUntil().toString(),
                draft.requestedDeadline() == null
                        ? ""
                        : draft.requestedDeadline().toString(),
                draft.preservationRequestId() == null
                        ? ""
                        : draft.preservationRequestId().toString(),
                draft.oralRequestId() == null ? "" : draft.oralRequestId().toString(),
                draft.acknowledgeRetention(),
                version);
    }

    /** The posted form; its identifier rows are read up to {@code maxRows}. */
    static DraftForm of(MultiValueMap<String, String> params, int maxRows) {
        int rows = 0;
        for (String name : params.keySet()) {
            Matcher matcher = ROW.matcher(name);
            if (matcher.matches()) {
                rows = Math.max(rows, Integer.parseInt(matcher.group(1)) + 1);
            }
        }
        List<Row> identifiers = new ArrayList<>();
        for (int i = 0; i < Math.min(rows, maxRows); i++) {
            String prefix = "identifiers[" + i + "].";
            List<String> items = params.getOrDefault(prefix + "items", List.of()).stream()
                    .filter(Objects::nonNull)
                    .filter(item -> !item.isBlank())
                    .distinct()
                    .toList();
            String zone = param(params, prefix + "timeZone");
            identifiers.add(new Row(
                    param(params, prefix + "kind"),
                    param(params, prefix + "value"),
                    param(params, prefix + "sourcePort"),
                    param(params, prefix + "observedAt"),
                    zone,
                    param(params, prefix + "category"),
                    items,
                    param(params, prefix + "from"),
                    param(params, prefix + "to")));
        }
        int version;
        try {
            version = Integer.parseInt(param(params, "version").isBlank() ? "0" : param(params, "version"));
        } catch (NumberFormatException malformed) {
            version = 0;
        }
        return new DraftForm(
                param(params, "type"),
                param(params, "fileNumber"),
                param(params, "requestingUnit"),
                param(params, "officerName"),
                param(params, "officerPhone"),
                param(params, "officerEmail"),
                param(params, "legalProvisionId"),
                param(params, "legalBasisNote"),
                param(params, "providerId"),
                param(params, "serviceId"),
                identifiers,
                param(params, "offence"),
                param(params, "summary"),
                param(params, "relevance"),
                param(params, "priority"),
                "true".equals(params.getFirst("emergency")),
                param(params, "emergencyJustification"),
                "true".equals(params.getFirst("confidential")),
                param(params, "confidentialUntil"),
                param(params, "requestedDeadline"),
                param(params, "preservationRequestId"),
                param(params, "oralRequestId"),
                "true".equals(params.getFirst("acknowledgeRetention")),
                version);
    }

    /** The same form without its blank identifier rows, so each row's position is the one the validator names. */
    DraftForm withoutBlankRows() {
        return withRows(identifiers.stream().filter(row -> !row.blank()).toList());
    }

    DraftForm withVersion(int newVersion) {
        return new DraftForm(
                type,
                fileNumber,
                requestingUnit,
                officerName,
                officerPhone,
                officerEmail,
                legalProvisionId,
                legalBasisNote,
                providerId,
                serviceId,
                identifiers,
                offence,
                summary,
                relevance,
                priority,
                emergency,
                emergencyJustification,
                confidential,
                confidentialUntil,
                requestedDeadline,
                preservationRequestId,
                oralRequestId,
                acknowledgeRetention,
                newVersion);
    }

    private DraftForm withRows(List<Row> rows) {
        return new DraftForm(
                type,
                fileNumber,
                requestingUnit,
                officerName,
                officerPhone,
                officerEmail,
                legalProvisionId,
                legalBasisNote,
                providerId,
                serviceId,
                rows,
                offence,
                summary,
                relevance,
                priority,
                emergency,
                emergencyJustification,
                confidential,
                confidentialUntil,
                requestedDeadline,
                preservationRequestId,
                oralRequestId,
                acknowledgeRetention,
                version);
    }

    /** The rows the form shows: the filled ones, then blank ones up to {@code atLeast}. */
    List<Row> rows(int atLeast) {
        List<Row> shown = new ArrayList<>(identifiers);
        while (shown.size() < atLeast) {
            shown.add(Row.empty());
        }
        return shown;
    }

    /** The chosen provider, when the field holds one. */
    @Nullable
    UUID provider() {
        return uuidOrNull(providerId);
    }

    /**
     * The command the form holds, blank rows left out. Only what cannot be read at all is refused
     * here (a number that is no number, a date that is no date); times typed without an offset are
     * read in their row's time zone.
     */
    DraftCommand command() {
        List<FieldProblem> problems = new ArrayList<>();
        List<DraftCommand.IdentifierCommand> commands = new ArrayList<>();
        List<Row> filled = identifiers.stream().filter(row -> !row.blank()).toList();
        for (int i = 0; i < filled.size(); i++) {
            Row row = filled.get(i);
            String prefix = "identifiers[" + i + "].";
            Integer port = null;
            if (!row.sourcePort().isBlank()) {
                try {
                    port = Integer.valueOf(row.sourcePort().trim());
                } catch (NumberFormatException notANumber) {
                    problems.add(FieldProblem.of(prefix + "sourcePort", "requests.validation.port"));
                }
            }
            List<DataItem> items = new ArrayList<>();
            for (String item : row.items()) {
                DataItem parsed = parse(item, DataItem.class, prefix + "items", problems);
                if (parsed != null) {
                    items.add(parsed);
                }
            }
            String zone = row.timeZone().isBlank() ? null : row.timeZone().trim();
            commands.add(new DraftCommand.IdentifierCommand(
                    parse(row.kind(), IdentifierKind.class, prefix + "kind", problems),
                    blankToNull(row.value()),
                    port,
                    blankToNull(row.observedAt()),
                    zone,
                    parse(row.category(), DataCategory.class, prefix + "category", problems),
                    items,
                    inZone(row.from(), zone),
                    inZone(row.to(), zone)));
        }
        DraftCommand command = new DraftCommand(
                parse(type, RequestType.class, "type", problems),
                blankToNull(fileNumber),
                blankToNull(requestingUnit),
                blankToNull(officerName),
                blankToNull(officerPhone),
                blankToNull(officerEmail),
                uuid(legalProvisionId, "legalProvisionId", problems),
                blankToNull(legalBasisNote),
                uuid(providerId, "providerId", problems),
                uuid(serviceId, "serviceId", problems),
                commands,
                blankToNull(offence),
                blankToNull(summary),
                blankToNull(relevance),
                parse(priority, Priority.class, "priority", problems),
                emergency,
                blankToNull(emergencyJustification),
                confidential,
                date(confidentialUntil, "confidentialUntil", problems),
                date(requestedDeadline, "requestedDeadline", problems),
                uuid(preservationRequestId, "preservationRequestId", problems),
                uuid(oralRequestId, "oralRequestId", problems),
                acknowledgeRetention);
        if (!problems.isEmpty()) {
            throw ProblemException.validation(problems);
        }
        return command;
    }

    /** A time without an offset, in the row's zone, as ISO 8601 with the offset; anything else as typed. */
    static @Nullable String inZone(String text, @Nullable String zone) {
        String trimmed = text.trim();
        if (trimmed.isEmpty()) {
            return null;
        }
        if (zone == null) {
            return trimmed;
        }
        try {
            OffsetDateTime.parse(trimmed);
            return trimmed;
        } catch (DateTimeParseException noOffset) {
            try {
                return LocalDateTime.parse(trimmed)
                        .atZone(ZoneId.of(zone))
                        .toOffsetDateTime()
                        .toString();
            } catch (DateTimeException notLocalOrUnknownZone) {
                return trimmed;
            }
        }
    }

    private static String param(MultiValueMap<String, String> params, String name) {
        String value = params.getFirst(name);
        return value == null ? "" : value;
    }

    private static String text(@Nullable String value) {
        return value == null ? "" : value;
    }

    private static String name(@Nullable Enum<?> value) {
        return value == null ? "" : value.name();
    }

    private static @Nullable String blankToNull(String value) {
        return value.isBlank() ? null : value.trim();
    }

    static @Nullable UUID uuidOrNull(String value) {
        try {
            return value.isBlank() ? null : UUID.fromString(value.trim());
        } catch (IllegalArgumentException malformed) {
            return null;
        }
    }

    private static @Nullable UUID uuid(String value, String field, List<FieldProblem> problems) {
        if (value.isBlank()) {
            return null;
        }
        UUID parsed = uuidOrNull(value);
        if (parsed == null) {
            problems.add(FieldProblem.of(field, "requests.page.validation.choice"));
        }
        return parsed;
    }

    static @Nullable LocalDate date(String value, String field, List<FieldProblem> problems) {
        String trimmed = value.trim();
        if (trimmed.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(trimmed);
        } catch (DateTimeParseException notIso) {
            try {
                return LocalDate.parse(trimmed, LOCAL_DATE);
            } catch (DateTimeParseException notLocal) {
                problems.add(FieldProblem.of(field, "requests.page.validation.date"));
                return null;
            }
        }
    }

    static <E extends Enum<E>> @Nullable E parse(
            String value, Class<E> type, String field, List<FieldProblem> problems) {
        if (value.isBlank()) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(value.trim())) {
                return constant;
            }
        }
        problems.add(FieldProblem.of(field, "requests.page.validation.choice"));
        return null;
    }
}
