package al.ura.directory;

import java.sql.ResultSet;
import java.sql.SQLException;
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

    private static final String COLUMNS =
            "id, short_name, name_sq, name_en, type, country, status, platform_operator, created_at";

    private final JdbcClient jdbc;

    OrganisationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<OrganisationView> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM organisation WHERE id = ?")
                .param(id)
                .query((rs, n) -> map(rs))
                .optional();
    }

    Optional<OrganisationView> findByShortName(String shortName) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM organisation WHERE LOWER(short_name) = LOWER(?)")
                .param(shortName)
                .query((rs, n) -> map(rs))
                .optional();
    }

    Optional<OrganisationView> platformOperator() {
        return jdbc.sql("SELECT " + COLUMNS + " FROM organisation WHERE platform_operator = TRUE")
                .query((rs, n) -> map(rs))
                .optional();
    }

    /** Keyset page ordered by short name, then id. */
    List<OrganisationView> page(@Nullable String afterShortName, @Nullable UUID afterId, int limitPlusOne) {
        if (afterShortName == null || afterId == null) {
            return jdbc.sql("SELECT " + COLUMNS + " FROM organisation ORDER BY short_name, id FETCH FIRST "
                            + limitPlusOne + " ROWS ONLY")
                    .query((rs, n) -> map(rs))
                    .list();
        }
        return jdbc.sql("SELECT " + COLUMNS + " FROM organisation WHERE short_name > ? OR (short_name = ? AND id > ?)"
                        + " ORDER BY short_name, id FETCH FIRST " + limitPlusOne + " ROWS ONLY")
                .params(afterShortName, afterShortName, afterId)
                .query((rs, n) -> map(rs))
                .list();
    }

    void insert(OrganisationView org) {
        jdbc.sql("INSERT INTO organisation (" + COLUMNS + ", updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        org.id(),
                        org.shortName(),
                        org.nameSq(),
                        org.nameEn(),
                        org.type().name(),
                        org.country(),
                        org.status().name(),
                        org.platformOperator(),
                        OffsetDateTime.ofInstant(org.createdAt(), ZoneOffset.UTC),
                        OffsetDateTime.ofInstant(org.createdAt(), ZoneOffset.UTC))
                .update();
    }

    int count() {
        return jdbc.sql("SELECT COUNT(*) FROM organisation")
                .query(Integer.class)
                .single();
    }

    private static OrganisationView map(ResultSet rs) throws SQLException {
        return new OrganisationView(
                rs.getObject("id", UUID.class),
                rs.getString("short_name"),
                rs.getString("name_sq"),
                rs.getString("name_en"),
                OrganisationType.valueOf(rs.getString("type")),
                rs.getString("country"),
                OrganisationStatus.valueOf(rs.getString("status")),
                rs.getBoolean("platform_operator"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }
}
