package al.ura.directory;

import java.time.Instant;
import java.util.UUID;

/** A document an organisation publishes in the directory: its cooperation procedures, guidelines, forms. */
public record DocumentView(
        UUID id,
        UUID organisationId,
        String title,
        String language,
        String fileName,
        String contentType,
        long sizeBytes,
        String sha256,
        Instant publishedAt) {}
