package al.ura.monitoring;

import java.time.LocalDate;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An agreement or memorandum signed with a partner, as the register keeps it and the report lists it. */
public record AgreementView(
        UUID id,
        String title,
        String parties,
        Kind kind,
        Partner partner,
        LocalDate signedOn,
        @Nullable String scope,
        Status status,
        @Nullable Document document,
        int version) {

    /** Names under {@code monitoring.agreement.kind.<NAME>}. */
    public enum Kind {
        AGREEMENT,
        MEMORANDUM
    }

    /** Who the partner is: names under {@code monitoring.agreement.partner.<NAME>}. */
    public enum Partner {
        PUBLIC,
        PRIVATE,
        FOREIGN
    }

    /** Names under {@code monitoring.agreement.status.<NAME>}. */
    public enum Status {
        SIGNED,
        IN_FORCE,
        EXPIRED,
        TERMINATED
    }

    /** The signed document: its name, type, size and SHA-256, not its bytes. */
    public record Document(UUID fileId, String name, String contentType, long sizeBytes, String sha256) {}
}
