package al.ura.directory;

import java.time.Instant;
import java.util.UUID;

/** A signature made by {@link DocumentSigning#sign}: the detached JWS and what it names. */
public record SignedDocument(String detachedJws, String keyId, UUID organisationId, Instant signedAt) {}
