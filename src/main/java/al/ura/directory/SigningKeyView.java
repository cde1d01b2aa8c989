package al.ura.directory;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A signing key as its organisation and readers of the directory see it; the private part never leaves Ura. */
public record SigningKeyView(
        String kid,
        UUID organisationId,
        String algorithm,
        Instant validFrom,
        Instant notAfter,
        @Nullable Instant retiredAt,
        boolean current) {}
