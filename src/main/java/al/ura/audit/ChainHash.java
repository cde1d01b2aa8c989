package al.ura.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The canonical form of a ledger entry and its SHA-256 chain hash. Each field is written as
 * {@code <length in UTF-8 bytes>:<value>} (a null as {@code ~}), in a fixed order, after the
 * previous entry's hash: no two different entries can share a canonical form. The export carries
 * this description so anyone can verify a range offline.
 */
final class ChainHash {

    static final String GENESIS = "0".repeat(64);
    static final String ALGORITHM =
            "hash = hex(SHA-256(UTF-8(field(sequence) field(entryId) field(recordedAtEpochMicros) field(actorKind)"
                    + " field(actorUserId) field(actorOrganisationId) field(action) field(objectType) field(objectId)"
                    + " field(subjectOrganisationId) field(outcome) field(detailsJson) field(previousHash))));"
                    + " field(v) = v == null ? \"~\" : byteLength(UTF-8(v)) + \":\" + v; fields are concatenated without"
                    + " separators; the first entry's previousHash is 64 zeros.";

    private static final HexFormat HEX = HexFormat.of();

    private ChainHash() {}

    static Instant normalise(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS);
    }

    static long epochMicros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }

    static String hash(
            long sequence,
            long entryId,
            Instant recordedAt,
            String actorKind,
            @Nullable UUID actorUserId,
            @Nullable UUID actorOrganisationId,
            String action,
            String objectType,
            @Nullable String objectId,
            @Nullable UUID subjectOrganisationId,
            String outcome,
            String detailsJson,
            String previousHash) {
        return hashOfText(
                sequence,
                entryId,
                recordedAt,
                actorKind,
                actorUserId == null ? null : actorUserId.toString(),
                actorOrganisationId == null ? null : actorOrganisationId.toString(),
                action,
                objectType,
                objectId,
                subjectOrganisationId == null ? null : subjectOrganisationId.toString(),
                outcome,
                detailsJson,
                previousHash);
    }

    /** The same, with the ids already in their canonical text form (as the database returns them). */
    static String hashOfText(
            long sequence,
            long entryId,
            Instant recordedAt,
            String actorKind,
            @Nullable String actorUserId,
            @Nullable String actorOrganisationId,
            String action,
            String objectType,
            @Nullable String objectId,
            @Nullable String subjectOrganisationId,
            String outcome,
            String detailsJson,
            String previousHash) {
        Canonical canonical = CANONICAL.get();
        canonical.reset();
        canonical.field(Long.toString(sequence));
        canonical.field(Long.toString(entryId));
        canonical.field(Long.toString(epochMicros(recordedAt)));
        canonical.field(actorKind);
        canonical.field(actorUserId);
        canonical.field(actorOrganisationId);
        canonical.field(action);
        canonical.field(objectType);
        canonical.field(objectId);
        canonical.field(subjectOrganisationId);
        canonical.field(outcome);
        canonical.field(detailsJson);
        canonical.field(previousHash);
        return HEX.formatHex(canonical.digest());
    }

    /** Per thread: verification hashes hundreds of thousands of entries, so nothing is allocated twice. */
    private static final ThreadLocal<Canonical> CANONICAL = ThreadLocal.withInitial(Canonical::new);

    /** The canonical bytes of one entry, built in place, and their SHA-256. */
    private static final class Canonical {
        private final MessageDigest digest = sha256();
        private byte[] buffer = new byte[1024];
        private int length;

        void reset() {
            length = 0;
        }

        void field(@Nullable String value) {
            if (value == null) {
                append((byte) '~');
                return;
            }
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            String size = Integer.toString(bytes.length);
            for (int i = 0; i < size.length(); i++) {
                append((byte) size.charAt(i));
            }
            append((byte) ':');
            ensure(bytes.length);
            System.arraycopy(bytes, 0, buffer, length, bytes.length);
            length += bytes.length;
        }

        byte[] digest() {
            digest.reset();
            digest.update(buffer, 0, length);
            return digest.digest();
        }

        private void append(byte b) {
            ensure(1);
            buffer[length++] = b;
        }

        private void ensure(int more) {
            if (length + more > buffer.length) {
                buffer = java.util.Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Details as JSON with sorted keys and string values, so the same map always gives the same text. */
    static String detailsJson(Map<String, String> details) {
        StringBuilder out = new StringBuilder("{");
        details.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(entry -> {
            if (out.length() > 1) {
                out.append(',');
            }
            quote(out, entry.getKey());
            out.append(':');
            quote(out, entry.getValue());
        });
        return out.append('}').toString();
    }

    private static void quote(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
