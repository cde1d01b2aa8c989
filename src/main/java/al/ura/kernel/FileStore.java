package al.ura.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps files for every module: the bytes in a folder ({@code URA_FILES_DIR}, shared storage when
 * several nodes run), the metadata in {@code stored_file}. The size limit is enforced while the
 * upload streams in, the SHA-256 is computed on the way, and the content type is read from the
 * bytes themselves; a file whose bytes are not one of the allowed types is refused. Who may read a
 * file, and the audit entry of each download, are the owning module's business.
 */
@Service
public class FileStore {

    /** The kinds of file people exchange in Ura; each module passes the ones it accepts. */
    public static final Set<String> DOCUMENTS = Set.of(
            "application/pdf",
            "image/png",
            "image/jpeg",
            "text/plain",
            "text/csv",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.oasis.opendocument.text",
            "application/vnd.oasis.opendocument.spreadsheet");

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Path root;

    FileStore(JdbcClient jdbc, Clock clock, @Value("${ura.files-dir:./data/files}") String root) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.root = Path.of(root).toAbsolutePath();
    }

    /**
     * Stores an upload. Refuses it (a field problem on {@code field}) when it is empty, larger than
     * {@code maxBytes}, or not one of the {@code allowed} content types.
     */
    @Transactional
    public StoredFile store(
            InputStream content, String originalName, long maxBytes, Set<String> allowed, String field) {
        UUID id = UUID.randomUUID();
        Path target = pathOf(id);
        Path temporary = null;
        try {
            Files.createDirectories(target.getParent());
            temporary = Files.createTempFile(target.getParent(), "upload-", ".part");
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            long size;
            byte[] head = new byte[8192];
            int headLength;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temporary), sha256)) {
                headLength = content.readNBytes(head, 0, head.length);
                out.write(head, 0, headLength);
                size = headLength;
                byte[] buffer = new byte[64 * 1024];
                int read;
                while ((read = content.read(buffer)) != -1) {
                    size += read;
                    if (size > maxBytes) {
                        throw refused(field, "validation.file.too-large", maxBytes / (1024 * 1024));
                    }
                    out.write(buffer, 0, read);
                }
            }
            if (size == 0) {
                throw refused(field, "validation.file.empty");
            }
            if (size > maxBytes) {
                throw refused(field, "validation.file.too-large", maxBytes / (1024 * 1024));
            }
            String name = cleanName(originalName);
            String type = ContentTypes.sniff(head, headLength, name);
            if (!allowed.contains(type)) {
                throw refused(field, "validation.file.type");
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, target);
            }
            temporary = null;
            StoredFile file = new StoredFile(
                    id,
                    name,
                    type,
                    size,
                    HexFormat.of().formatHex(sha256.digest()),
                    clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MICROS));
            jdbc.sql("INSERT INTO stored_file (id, original_name, content_type, size_bytes, sha256, created_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?)")
                    .params(
                            file.id(),
                            file.originalName(),
                            file.contentType(),
                            file.sizeBytes(),
                            file.sha256(),
                            OffsetDateTime.ofInstant(file.createdAt(), ZoneOffset.UTC))
                    .update();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("storing a file failed", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // a stray part file is removed by the next cleanup; the upload was refused anyway
                }
            }
        }
    }

    /** Stores bytes Ura made itself (a generated PDF, an export). */
    @Transactional
    public StoredFile storeGenerated(byte[] content, String name, String contentType) {
        return store(new java.io.ByteArrayInputStream(content), name, Long.MAX_VALUE, Set.of(contentType), "file");
    }

    public Optional<StoredFile> find(UUID id) {
        return jdbc.sql("SELECT id, original_name, content_type, size_bytes, sha256, created_at FROM stored_file"
                        + " WHERE id = ?")
                .param(id)
                .query((rs, n) -> new StoredFile(
                        rs.getObject(1, UUID.class),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getLong(4),
                        rs.getString(5),
                        rs.getObject(6, OffsetDateTime.class).toInstant()))
                .optional();
    }

    /** The bytes of a stored file; the caller checks the reader's right and audits the download first. */
    public InputStream open(UUID id) {
        try {
            return Files.newInputStream(pathOf(id));
        } catch (IOException e) {
            throw new UncheckedIOException("a stored file is missing from the file store: " + id, e);
        }
    }

    private Path pathOf(UUID id) {
        String name = id.toString();
        return root.resolve(name.substring(0, 2)).resolve(name.substring(2, 4)).resolve(name);
    }

    private static ProblemException refused(String field, String key, Object... arguments) {
        return ProblemException.validation(List.of(ProblemException.FieldProblem.of(field, key, arguments)));
    }

    /** The name as shown back to people: no path, no control characters, at most 255 characters. */
    static String cleanName(String name) {
        String base = name.replace('\\', '/');
        base = base.substring(base.lastIndexOf('/') + 1)
                .replaceAll("\\p{Cntrl}", "")
                .strip();
        if (base.isEmpty()) {
            base = "file";
        }
        return base.length() > 255 ? base.substring(base.length() - 255) : base;
    }

    /** Reads the type from the first bytes; the name only tells text formats apart. */
    static final class ContentTypes {

        private ContentTypes() {}

        static String sniff(byte[] head, int length, String name) {
            String lower = name.toLowerCase(Locale.ROOT);
            if (startsWith(head, length, "%PDF-")) {
                return "application/pdf";
            }
            if (length >= 8 && (head[0] & 0xff) == 0x89 && startsWith(head, 1, length, "PNG")) {
                return "image/png";
            }
            if (length >= 3 && (head[0] & 0xff) == 0xFF && (head[1] & 0xff) == 0xD8 && (head[2] & 0xff) == 0xFF) {
                return "image/jpeg";
            }
            if (length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
                String zipped = new String(head, 0, length, java.nio.charset.StandardCharsets.ISO_8859_1);
                if (zipped.contains("word/")) {
                    return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
                }
                if (zipped.contains("xl/")) {
                    return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
                }
                if (zipped.contains("application/vnd.oasis.opendocument.text")) {
                    return "application/vnd.oasis.opendocument.text";
                }
                if (zipped.contains("application/vnd.oasis.opendocument.spreadsheet")) {
                    return "application/vnd.oasis.opendocument.spreadsheet";
                }
                if (lower.endsWith(".docx")) {
                    return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
                }
                if (lower.endsWith(".xlsx")) {
                    return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
                }
                return "application/zip";
            }
            if (isText(head, length)) {
                if (lower.endsWith(".csv")) {
                    return "text/csv";
                }
                if (lower.endsWith(".json")) {
                    return "application/json";
                }
                return "text/plain";
            }
            return "application/octet-stream";
        }

        private static boolean startsWith(byte[] head, int length, String magic) {
            return startsWith(head, 0, length, magic);
        }

        private static boolean startsWith(byte[] head, int offset, int length, String magic) {
            if (length < offset + magic.length()) {
                return false;
            }
            for (int i = 0; i < magic.length(); i++) {
                if (head[offset + i] != magic.charAt(i)) {
                    return false;
                }
            }
            return true;
        }

        /** UTF-8 text without control characters other than whitespace. */
        private static boolean isText(byte[] head, int length) {
            int end = length;
            // A multi-byte character cut at the end of the sample is not a reason to refuse.
            while (end > 0 && end > length - 4 && (head[end - 1] & 0xC0) == 0x80) {
                end--;
            }
            if (end > 0 && (head[end - 1] & 0xC0) == 0xC0) {
                end--;
            }
            var decoder = java.nio.charset.StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT);
            try {
                String text =
                        decoder.decode(java.nio.ByteBuffer.wrap(head, 0, end)).toString();
                for (int i = 0; i < text.length(); i++) {
                    char c = text.charAt(i);
                    if (c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f') {
                        return false;
                    }
                }
                return true;
            } catch (java.nio.charset.CharacterCodingException e) {
                return false;
            }
        }
    }
}
