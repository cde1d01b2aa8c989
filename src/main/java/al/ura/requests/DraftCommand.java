package al.ura.requests;

import al.ura.directory.DataCategory;
import al.ura.directory.DataItem;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A request as the officer types it. Everything may be missing while it is a draft; submitting it
 * for authorisation checks it whole (§§24-28). Times are ISO 8601 text with an offset, so a time
 * without a time zone is answered with a field error instead of being guessed.
 *
 * @param acknowledgeRetention the officer has read the warning that a time range starts before the
 *     provider's declared retention and sends it all the same
 */
public record DraftCommand(
        @Nullable RequestType type,
        @Nullable String fileNumber,
        @Nullable String requestingUnit,
        @Nullable String officerName,
        @Nullable String officerPhone,
        @Nullable String officerEmail,
        @Nullable UUID legalProvisionId,
        @Nullable String legalBasisNote,
        @Nullable UUID providerId,
        @Nullable UUID serviceId,
        @Nullable List<IdentifierCommand> identifiers,
        @Nullable String offence,
        @Nullable String summary,
        @Nullable String relevance,
        @Nullable Priority priority,
        boolean emergency,
        @Nullable String emergencyJustification,
        boolean confidential,
        @Nullable LocalDate confidentialUntil,
        @Nullable LocalDate requestedDeadline,
        @Nullable UUID preservationRequestId,
        @Nullable UUID oralRequestId,
        boolean acknowledgeRetention) {

    /**
     * One identifier: its kind and value, for an IP address the source port and the exact time it
     * was seen (with its offset), the data category and finer items sought, and the time range.
     */
    public record IdentifierCommand(
            @Nullable IdentifierKind kind,
            @Nullable String value,
            @Nullable Integer sourcePort,
            @Nullable String observedAt,
            @Nullable String timeZone,
            @Nullable DataCategory category,
            @Nullable List<DataItem> items,
            @Nullable String from,
            @Nullable String to) {}

    public List<IdentifierCommand> identifiersOrEmpty() {
        return identifiers == null ? List.of() : identifiers;
    }
}
