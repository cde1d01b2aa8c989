package al.ura.requests;

import al.ura.directory.DataCategory;
import al.ura.directory.DataItem;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A request as the people allowed to read it see it: the requester's request staff and the
 * addressed provider's compliance staff. {@code draft}: what the officer typed, until the request
 * is signed. {@code overdue}: its acknowledgement or answer is late.
 */
public record RequestView(
        UUID id,
        String reference,
        RequestType type,
        RequestStatus status,
        UUID requesterId,
        @Nullable String fileNumber,
        @Nullable String requestingUnit,
        UUID officerId,
        @Nullable String officerName,
        @Nullable String officerPhone,
        @Nullable String officerEmail,
        @Nullable UUID authoriserId,
        @Nullable UUID legalProvisionId,
        @Nullable String legalBasisNote,
        @Nullable UUID providerId,
        @Nullable UUID serviceId,
        List<IdentifierView> identifiers,
        @Nullable String offence,
        @Nullable String summary,
        @Nullable String relevance,
        Priority priority,
        boolean emergency,
        @Nullable String emergencyJustification,
        boolean confidential,
        @Nullable LocalDate confidentialUntil,
        @Nullable LocalDate requestedDeadline,
        @Nullable UUID preservationRequestId,
        @Nullable UUID oralRequestId,
        Instant createdAt,
        @Nullable Instant submittedAt,
        @Nullable Instant receivedAt,
        @Nullable Instant acknowledgedAt,
        @Nullable Instant answeredAt,
        @Nullable Instant closedAt,
        @Nullable Instant withdrawnAt,
        @Nullable Instant acknowledgeDueAt,
        @Nullable Instant answerDueAt,
        boolean overdue,
        @Nullable RefusalReason reason,
        @Nullable String reasonText,
        @Nullable PreservationState preservationState,
        @Nullable Instant preservationExpiresAt,
        int preservationExtensions,
        @Nullable String signatureKeyId,
        @Nullable Instant signedAt,
        int version,
        @Nullable DraftCommand draft) {

    public RequestView {
        identifiers = List.copyOf(identifiers);
    }

    /**
     * This request as its authoriser's approval makes it, equal to what is read back from the row
     * once that is stored: the signature covers what is computed from it (before there is a
     * signature, {@code keyId} and {@code signedAt} are null), and authorising returns it.
     */
    RequestView submitted(
            UUID authoriser,
            Instant at,
            Instant acknowledgeDue,
            Instant answerDue,
            @Nullable String keyId,
            @Nullable Instant signed) {
        return new RequestView(
                id,
                reference,
                type,
                RequestStatus.SUBMITTED,
                requesterId,
                fileNumber,
                requestingUnit,
                officerId,
                officerName,
                officerPhone,
                officerEmail,
                authoriser,
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
                createdAt,
                at,
                receivedAt,
                acknowledgedAt,
                answeredAt,
                closedAt,
                withdrawnAt,
                acknowledgeDue,
                answerDue,
                RequestRepository.overdue(RequestStatus.SUBMITTED, at, acknowledgedAt, acknowledgeDue, answerDue),
                reason,
                reasonText,
                preservationState,
                preservationExpiresAt,
                preservationExtensions,
                keyId,
                signed,
                version + 1,
                null);
    }

    public record IdentifierView(
            int position,
            IdentifierKind kind,
            String value,
            String normalised,
            @Nullable Integer sourcePort,
            @Nullable Instant observedAt,
            @Nullable String observedZone,
            DataCategory category,
            List<DataItem> items,
            @Nullable Instant from,
            @Nullable Instant to) {

        public IdentifierView {
            items = List.copyOf(items);
        }
    }
}
