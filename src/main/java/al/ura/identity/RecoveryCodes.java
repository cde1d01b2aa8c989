package al.ura.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Ten single-use codes for when the authenticator is lost. They carry 50 random bits each, so a
 * plain SHA-256 is enough to keep them; they are shown once.
 */
@Component
class RecoveryCodes {

    static final int COUNT = 10;
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

    private final JdbcClient jdbc;
    private final SecureRandom random = new SecureRandom();

    RecoveryCodes(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<String> regenerate(UUID userId) {
        jdbc.sql("DELETE FROM recovery_code WHERE user_id = ?").param(userId).update();
        List<String> codes = new ArrayList<>(COUNT);
        for (int i = 0; i < COUNT; i++) {
            String code = randomChunk() + "-" + randomChunk();
            codes.add(code);
            jdbc.sql("INSERT INTO recovery_code (user_id, code_hash) VALUES (?, ?)")
                    .params(userId, hash(code))
                    .update();
        }
        return codes;
    }

    /** Uses a code once; true when it was valid and unused. */
    boolean use(UUID userId, String code, Instant now) {
        String normalised = code.trim().toLowerCase(Locale.ROOT);
        if (!normalised.matches("[a-z0-9]{5}-[a-z0-9]{5}")) {
            return false;
        }
        return jdbc.sql("UPDATE recovery_code SET used_at = ? WHERE user_id = ? AND code_hash = ? AND used_at IS NULL")
                        .params(UserRepository.utc(now), userId, hash(normalised))
                        .update()
                == 1;
    }

    int remaining(UUID userId) {
        return jdbc.sql("SELECT COUNT(*) FROM recovery_code WHERE user_id = ? AND used_at IS NULL")
                .param(userId)
                .query(Integer.class)
                .single();
    }

    void clear(UUID userId) {
        jdbc.sql("DELETE FROM recovery_code WHERE user_id = ?").param(userId).update();
    }

    private String randomChunk() {
        StringBuilder chunk = new StringBuilder(5);
        for (int i = 0; i < 5; i++) {
            chunk.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return chunk.toString();
    }

    static String hash(String code) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
