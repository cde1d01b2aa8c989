package al.ura.directory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class OrganisationRepository {

    static final String COLUMNS = "o.id, o.short_name, o.name_sq, o.name_en, o.type, o.country, o.status,"
            + " o.platform_operator, o.created_at, o.sector, o.official_domains, o.switchboard_phone, o.website,"
            + " o.postal_address, o.languages, o.verification, o.verified_by, o.verified_at, o.suspended_at,"
            + " o.logo_file_id, o.version";

    private final JdbcClient jdbc;

    OrganisationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<OrganisationView> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM organisation o WHERE o.id = ?")
                .param(id)
                .query((rs, n) -> map(rs))
                .optional();
    }

    List<OrganisationView> findAll(java.util.Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM organisation o WHERE o.id IN (:ids)")
                .param("ids", List.copyOf(ids))
                .query((rs, n) -> map(rs))
                .list();
    }

    /** Locks the row for a change, so two administrators' saves are applied one after the other. */
    Optional<OrganisationView> findForUpdate(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM organisation o WHERE o.id = ? FOR UPDATE")
                .param(id)
                .query((rs, n) -> map(rs))
                .optional();
    }

    Optional<OrganisationView> findByShortName(String shortName) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM organisation o WHERE LOWER(o.short_name) = LOWER(?)")
                .param(shortName)
                .query((rs, n) -> map(rs))
                .optional();
    }

    Optional<OrganisationView> platformOperator() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM organisation o WHERE o.platform_operator = TRUE")
                .query((rs, n) -> map(rs))
                .optional();
    }

    boolean suspended(UUID id) {
        return jdbc.sql("SELECT status FROM organisation WHERE id = ?")
                .param(id)
                .query(String.class)
                .optional()
                .map(OrganisationStatus.SUSPENDED.name()::equals)
                .orElse(false);
    }

    List<UUID> allIds() {
        return jdbc.sql("SELECT id FROM organisation")
                .query((rs, n) -> rs.getObject(1, UUID.class))
                .list();
    }

    /** Keyset page ordered by short name, then id. */
    List<OrganisationView> page(@Nullable String afterShortName, @Nullable UUID afterId, int limitPlusOne) {
        if (afterShortName == null || afterId == null) {
            return jdbc.sql("SELECT " + COLUMNS + " FROM organisation o ORDER BY o.short_name, o.id FETCH FIRST "
                            + limitPlusOne + " ROWS ONLY")
                    .query((rs, n) -> map(rs))
                    .list();
        }
        return jdbc.sql("SELECT " + COLUMNS
                        + " FROM organisation o WHERE o.short_name > ? OR (o.short_name = ? AND o.id > ?)"
                        + " ORDER BY o.short_name, o.id FETCH FIRST " + limitPlusOne + " ROWS ONLY")
                .params(afterShortName, afterShortName, afterId)
                .query((rs, n) -> map(rs))
                .list();
    }

    @SuppressWarnings("NullAway") // SQL NULL is a value here
    void insert(OrganisationView org) {
        jdbc.sql("INSERT INTO organisation (id, short_name, name_sq, name_en, type, country, status,"
                        + " platform_operator, created_at, updated_at, sector, official_domains, switchboard_phone,"
                        + " website, postal_address, languages, verification, verified_by, verified_at)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        org.id(),
                        org.shortName(),
                        org.nameSq(),
                        org.nameEn(),
                        org.type().name(),
                        org.country(),
                        org.status().name(),
                        org.platformOperator(),
                        utc(org.createdAt()),
                        utc(org.createdAt()),
                        org.sector() == null ? null : org.sector().name(),
                        Fields.column(org.officialDomains()),
                        org.switchboardPhone(),
                        org.website(),
                        org.postalAddress(),
                        Fields.column(org.languages()),
                        org.verificationLevel().name(),
                        org.verifiedBy(),
                        org.verifiedAt() == null ? null : utc(org.verifiedAt()))
                .update();
    }

    @SuppressWarnings("NullAway") // SQL NULL is a value here
    void updateProfile(OrganisationView org, Instant now) {
        jdbc.sql("UPDATE organisation SET name_sq = ?, name_en = ?, sector = ?, official_domains = ?,"
                        + " switchboard_phone = ?, website = ?, postal_address = ?, languages = ?, updated_at = ?,"
                        + " version = version + 1 WHERE id = ?")
                .params(
                        org.nameSq(),
                        org.nameEn(),
                        org.sector() == null ? null : org.sector().name(),
                        Fields.column(org.officialDomains()),
                        org.switchboardPhone(),
                        org.website(),
                        org.postalAddress(),
                        Fields.column(org.languages()),
                        utc(now),
                        org.id())
                .update();
    }

    @SuppressWarnings("NullAway") // SQL NULL is a value here
    void setLogo(UUID id, @Nullable UUID fileId, Instant now) {
        jdbc.sql("UPDATE organisation SET logo_file_id = ?, updated_at = ?, version = version + 1 WHERE id = ?")
                .params(fileId, utc(now), id)
                .update();
    }

    @SuppressWarnings("NullAway") // SQL NULL is a value here
    void verify(UUID id, @Nullable UUID by, Instant now) {
        jdbc.sql("UPDATE organisation SET verification = 'VERIFIED', verified_by = ?, verified_at = ?, updated_at = ?,"
                        + " version = version + 1 WHERE id = ?")
                .params(by, utc(now), utc(now), id)
                .update();
    }

    @SuppressWarnings("NullAway") // SQL NULL is a value here
    void suspend(UUID id, @Nullable UUID by, String reason, Instant now) {
        jdbc.sql("UPDATE organisation SET status = 'SUSPENDED', verification = 'SUSPENDED', suspended_at = ?,"
                        + " updated_at = ?, version = version + 1 WHERE id = ?")
                .params(utc(now), utc(now), id)
                .update();
        jdbc.sql("UPDATE contact_point SET organisation_active = FALSE WHERE organisation_id = ?")
                .param(id)
                .update();
        jdbc.sql("INSERT INTO organisation_suspension (id, organisation_id, suspended_at, suspended_by, reason)"
                        + " VALUES (?, ?, ?, ?, ?)")
                .params(UUID.randomUUID(), id, utc(now), by, reason)
                .update();
    }

    /** Back to verified if the operator had verified it before, else registered. */
    @SuppressWarnings("NullAway") // SQL NULL is a value here
    void reinstate(UUID id, @Nullable UUID by, Instant now) {
        jdbc.sql("UPDATE organisation SET status = 'ACTIVE', suspended_at = NULL, updated_at = ?,"
                        + " verification = CASE WHEN verified_at IS NULL THEN 'REGISTERED' ELSE 'VERIFIED' END,"
                        + " version = version + 1 WHERE id = ?")
                .params(utc(now), id)
                .update();
        jdbc.sql("UPDATE contact_point SET organisation_active = TRUE WHERE organisation_id = ?")
                .param(id)
                .update();
        jdbc.sql("UPDATE organisation_suspension SET reinstated_at = ?, reinstated_by = ?"
                        + " WHERE organisation_id = ? AND reinstated_at IS NULL")
                .params(utc(now), by, id)
                .update();
    }

    /** Whether the organisation was suspended at that instant. */
    boolean suspendedAt(UUID id, Instant at) {
        return jdbc.sql("SELECT COUNT(*) FROM organisation_suspension WHERE organisation_id = ? AND suspended_at <= ?"
                                + " AND (reinstated_at IS NULL OR reinstated_at > ?)")
                        .params(id, utc(at), utc(at))
                        .query(Integer.class)
                        .single()
                > 0;
    }

    int count() {
        return jdbc.sql("SELECT COUNT(*) FROM organisation")
                .query(Integer.class)
                .single();
    }

    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static @Nullable Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static OrganisationView map(ResultSet rs) throws SQLException {
        String sector = rs.getString("sector");
        return new OrganisationView(
                rs.getObject("id", UUID.class),
                rs.getString("short_name"),
                rs.getString("name_sq"),
                rs.getString("name_en"),
                OrganisationType.valueOf(rs.getString("type")),
                rs.getString("country"),
                OrganisationStatus.valueOf(rs.getString("status")),
                rs.getBoolean("platform_operator"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                sector == null ? null : Sector.valueOf(sector),
                Fields.fromColumn(rs.getString("official_domains")),
                rs.getString("switchboard_phone"),
                rs.getString("website"),
                rs.getString("postal_address"),
                Fields.fromColumn(rs.getString("languages")),
                VerificationLevel.valueOf(rs.getString("verification")),
                rs.getObject("verified_by", UUID.class),
                instant(rs, "verified_at"),
                instant(rs, "suspended_at"),
                rs.getObject("logo_file_id", UUID.class),
                rs.getInt("version"));
    }
}
