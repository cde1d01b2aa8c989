package al.ura.directory;

import al.ura.kernel.Actor;
import al.ura.kernel.CursorPage;
import al.ura.kernel.Cursors;
import al.ura.kernel.ProblemException;
import al.ura.kernel.ProblemException.FieldProblem;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Searches the directory in SQL, "available now" included: the contacts' weekly hours and
 * exceptions are rows in their local time, and the local date, weekday and minute of the search's
 * instant are computed once per time zone in use and joined in, so the database filters 50,000
 * contacts without Java looking at any of them. {@link Availability} is the same rule in Java.
 */
@Service
public class DirectorySearch {

    private final JdbcClient jdbc;
    private final ContactRepository contacts;
    private final ContactDirectory contactDirectory;
    private final DirectoryReaders readers;
    private final Clock clock;

    DirectorySearch(
            JdbcClient jdbc,
            ContactRepository contacts,
            ContactDirectory contactDirectory,
            DirectoryReaders readers,
            Clock clock) {
        this.jdbc = jdbc;
        this.contacts = contacts;
        this.contactDirectory = contactDirectory;
        this.readers = readers;
        this.clock = clock;
    }

    /**
     * Autocommitted reads without a transaction of their own: each saves round trips on a hot path,
     * and a page whose contacts changed between its two queries is as good as the next refresh.
     */
    public CursorPage<SearchResult> search(Actor actor, SearchCriteria criteria, @Nullable String cursor, int limit) {
        readers.require(actor, "directory.search", "organisation", null, null);
        return search(criteria, clock.instant(), cursor, limit);
    }

    /** The search at a given instant; the instant decides who is available. */
    public CursorPage<SearchResult> search(SearchCriteria criteria, Instant at, @Nullable String cursor, int limit) {
        String afterName = null;
        UUID afterId = null;
        if (cursor != null) {
            List<String> parts = Cursors.decode(cursor, 2);
            afterName = parts.get(0);
            try {
                afterId = UUID.fromString(parts.get(1));
            } catch (IllegalArgumentException e) {
                throw ProblemException.validation(List.of(FieldProblem.of("cursor", "validation.cursor")));
            }
        }
        Map<String, Object> params = new LinkedHashMap<>();
        String zones = criteria.availableNow() ? zonesAt(at, params) : "";
        String sql = organisationQuery(criteria, zones, afterName, afterId, limit, params);
        List<OrganisationView> organisations = jdbc.sql(sql)
                .params(params)
                .query((rs, n) -> OrganisationRepository.map(rs))
                .list();
        CursorPage<OrganisationView> page = CursorPage.of(
                organisations,
                limit,
                org -> Cursors.encode(org.shortName(), org.id().toString()));
        return new CursorPage<>(withContacts(page.items(), criteria, at, zones, params), page.nextCursor());
    }

    /** The query of one page of organisations; its parameters go into {@code params}. */
    String organisationQuery(
            SearchCriteria criteria,
            String zones,
            @Nullable String afterName,
            @Nullable UUID afterId,
            int limit,
            Map<String, Object> params) {
        StringBuilder sql =
                new StringBuilder("SELECT " + OrganisationRepository.COLUMNS + " FROM organisation o WHERE 1 = 1");
        if (criteria.text() != null) {
            sql.append(" AND (LOWER(o.short_name) LIKE :text ESCAPE '\\' OR LOWER(o.name_sq) LIKE :text ESCAPE '\\'"
                    + " OR LOWER(o.name_en) LIKE :text ESCAPE '\\')");
            params.put("text", "%" + escape(criteria.text().toLowerCase(Locale.ROOT)) + "%");
        }
        if (criteria.type() != null) {
            sql.append(" AND o.type = :type");
            params.put("type", criteria.type().name());
        }
        if (criteria.country() != null) {
            sql.append(" AND o.country = :country");
            params.put("country", criteria.country());
        }
        if (criteria.sector() != null) {
            sql.append(" AND o.sector = :sector");
            params.put("sector", criteria.sector().name());
        }
        if (criteria.filtersContacts() && criteria.country() != null) {
            // Start from the contacts of that country and function (an index), not from every organisation there.
            sql.append(" AND o.status = 'ACTIVE' AND o.id IN (SELECT c.organisation_id FROM contact_point c")
                    .append(zones)
                    .append(" WHERE c.country = :country AND c.organisation_active")
                    .append(contactConditions(criteria, params))
                    .append(")");
        } else if (criteria.filtersContacts()) {
            sql.append(" AND o.status = 'ACTIVE' AND EXISTS (SELECT 1 FROM contact_point c")
                    .append(zones)
                    .append(" WHERE c.organisation_id = o.id")
                    .append(contactConditions(criteria, params))
                    .append(")");
        }
        if (afterName != null && afterId != null) {
            sql.append(" AND (o.short_name > :afterName OR (o.short_name = :afterName AND o.id > :afterId))");
            params.put("afterName", afterName);
            params.put("afterId", afterId);
        }
        sql.append(" ORDER BY o.short_name, o.id FETCH FIRST ")
                .append(limit + 1)
                .append(" ROWS ONLY");
        return sql.toString();
    }

    /** The contacts of the organisations on the page that match the contact filters, in one query. */
    private List<SearchResult> withContacts(
            List<OrganisationView> page,
            SearchCriteria criteria,
            Instant at,
            String zones,
            Map<String, Object> pageParams) {
        if (page.isEmpty()) {
            return List.of();
        }
        Map<String, Object> params = new LinkedHashMap<>(pageParams);
        params.keySet().removeIf(key -> !key.startsWith("z"));
        params.put("organisations", page.stream().map(OrganisationView::id).toList());
        String sql = "SELECT " + ContactRepository.COLUMNS + " FROM contact_point c" + zones
                + " WHERE c.organisation_id IN (:organisations)" + contactConditions(criteria, params)
                + " ORDER BY c.contact_function, c.name, c.id";
        List<ContactRepository.Row> rows = jdbc.sql(sql)
                .params(params)
                .query((rs, n) -> ContactRepository.map(rs))
                .list();
        Map<UUID, List<SearchResult.FoundContact>> byOrganisation = new LinkedHashMap<>();
        for (ContactPointView contact : contactDirectory.views(rows)) {
            byOrganisation
                    .computeIfAbsent(contact.organisationId(), k -> new ArrayList<>())
                    .add(new SearchResult.FoundContact(contact, contact.availableAt(at)));
        }
        return page.stream()
                .map(org -> new SearchResult(org, byOrganisation.getOrDefault(org.id(), List.of())))
                .toList();
    }

    private static String contactConditions(SearchCriteria criteria, Map<String, Object> params) {
        StringBuilder sql = new StringBuilder(" AND c.removed_at IS NULL");
        if (criteria.function() != null) {
            sql.append(" AND c.contact_function = :function");
            params.put("function", criteria.function().name());
        }
        if (criteria.language() != null) {
            sql.append(" AND c.languages LIKE :language");
            params.put("language", "% " + escape(criteria.language()) + " %");
        }
        if (criteria.availableNow()) {
            sql.append(AVAILABLE);
        }
        return sql.toString();
    }

    /**
     * The availability rule of {@link Availability#at}: an exception on the local date decides
     * alone; else 24/7, else a weekly span containing the local minute.
     */
    private static final String AVAILABLE = " AND (EXISTS (SELECT 1 FROM contact_exception e WHERE e.contact_id = c.id"
            + " AND z.zdate BETWEEN e.from_date AND e.to_date AND e.available AND (e.start_minute IS NULL"
            + " OR (z.zminute >= e.start_minute AND z.zminute < e.end_minute)))"
            + " OR (NOT EXISTS (SELECT 1 FROM contact_exception e WHERE e.contact_id = c.id"
            + " AND z.zdate BETWEEN e.from_date AND e.to_date)"
            + " AND (c.always_available OR EXISTS (SELECT 1 FROM contact_hours h WHERE h.contact_id = c.id"
            + " AND h.day_of_week = z.zdow AND h.start_minute <= z.zminute AND h.end_minute > z.zminute))))";

    /**
     * A join with one row per time zone in use: the zone, and the local date, ISO weekday (1 =
     * Monday) and minute of the day of {@code at} there. Zones are whatever Java knows, daylight
     * saving time included; the database only compares numbers.
     */
    String zonesAt(Instant at, Map<String, Object> params) {
        List<String> zones = contacts.zones();
        if (zones.isEmpty()) {
            zones = List.of("UTC");
        }
        StringBuilder values = new StringBuilder(" JOIN (VALUES ");
        for (int i = 0; i < zones.size(); i++) {
            ZonedDateTime local = at.atZone(ZoneId.of(zones.get(i)));
            if (i > 0) {
                values.append(", ");
            }
            values.append("(CAST(:zone")
                    .append(i)
                    .append(" AS VARCHAR(60)), CAST(:zdate")
                    .append(i)
                    .append(" AS DATE), CAST(:zdow")
                    .append(i)
                    .append(" AS INTEGER), CAST(:zminute")
                    .append(i)
                    .append(" AS INTEGER))");
            params.put("zone" + i, zones.get(i));
            params.put("zdate" + i, local.toLocalDate());
            params.put("zdow" + i, local.getDayOfWeek().getValue());
            params.put("zminute" + i, local.getHour() * 60 + local.getMinute());
        }
        return values.append(") AS z (zone, zdate, zdow, zminute) ON z.zone = c.time_zone")
                .toString();
    }

    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
