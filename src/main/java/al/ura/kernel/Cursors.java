package al.ura.kernel;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Opaque cursors: the keyset values of the last row shown, joined and base64url-encoded. */
public final class Cursors {

    private static final char SEPARATOR = '\u001f';
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    private Cursors() {}

    public static String encode(String... values) {
        String joined = String.join(String.valueOf(SEPARATOR), values);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(joined.getBytes(StandardCharsets.UTF_8));
    }

    /** Decodes a cursor into exactly {@code parts} values, or fails with a validation problem. */
    public static List<String> decode(String cursor, int parts) {
        try {
            String joined = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            List<String> values = List.of(joined.split(String.valueOf(SEPARATOR), -1));
            if (values.size() != parts) {
                throw invalid();
            }
            return values;
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    public static int limit(@Nullable Integer requested) {
        if (requested == null) {
            return DEFAULT_LIMIT;
        }
        if (requested < 1 || requested > MAX_LIMIT) {
            throw ProblemException.validation(
                    List.of(ProblemException.FieldProblem.of("limit", "validation.limit", 1, MAX_LIMIT)));
        }
        return requested;
    }

    private static ProblemException invalid() {
        return ProblemException.validation(List.of(ProblemException.FieldProblem.of("cursor", "validation.cursor")));
    }
}
