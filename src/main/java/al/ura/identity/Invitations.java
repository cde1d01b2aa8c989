package al.ura.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** One-time invitation links; only the SHA-256 of the token is stored. */
@Component
class Invitations {

    private final JdbcClient jdbc;
    private final SecureRandom random = new SecureRandom();

    Invitations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Creates an invitation and returns the token to put in the link. Earlier open invitations lapse. */
    String create(UUID userId, Instant now, Instant expiresAt) {
        jdbc.sql("UPDATE invitation SET used_at = ? WHERE user_id = ? AND used_at IS NULL")
                .params(UserRepository.utc(now), userId)
                .update();
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        jdbc.sql("INSERT INTO invitation (token_hash, user_id, expires_at, created_at) VALUES (?, ?, ?, ?)")
                .params(hash(token), userId, UserRepository.utc(expiresAt), UserRepository.utc(now))
                .update();
        return token;
    }

    /** The user an open, unexpired invitation is for. */
    Optional<UUID> open(String token, Instant now) {
        return jdbc.sql("SELECT user_id FROM invitation WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?")
                .params(hash(token), UserRepository.utc(now))
                .query(UUID.class)
                .optional();
    }

    boolean consume(String token, Instant now) {
        return jdbc.sql("UPDATE invitation SET used_at = ? WHERE token_hash = ? AND used_at IS NULL AND expires_at > ?")
                        .params(UserRepository.utc(now), hash(token), UserRepository.utc(now))
                        .update()
                == 1;
    }

    static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
