package al.ura.directory;

import al.ura.kernel.SecretCipher;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The organisations' ES256 key pairs: generated here, the private key encrypted with the master key
 * (bound to its key id, so a ciphertext cannot be moved to another row), valid from its creation
 * until {@code ura.directory.signing-key-validity} later or until a rotation retires it. Times are
 * whole seconds, as the JWS {@code iat} is.
 */
@Component
class SigningKeys {

    /** A key as the directory publishes it; {@code retiredAt} is set by a rotation. */
    record SigningKey(
            String kid,
            UUID organisationId,
            String x,
            String y,
            Instant validFrom,
            Instant notAfter,
            @Nullable Instant retiredAt,
            Instant createdAt) {

        /** The last second the key may sign at: its planned end, or its retirement if earlier. */
        Instant validUntil() {
            return retiredAt != null && retiredAt.isBefore(notAfter) ? retiredAt : notAfter;
        }

        boolean validAt(Instant at) {
            return !at.isBefore(validFrom) && !at.isAfter(validUntil());
        }
    }

    private static final String COLUMNS =
            "kid, organisation_id, public_x, public_y, valid_from, not_after, retired_at, created_at";

    private final JdbcClient jdbc;
    private final SecretCipher cipher;
    private final Clock clock;
    private final Duration validity;

    SigningKeys(
            JdbcClient jdbc,
            SecretCipher cipher,
            Clock clock,
            @Value("${ura.directory.signing-key-validity:P730D}") Duration validity) {
        this.jdbc = jdbc;
        this.cipher = cipher;
        this.clock = clock;
        this.validity = validity;
    }

    /** Generates a key valid from now; the caller retires the previous one if this is a rotation. */
    SigningKey generate(UUID organisationId) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        KeyPair pair = Es256.generate();
        String[] xy = Es256.coordinates(pair.getPublic());
        String kid = Es256.thumbprint(xy[0], xy[1]);
        SigningKey key = new SigningKey(kid, organisationId, xy[0], xy[1], now, now.plus(validity), null, now);
        jdbc.sql("INSERT INTO signing_key (kid, organisation_id, algorithm, public_x, public_y, private_key,"
                        + " valid_from, not_after, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        kid,
                        organisationId,
                        Es256.ALGORITHM,
                        key.x(),
                        key.y(),
                        cipher.encrypt(pair.getPrivate().getEncoded(), associatedData(kid, organisationId)),
                        OrganisationRepository.utc(key.validFrom()),
                        OrganisationRepository.utc(key.notAfter()),
                        OrganisationRepository.utc(now))
                .update();
        return key;
    }

    /** Retires every key of the organisation that is still signing and returns how many. */
    int retireCurrent(UUID organisationId, Instant at) {
        return jdbc.sql("UPDATE signing_key SET retired_at = ? WHERE organisation_id = ? AND retired_at IS NULL"
                        + " AND not_after > ?")
                .params(OrganisationRepository.utc(at), organisationId, OrganisationRepository.utc(at))
                .update();
    }

    /** The newest key that may sign now. */
    Optional<SigningKey> current(UUID organisationId, Instant now) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM signing_key WHERE organisation_id = ? AND valid_from <= ?"
                        + " AND not_after > ? AND retired_at IS NULL ORDER BY valid_from DESC, kid"
                        + " FETCH FIRST 1 ROWS ONLY")
                .params(organisationId, OrganisationRepository.utc(now), OrganisationRepository.utc(now))
                .query((rs, n) -> map(rs))
                .optional();
    }

    Optional<SigningKey> find(String kid) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM signing_key WHERE kid = ?")
                .param(kid)
                .query((rs, n) -> map(rs))
                .optional();
    }

    List<SigningKey> of(UUID organisationId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM signing_key WHERE organisation_id = ? ORDER BY valid_from DESC,"
                        + " kid")
                .param(organisationId)
                .query((rs, n) -> map(rs))
                .list();
    }

    /**
     * Decrypted private keys by key id. A key id's key never changes, so nodes cannot disagree about
     * it; which key signs, and whether it still may, is read from the database every time
     * ({@link #current}). Bounded: past the limit it starts afresh.
     */
    private final java.util.concurrent.ConcurrentMap<String, PrivateKey> decrypted =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static final int DECRYPTED_LIMIT = 10_000;

    PrivateKey privateKey(SigningKey key) {
        PrivateKey known = decrypted.get(key.kid());
        if (known != null) {
            return known;
        }
        if (decrypted.size() >= DECRYPTED_LIMIT) {
            decrypted.clear();
        }
        PrivateKey opened = open(key);
        decrypted.put(key.kid(), opened);
        return opened;
    }

    private PrivateKey open(SigningKey key) {
        String sealed = jdbc.sql("SELECT private_key FROM signing_key WHERE kid = ?")
                .param(key.kid())
                .query(String.class)
                .single();
        return Es256.privateKey(cipher.decrypt(sealed, associatedData(key.kid(), key.organisationId())));
    }

    /** Organisations that have no key yet (created before keys existed). */
    List<UUID> organisationsWithoutKey() {
        return jdbc.sql("SELECT o.id FROM organisation o WHERE NOT EXISTS"
                        + " (SELECT 1 FROM signing_key k WHERE k.organisation_id = o.id)")
                .query((rs, n) -> rs.getObject(1, UUID.class))
                .list();
    }

    private static String associatedData(String kid, UUID organisationId) {
        return "signing-key:" + organisationId + ":" + kid;
    }

    private static SigningKey map(java.sql.ResultSet rs) throws java.sql.SQLException {
        Instant retired = OrganisationRepository.instant(rs, "retired_at");
        return new SigningKey(
                rs.getString("kid"),
                rs.getObject("organisation_id", UUID.class),
                rs.getString("public_x"),
                rs.getString("public_y"),
                java.util.Objects.requireNonNull(OrganisationRepository.instant(rs, "valid_from")),
                java.util.Objects.requireNonNull(OrganisationRepository.instant(rs, "not_after")),
                retired,
                java.util.Objects.requireNonNull(OrganisationRepository.instant(rs, "created_at")));
    }
}
