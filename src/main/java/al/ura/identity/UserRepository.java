package al.ura.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Users and their roles. Every list query takes the organisation it is scoped to. */
@Repository
class UserRepository {

    private static final String COLUMNS = "id, organisation_id, email, display_name, kind, status, locale,"
            + " password_hash, totp_secret, totp_enabled, totp_last_step, failed_logins, locked_until,"
            + " last_login_at, demo, created_at";

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<UserRecord> find(UUID id) {
        return withRoles(jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE id = ?")
                        .param(id)
                        .query((rs, n) -> map(rs))
                        .list())
                .stream()
                .findFirst();
    }

    /** Finds a user only within the given organisation: another organisation's user does not exist here. */
    Optional<UserRecord> findInOrganisation(UUID id, UUID organisationId) {
        return withRoles(jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE id = ? AND organisation_id = ?")
                        .params(id, organisationId)
                        .query((rs, n) -> map(rs))
                        .list())
                .stream()
                .findFirst();
    }

    Optional<UserRecord> findByEmail(String email) {
        return withRoles(jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE LOWER(email) = LOWER(?)")
                        .param(email.trim())
                        .query((rs, n) -> map(rs))
                        .list())
                .stream()
                .findFirst();
    }

    boolean exists(UUID id) {
        return jdbc.sql("SELECT COUNT(*) FROM app_user WHERE id = ?")
                        .param(id)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    boolean emailTaken(String email) {
        return jdbc.sql("SELECT COUNT(*) FROM app_user WHERE LOWER(email) = LOWER(?)")
                        .param(email.trim())
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** Keyset page of one organisation's users by display name, then id. */
    List<UserRecord> page(UUID organisationId, @Nullable String afterName, @Nullable UUID afterId, int limitPlusOne) {
        List<UserRecord> rows;
        if (afterName == null || afterId == null) {
            rows = jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE organisation_id = ?"
                            + " ORDER BY display_name, id FETCH FIRST " + limitPlusOne + " ROWS ONLY")
                    .param(organisationId)
                    .query((rs, n) -> map(rs))
                    .list();
        } else {
            rows = jdbc.sql("SELECT " + COLUMNS + " FROM app_user WHERE organisation_id = ?"
                            + " AND (display_name > ? OR (display_name = ? AND id > ?))"
                            + " ORDER BY display_name, id FETCH FIRST " + limitPlusOne + " ROWS ONLY")
                    .params(organisationId, afterName, afterName, afterId)
                    .query((rs, n) -> map(rs))
                    .list();
        }
        return withRoles(rows);
    }

    List<UUID> activePeopleWithAnyRole(UUID organisationId, List<String> roleCodes) {
        return jdbc.sql("SELECT DISTINCT u.id FROM app_user u JOIN user_role r ON r.user_id = u.id"
                        + " WHERE u.organisation_id = :org AND u.kind = 'PERSON' AND u.status = 'ACTIVE'"
                        + " AND r.role_code IN (:roles)")
                .param("org", organisationId)
                .param("roles", roleCodes)
                .query((rs, n) -> rs.getObject(1, UUID.class))
                .list();
    }

    boolean anyWithRole(String roleCode) {
        return jdbc.sql("SELECT COUNT(*) FROM user_role r JOIN app_user u ON u.id = r.user_id"
                                + " WHERE r.role_code = ? AND u.status <> 'DISABLED'")
                        .param(roleCode)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    @SuppressWarnings("NullAway") // SQL NULL is a value here
    void insert(UserRecord user) {
        OffsetDateTime now = utc(user.createdAt());
        jdbc.sql("INSERT INTO app_user (" + COLUMNS
                        + ", updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        user.id(),
                        user.organisationId(),
                        user.email(),
                        user.displayName(),
                        user.kind().name(),
                        user.status().name(),
                        user.locale(),
                        user.passwordHash(),
                        user.totpSecret(),
                        user.totpEnabled(),
                        user.totpLastStep(),
                        user.failedLogins(),
                        user.lockedUntil() == null ? null : utc(user.lockedUntil()),
                        user.lastLoginAt() == null ? null : utc(user.lastLoginAt()),
                        user.demo(),
                        now,
                        now)
                .update();
        replaceRoles(user.id(), user.roles());
    }

    void replaceRoles(UUID userId, Collection<String> roles) {
        jdbc.sql("DELETE FROM user_role WHERE user_id = ?").param(userId).update();
        for (String role : roles) {
            jdbc.sql("INSERT INTO user_role (user_id, role_code) VALUES (?, ?)")
                    .params(userId, role)
                    .update();
        }
    }

    void updateProfile(UUID id, String displayName, Instant now) {
        jdbc.sql("UPDATE app_user SET display_name = ?, updated_at = ? WHERE id = ?")
                .params(displayName, utc(now), id)
                .update();
    }

    void updateStatus(UUID id, UserStatus status, Instant now) {
        jdbc.sql("UPDATE app_user SET status = ?, updated_at = ? WHERE id = ?")
                .params(status.name(), utc(now), id)
                .update();
    }

    void updatePassword(UUID id, String passwordHash, Instant now) {
        jdbc.sql("UPDATE app_user SET password_hash = ?, failed_logins = 0, locked_until = NULL, updated_at = ?"
                        + " WHERE id = ?")
                .params(passwordHash, utc(now), id)
                .update();
    }

    void updateLocale(UUID id, String locale) {
        jdbc.sql("UPDATE app_user SET locale = ? WHERE id = ?")
                .params(locale, id)
                .update();
    }

    /** Counts a failed attempt; returns the new count. Atomic, so parallel attempts on several nodes all count. */
    int recordFailure(UUID id, Instant now) {
        jdbc.sql("UPDATE app_user SET failed_logins = failed_logins + 1, updated_at = ? WHERE id = ?")
                .params(utc(now), id)
                .update();
        return jdbc.sql("SELECT failed_logins FROM app_user WHERE id = ?")
                .param(id)
                .query(Integer.class)
                .single();
    }

    void lock(UUID id, Instant until) {
        jdbc.sql("UPDATE app_user SET locked_until = ?, failed_logins = 0 WHERE id = ?")
                .params(utc(until), id)
                .update();
    }

    void recordSuccess(UUID id, Instant now) {
        jdbc.sql("UPDATE app_user SET failed_logins = 0, locked_until = NULL, last_login_at = ? WHERE id = ?")
                .params(utc(now), id)
                .update();
    }

    @SuppressWarnings("NullAway") // SQL NULL is a value here
    void setTotp(UUID id, @Nullable String encryptedSecret, boolean enabled, Instant now) {
        jdbc.sql(
                        "UPDATE app_user SET totp_secret = ?, totp_enabled = ?, totp_last_step = 0, updated_at = ? WHERE id = ?")
                .params(encryptedSecret, enabled, utc(now), id)
                .update();
    }

    /** Accepts a TOTP step only if it is later than the last one: a code cannot be replayed, even on another node. */
    boolean acceptTotpStep(UUID id, long step) {
        return jdbc.sql("UPDATE app_user SET totp_last_step = ? WHERE id = ? AND totp_last_step < ?")
                        .params(step, id, step)
                        .update()
                == 1;
    }

    private List<UserRecord> withRoles(List<UserRecord> users) {
        if (users.isEmpty()) {
            return users;
        }
        Map<UUID, List<String>> roles = new HashMap<>();
        List<UUID> ids = users.stream().map(UserRecord::id).toList();
        jdbc.sql("SELECT user_id, role_code FROM user_role WHERE user_id IN (:ids) ORDER BY role_code")
                .param("ids", ids)
                .query(rs -> {
                    roles.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                            .add(rs.getString(2));
                });
        return users.stream()
                .map(u -> new UserRecord(
                        u.id(),
                        u.organisationId(),
                        u.email(),
                        u.displayName(),
                        u.kind(),
                        u.status(),
                        u.locale(),
                        u.passwordHash(),
                        u.totpSecret(),
                        u.totpEnabled(),
                        u.totpLastStep(),
                        u.failedLogins(),
                        u.lockedUntil(),
                        u.lastLoginAt(),
                        u.demo(),
                        u.createdAt(),
                        roles.getOrDefault(u.id(), List.of())))
                .toList();
    }

    private static UserRecord map(ResultSet rs) throws SQLException {
        return new UserRecord(
                rs.getObject("id", UUID.class),
                rs.getObject("organisation_id", UUID.class),
                rs.getString("email"),
                rs.getString("display_name"),
                UserKind.valueOf(rs.getString("kind")),
                UserStatus.valueOf(rs.getString("status")),
                rs.getString("locale"),
                rs.getString("password_hash"),
                rs.getString("totp_secret"),
                rs.getBoolean("totp_enabled"),
                rs.getLong("totp_last_step"),
                rs.getInt("failed_logins"),
                instant(rs, "locked_until"),
                instant(rs, "last_login_at"),
                rs.getBoolean("demo"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                List.of());
    }

    static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
