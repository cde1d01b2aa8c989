package al.ura.kernel;

import java.time.Instant;
import java.util.UUID;

/** A file kept by {@link FileStore}: what it is, as measured while it was stored, not as the uploader said. */
public record StoredFile(
        UUID id, String originalName, String contentType, long sizeBytes, String sha256, Instant createdAt) {}
