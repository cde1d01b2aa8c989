package al.ura.requests;

import al.ura.directory.DataCategory;
import al.ura.directory.DataItem;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A copy of a draft whose fields a test changes one by one, to make a variation of a valid
 * request: {@code DraftVariation.of(draft).with(d -> d.offence = null).build()}.
 */
final class DraftVariation {

    @Nullable
    RequestType type;

    @Nullable
    String fileNumber;

    @Nullable
    String requestingUnit;

    @Nullable
    String officerName;

    @Nullable
    String officerPhone;

    @Nullable
    String officerEmail;

    @Nullable
    UUID legalProvisionId;

    @Nullable
    String legalBasisNote;

    @Nullable
    UUID providerId;

    @Nullable
    UUID serviceId;

    @Nullable
    List<Identifier> identifiers;

    @Nullable
    String offence;

    @Nullable
    String summary;

    @Nullable
    String relevance;

    @Nullable
    Priority priority;

    boolean emergency;

    @Nullable
    String emergencyJustification;

    boolean confidential;

    @Nullable
    LocalDate confidentialUntil;

    @Nullable
    LocalDate requestedDeadline;

    @Nullable
    UUID preservationRequestId;

    @Nullable
    UUID oralRequestId;

    boolean acknowledgeRetention;

    static DraftVariation of(DraftCommand d) {
        DraftVariation v = new DraftVariation();
        v.type = d.type();
        v.fileNumber = d.fileNumber();
        v.requestingUnit = d.requestingUnit();
        v.officerName = d.officerName();
        v.officerPhone = d.officerPhone();
        v.officerEmail = d.officerEmail();
        v.legalProvisionId = d.legalProvisionId();
        v.legalBasisNote = d.legalBasisNote();
        v.providerId = d.providerId();
        v.serviceId = d.serviceId();
        v.identifiers = d.identifiers() == null
                ? null
                : new ArrayList<>(d.identifiers().stream().map(Identifier::of).toList());
        v.offence = d.offence();
        v.summary = d.summary();
        v.relevance = d.relevance();
        v.priority = d.priority();
        v.emergency = d.emergency();
        v.emergencyJustification = d.emergencyJustification();
        v.confidential = d.confidential();
        v.confidentialUntil = d.confidentialUntil();
        v.requestedDeadline = d.requestedDeadline();
        v.preservationRequestId = d.preservationRequestId();
        v.oralRequestId = d.oralRequestId();
        v.acknowledgeRetention = d.acknowledgeRetention();
        return v;
    }

    DraftVariation with(Consumer<DraftVariation> change) {
        change.accept(this);
        return this;
    }

    /** Changes the first identifier. */
    DraftVariation identifier(Consumer<Identifier> change) {
        change.accept(identifiers.getFirst());
        return this;
    }

    DraftCommand build() {
        return new DraftCommand(
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
                identifiers == null
                        ? null
                        : identifiers.stream().map(Identifier::build).toList(),
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
                acknowledgeRetention);
    }

    /** One identifier, to vary the same way. */
    static final class Identifier {
        @Nullable
        IdentifierKind kind;

        @Nullable
        String value;

        @Nullable
        Integer sourcePort;

        @Nullable
        String observedAt;

        @Nullable
        String timeZone;

        @Nullable
        DataCategory category;

        @Nullable
        List<DataItem> items;

        @Nullable
        String from;

        @Nullable
        String to;

        static Identifier of(DraftCommand.IdentifierCommand i) {
            Identifier v = new Identifier();
            v.kind = i.kind();
            v.value = i.value();
            v.sourcePort = i.sourcePort();
            v.observedAt = i.observedAt();
            v.timeZone = i.timeZone();
            v.category = i.category();
            v.items = i.items();
            v.from = i.from();
            v.to = i.to();
            return v;
        }

        DraftCommand.IdentifierCommand build() {
            return new DraftCommand.IdentifierCommand(
                    kind, value, sourcePort, observedAt, timeZone, category, items, from, to);
        }
    }
}
