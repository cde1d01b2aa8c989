package al.ura.directory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
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

/** Points of contact with their weekly hours and exceptions; removed contacts are kept for history. */
@Repository
class ContactRepository {

    static final String COLUMNS = "c.id, c.organisation_id, c.contact_function, c.kind, c.name, c.job_title,"
            + " c.phones, c.email, c.languages, c.always_available, c.time_zone, c.last_verified, c.reverify_days,"
            + " c.verification_due";

    /** A contact row before its hours and exceptions are attached. */
    record Row(
            UUID id,
            UUID organisationId,
            ContactFunction function,
            ContactKind kind,
            String name,
            @Nullable String position,
            List<String> phones,
            String email,
            List<String> languages,
            boolean alwaysAvailable,
            ZoneId zone,
            @Nullable LocalDate lastVerified,
            int reverifyDays,
            @Nullable LocalDate verificationDue) {}

    private final JdbcClient jdbc;

    ContactRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Row> find(UUID id) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM contact_point c WHERE c.id = ? AND c.removed_at IS NULL")
                .param(id)
                .query((rs, n) -> map(rs))
                .optional();
    }

    List<Row> ofOrganisation(UUID organisationId) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM contact_point c WHERE c.organisation_id = ?"
                        + " AND c.removed_at IS NULL ORDER BY c.contact_function, c.name, c.id")
                .param(organisationId)
                .query((rs, n) -> map(rs))
                .list();
    }

    /** The verified ones first: a due date not passed, then the latest verified. */
    List<Row> ofOrganisation(UUID organisationId, ContactFunction function, LocalDate today) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM contact_point c WHERE c.organisation_id = ?"
                        + " AND c.contact_function = ? AND c.removed_at IS NULL ORDER BY CASE WHEN"
                        + " c.verification_due >= ? THEN 0 ELSE 1 END, c.last_verified DESC NULLS LAST, c.name, c.id")
                .params(organisationId, function.name(), today)
                .query((rs, n) -> map(rs))
                .list();
    }

    List<Row> inCountry(String country, ContactFunction function, LocalDate today) {
        return jdbc.sql("SELECT " + COLUMNS + " FROM contact_point c JOIN organisation o ON o.id = c.organisation_id"
                        + " WHERE o.country = ? AND o.status = 'ACTIVE' AND c.contact_function = ?"
                        + " AND c.removed_at IS NULL ORDER BY o.short_name, CASE WHEN c.verification_due >= ?"
                        + " THEN 0 ELSE 1 END, c.name, c.id")
                .params(country, function.name(), today)
                .query((rs, n) -> map(rs))
                .list();
    }

    @SuppressWarnings("NullAway") // SQL NULL is a value here
    void insert(Row row, Instant now) {
        jdbc.sql("INSERT INTO contact_point (id, organisation_id, contact_function, kind, name, job_title, phones,"
                        + " email, languages, always_available, time_zone, last_verified, reverify_days,"
                        + " verification_due, created_at, updated_at, country, organisation_active)"
                        + " SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, o.country, o.status = 'ACTIVE'"
                        + " FROM organisation o WHERE o.id = ?")
                .params(
                        row.id(),
                        row.organisationId(),
                        row.function().name(),
                        row.kind().name(),
                        row.name(),
                        row.position(),
                        String.join("\n", row.phones()),
                        row.email(),
                        Fields.column(row.languages()),
                        row.alwaysAvailable(),
                        row.zone().getId(),
                        row.lastVerified(),
                        row.reverifyDays(),
                        row.verificationDue(),
                        OrganisationRepository.utc(now),
                        OrganisationRepository.utc(now),
                        row.organisationId())
                .update();
        rememberZone(row.zone());
    }

    /** Keeps the contacts' copy of their organisation's activity in step with a suspension or reinstatement. */
    void organisationActive(UUID organisationId, boolean active) {
        jdbc.sql("UPDATE contact_point SET organisation_active = ? WHERE organisation_id = ?")
                .params(active, organisationId)
                .update();
    }

    @SuppressWarnings("NullAway") // SQL NULL is a value here
    void update(Row row, Instant now) {
        jdbc.sql("UPDATE contact_point SET contact_function = ?, kind = ?, name = ?, job_title = ?, phones = ?,"
                        + " email = ?, languages = ?, always_available = ?, time_zone = ?, reverify_days = ?,"
                        + " verification_due = ?, updated_at = ? WHERE id = ?")
                .params(
                        row.function().name(),
                        row.kind().name(),
                        row.name(),
                        row.position(),
                        String.join("\n", row.phones()),
                        row.email(),
                        Fields.column(row.languages()),
                        row.alwaysAvailable(),
                        row.zone().getId(),
                        row.reverifyDays(),
                        row.verificationDue(),
                        OrganisationRepository.utc(now),
                        row.id())
                .update();
        rememberZone(row.zone());
    }

    void remove(UUID id, Instant now) {
        jdbc.sql("UPDATE contact_point SET removed_at = ?, updated_at = ? WHERE id = ?")
                .params(OrganisationRepository.utc(now), OrganisationRepository.utc(now), id)
                .update();
    }

    @SuppressWarnings("NullAway") // SQL NULL is a value here
    void markVerified(UUID id, LocalDate on, LocalDate due, @Nullable UUID by, Instant now) {
        jdbc.sql("UPDATE contact_point SET last_verified = ?, verification_due = ?, reminded_for = NULL,"
                        + " overdue_notified_for = NULL, updated_at = ? WHERE id = ?")
                .params(on, due, OrganisationRepository.utc(now), id)
                .update();
        jdbc.sql("INSERT INTO contact_verification (contact_id, verified_on, valid_until, verified_by, verified_at)"
                        + " VALUES (?, ?, ?, ?, ?)")
                .params(id, on, due, by, OrganisationRepository.utc(now))
                .update();
    }

    void replaceHours(UUID contactId, List<WeeklyHours> hours) {
        jdbc.sql("DELETE FROM contact_hours WHERE contact_id = ?")
                .param(contactId)
                .update();
        for (WeeklyHours span : hours) {
            jdbc.sql(
                            "INSERT INTO contact_hours (contact_id, day_of_week, start_minute, end_minute) VALUES (?, ?, ?, ?)")
                    .params(contactId, span.day().getValue(), span.fromMinute(), span.toMinute())
                    .update();
        }
    }

    @SuppressWarnings("NullAway") // SQL NULL is a value here
    UUID addException(UUID contactId, AvailabilityException exception) {
        UUID id = UUID.randomUUID();
        jdbc.sql("INSERT INTO contact_exception (id, contact_id, from_date, to_date, available, start_minute,"
                        + " end_minute, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        id,
                        contactId,
                        exception.from(),
                        exception.to(),
                        exception.available(),
                        minute(exception.start()),
                        exception.end() == null ? null : endMinute(exception.end()),
                        exception.note())
                .update();
        return id;
    }

    boolean removeException(UUID contactId, UUID exceptionId) {
        return jdbc.sql("DELETE FROM contact_exception WHERE id = ? AND contact_id = ?")
                        .params(exceptionId, contactId)
                        .update()
                == 1;
    }

    /** Weekly hours of these contacts, by contact. */
    Map<UUID, List<WeeklyHours>> hours(Collection<UUID> contactIds) {
        Map<UUID, List<WeeklyHours>> result = new HashMap<>();
        if (contactIds.isEmpty()) {
            return result;
        }
        jdbc.sql("SELECT contact_id, day_of_week, start_minute, end_minute FROM contact_hours"
                        + " WHERE contact_id IN (:ids) ORDER BY contact_id, day_of_week, start_minute")
                .param("ids", List.copyOf(contactIds))
                .query(rs -> {
                    result.computeIfAbsent(rs.getObject("contact_id", UUID.class), k -> new ArrayList<>())
                            .add(new WeeklyHours(
                                    DayOfWeek.of(rs.getInt("day_of_week")),
                                    time(rs.getInt("start_minute")),
                                    time(rs.getInt("end_minute"))));
                });
        return result;
    }

    Map<UUID, List<AvailabilityException>> exceptions(Collection<UUID> contactIds) {
        Map<UUID, List<AvailabilityException>> result = new HashMap<>();
        if (contactIds.isEmpty()) {
            return result;
        }
        jdbc.sql("SELECT id, contact_id, from_date, to_date, available, start_minute, end_minute, note"
                        + " FROM contact_exception WHERE contact_id IN (:ids) ORDER BY contact_id, from_date, id")
                .param("ids", List.copyOf(contactIds))
                .query(rs -> {
                    int start = rs.getInt("start_minute");
                    boolean noStart = rs.wasNull();
                    int end = rs.getInt("end_minute");
                    boolean noEnd = rs.wasNull();
                    result.computeIfAbsent(rs.getObject("contact_id", UUID.class), k -> new ArrayList<>())
                            .add(new AvailabilityException(
                                    rs.getObject("id", UUID.class),
                                    rs.getObject("from_date", LocalDate.class),
                                    rs.getObject("to_date", LocalDate.class),
                                    rs.getBoolean("available"),
                                    noStart ? null : time(start),
                                    noEnd ? null : time(end),
                                    rs.getString("note")));
                });
        return result;
    }

    /** Records a zone contacts use; the search computes local time for each one. */
    void rememberZone(ZoneId zone) {
        jdbc.sql("INSERT INTO directory_time_zone (zone) VALUES (?) ON CONFLICT DO NOTHING")
                .param(zone.getId())
                .update();
    }

    List<String> zones() {
        return jdbc.sql("SELECT zone FROM directory_time_zone ORDER BY zone")
                .query((rs, n) -> rs.getString(1))
                .list();
    }

    static @Nullable Integer minute(@Nullable LocalTime time) {
        return time == null ? null : time.getHour() * 60 + time.getMinute();
    }

    static int endMinute(LocalTime time) {
        int minute = time.getHour() * 60 + time.getMinute();
        return minute == 0 ? 24 * 60 : minute;
    }

    static LocalTime time(int minute) {
        return minute >= 24 * 60 ? LocalTime.MIDNIGHT : LocalTime.of(minute / 60, minute % 60);
    }

    static Row map(ResultSet rs) throws SQLException {
        String phones = rs.getString("phones");
        int reverify = rs.getInt("reverify_days");
        return new Row(
                rs.getObject("id", UUID.class),
                rs.getObject("organisation_id", UUID.class),
                ContactFunction.valueOf(rs.getString("contact_function")),
                ContactKind.valueOf(rs.getString("kind")),
                rs.getString("name"),
                rs.getString("job_title"),
                phones == null || phones.isBlank() ? List.of() : List.of(phones.split("\n")),
                rs.getString("email"),
                Fields.fromColumn(rs.getString("languages")),
                rs.getBoolean("always_available"),
                ZoneId.of(rs.getString("time_zone")),
                rs.getObject("last_verified", LocalDate.class),
                reverify,
                rs.getObject("verification_due", LocalDate.class));
    }
}
