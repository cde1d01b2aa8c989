package al.ura.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ApiTokenRepository {

    private static final String COLUMNS = "t.id, t.organisation_id, t.user_id, t.name, t.token_prefix, t.permissions,"
            + " t.expires_at, t.revoked_at, t.last_used_at, t.created_at, t.demo";

    private final JdbcClient jdbc;

    ApiTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A token row with what authentication needs about its service account. */
    record TokenRow(ApiTokenView view, boolean demo, String accountName, String accountStatus) {}

    Optional<TokenRow> findByHash(String hash) {
        return jdbc.sql("SELECT " + COLUMNS + ", u.display_name, u.status FROM api_token t"
                        + " JOIN app_user u ON u.id = t.user_id WHERE t.token_hash = ?")
                .param(hash)
                .query((rs, n) -> new TokenRow(
                        map(rs), rs.getBoolean("demo"), rs.getString("display_name"), rs.getString("status")))
                .optional();
    }

    Optional<ApiTokenView> findInOrganisation(UUID id, UUID organisationId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM api_token t WHERE t.id = ? AND t.organisation_id = ?")
                .params(id, organisationId)
                .query((rs, n) -> map(rs))
                .optional();
    }

    boolean exists(UUID id) {
        return jdbc.sql("SELECT COUNT(*) FROM api_token WHERE id = ?")
                        .param(id)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    List<ApiTokenView> listForOrganisation(UUID organisationId) {
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM api_token t WHERE t.organisation_id = ? ORDER BY t.created_at DESC")
                .param(organisationId)
                .query((rs, n) -> map(rs))
                .list();
    }

    void insert(ApiTokenView token, String hash, UUID createdBy, boolean demo) {
        jdbc.sql("INSERT INTO api_token (id, organisation_id, user_id, name, token_hash, token_prefix, permissions,"
                        + " expires_at, created_by, created_at, demo) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        token.id(),
                        token.organisationId(),
                        token.serviceAccountId(),
                        token.name(),
                        hash,
                        token.prefix(),
                        String.join(" ", token.permissions()),
                        UserRepository.utc(token.expiresAt()),
                        createdBy,
                        UserRepository.utc(token.createdAt()),
                        demo)
                .update();
    }

    boolean revoke(UUID id, Instant now) {
        return jdbc.sql("UPDATE api_token SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL")
                        .params(UserRepository.utc(now), id)
                        .update()
                == 1;
    }

    /** Marks use at most once per interval, on whichever node gets there first; true when this call did. */
    boolean markUsed(UUID id, Instant now, Instant notSince) {
        return jdbc.sql(
                                "UPDATE api_token SET last_used_at = ? WHERE id = ? AND (last_used_at IS NULL OR last_used_at <= ?)")
                        .params(UserRepository.utc(now), id, UserRepository.utc(notSince))
                        .update()
                == 1;
    }

    private static ApiTokenView map(ResultSet rs) throws SQLException {
        String permissions = rs.getString("permissions");
        return new ApiTokenView(
                rs.getObject("id", UUID.class),
                rs.getObject("organisation_id", UUID.class),
                rs.getObject("user_id", UUID.class),
                rs.getString("name"),
                rs.getString("token_prefix"),
                permissions.isBlank() ? List.of() : Arrays.asList(permissions.split(" ")),
                rs.getObject("expires_at", OffsetDateTime.class).toInstant(),
                UserRepository.instant(rs, "revoked_at"),
                UserRepository.instant(rs, "last_used_at"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
