package al.ura.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The ledger's SQL: entries, the queue of entries still to seal, the chain and its head. */
@Repository
class AuditRepository {

    private static final TypeReference<Map<String, String>> DETAILS = new TypeReference<>() {};

    static final String ENTRY_COLUMNS = "e.id, e.recorded_at, e.actor_kind, e.actor_user_id, e.actor_org_id, e.action,"
            + " e.object_type, e.object_id, e.subject_org_id, e.outcome, e.details";

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final JsonMapper json;

    AuditRepository(JdbcClient jdbc, JdbcTemplate jdbcTemplate, JsonMapper json) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.json = json;
    }

    @SuppressWarnings("NullAway") // SQL NULL is a value here
    long insert(StoredEntry entry) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO audit_entry (recorded_at, actor_kind, actor_user_id, actor_org_id, action, object_type,"
                        + " object_id, subject_org_id, outcome, details) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        OffsetDateTime.ofInstant(entry.recordedAt(), ZoneOffset.UTC),
                        entry.actorKind(),
                        entry.actorUserId(),
                        entry.actorOrganisationId(),
                        entry.action(),
                        entry.objectType(),
                        entry.objectId(),
                        entry.subjectOrganisationId(),
                        entry.outcome(),
                        entry.detailsJson())
                .update(keys, "id");
        Number id = keys.getKey();
        if (id == null) {
            throw new IllegalStateException("the database returned no id for a ledger entry");
        }
        jdbc.sql("INSERT INTO audit_pending (entry_id) VALUES (?)")
                .param(id.longValue())
                .update();
        return id.longValue();
    }

    /** Locks the chain head: whoever holds it is the only one sealing, on any node. */
    ChainHead lockHead() {
        return jdbc.sql("SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1 FOR UPDATE")
                .query((rs, n) -> new ChainHead(rs.getLong(1), rs.getString(2)))
                .single();
    }

    ChainHead head() {
        return jdbc.sql("SELECT last_seq, last_hash FROM audit_chain_head WHERE id = 1")
                .query((rs, n) -> new ChainHead(rs.getLong(1), rs.getString(2)))
                .single();
    }

    List<StoredEntry> pending(int limit) {
        return jdbc.sql("SELECT " + ENTRY_COLUMNS
                        + " FROM audit_pending p JOIN audit_entry e ON e.id = p.entry_id ORDER BY p.entry_id"
                        + " FETCH FIRST " + limit + " ROWS ONLY")
                .query((rs, n) -> entry(rs))
                .list();
    }

    void seal(List<SealedLink> links, ChainHead newHead, Instant sealedAt) {
        OffsetDateTime at = OffsetDateTime.ofInstant(sealedAt, ZoneOffset.UTC);
        jdbcTemplate.batchUpdate(
                "INSERT INTO audit_chain (seq, entry_id, prev_hash, hash, sealed_at) VALUES (?, ?, ?, ?, ?)",
                links,
                1000,
                (ps, link) -> {
                    ps.setLong(1, link.sequence());
                    ps.setLong(2, link.entryId());
                    ps.setString(3, link.previousHash());
                    ps.setString(4, link.hash());
                    ps.setObject(5, at);
                });
        jdbcTemplate.batchUpdate(
                "DELETE FROM audit_pending WHERE entry_id = ?",
                links,
                1000,
                (ps, link) -> ps.setLong(1, link.entryId()));
        jdbc.sql("UPDATE audit_chain_head SET last_seq = ?, last_hash = ? WHERE id = 1")
                .params(newHead.lastSequence(), newHead.lastHash())
                .update();
    }

    long pendingCount() {
        return jdbc.sql("SELECT COUNT(*) FROM audit_pending").query(Long.class).single();
    }

    /** Entries that are neither chained nor waiting to be: only a direct deletion makes these. */
    long unchainedCount() {
        return jdbc.sql("SELECT COUNT(*) FROM audit_entry e WHERE NOT EXISTS"
                        + " (SELECT 1 FROM audit_chain c WHERE c.entry_id = e.id) AND NOT EXISTS"
                        + " (SELECT 1 FROM audit_pending p WHERE p.entry_id = e.id)")
                .query(Long.class)
                .single();
    }

    /** Streams the chain in order, entry columns null where an entry row has gone. */
    void streamChain(long fromSequenceExclusive, long toSequenceInclusive, RowCallbackHandler handler) {
        jdbcTemplate.query(
                con -> {
                    var ps = con.prepareStatement(
                            "SELECT c.seq, c.entry_id AS chained_entry_id, c.prev_hash, c.hash, " + ENTRY_COLUMNS
                                    + " FROM audit_chain c LEFT JOIN audit_entry e ON e.id = c.entry_id"
                                    + " WHERE c.seq > ? AND c.seq <= ? ORDER BY c.seq");
                    ps.setLong(1, fromSequenceExclusive);
                    ps.setLong(2, toSequenceInclusive);
                    ps.setFetchSize(5000);
                    return ps;
                },
                handler);
    }

    /**
     * The entry columns by position, starting at {@code first} (in {@link #ENTRY_COLUMNS} order):
     * static and by index, because verification maps hundreds of thousands of rows.
     */
    static StoredEntry entryAt(ResultSet rs, int first) throws SQLException {
        return new StoredEntry(
                rs.getLong(first),
                rs.getObject(first + 1, OffsetDateTime.class).toInstant(),
                rs.getString(first + 2),
                rs.getObject(first + 3, UUID.class),
                rs.getObject(first + 4, UUID.class),
                rs.getString(first + 5),
                rs.getString(first + 6),
                rs.getString(first + 7),
                rs.getObject(first + 8, UUID.class),
                rs.getString(first + 9),
                rs.getString(first + 10));
    }

    StoredEntry entry(ResultSet rs) throws SQLException {
        return new StoredEntry(
                rs.getLong("id"),
                rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
                rs.getString("actor_kind"),
                rs.getObject("actor_user_id", UUID.class),
                rs.getObject("actor_org_id", UUID.class),
                rs.getString("action"),
                rs.getString("object_type"),
                rs.getString("object_id"),
                rs.getObject("subject_org_id", UUID.class),
                rs.getString("outcome"),
                rs.getString("details"));
    }

    List<AuditEntryView> list(EntryFilter filter, int limitPlusOne) {
        StringBuilder sql = new StringBuilder(
                "SELECT " + ENTRY_COLUMNS
                        + ", c.seq, c.prev_hash, c.hash FROM audit_entry e LEFT JOIN audit_chain c ON c.entry_id = e.id WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (filter.organisation() != null) {
            sql.append(" AND (e.subject_org_id = ? OR e.actor_org_id = ?)");
            params.add(filter.organisation());
            params.add(filter.organisation());
        }
        if (filter.action() != null) {
            sql.append(" AND e.action = ?");
            params.add(filter.action());
        }
        if (filter.objectType() != null) {
            sql.append(" AND e.object_type = ?");
            params.add(filter.objectType());
        }
        if (filter.objectId() != null) {
            sql.append(" AND e.object_id = ?");
            params.add(filter.objectId());
        }
        if (filter.from() != null) {
            sql.append(" AND e.recorded_at >= ?");
            params.add(OffsetDateTime.ofInstant(filter.from(), ZoneOffset.UTC));
        }
        if (filter.to() != null) {
            sql.append(" AND e.recorded_at < ?");
            params.add(OffsetDateTime.ofInstant(filter.to(), ZoneOffset.UTC));
        }
        if (filter.beforeId() != null) {
            sql.append(" AND e.id < ?");
            params.add(filter.beforeId());
        }
        sql.append(" ORDER BY e.id DESC FETCH FIRST ").append(limitPlusOne).append(" ROWS ONLY");
        return jdbc.sql(sql.toString())
                .params(params)
                .query((rs, n) -> view(rs))
                .list();
    }

    /** The sealed entries recorded in a time range, in chain order, for export. */
    List<AuditEntryView> sealedInRange(Instant from, Instant to, int max) {
        return jdbc.sql("SELECT " + ENTRY_COLUMNS
                        + ", c.seq, c.prev_hash, c.hash FROM audit_chain c JOIN audit_entry e ON e.id = c.entry_id"
                        + " WHERE e.recorded_at >= ? AND e.recorded_at < ? ORDER BY c.seq FETCH FIRST " + max
                        + " ROWS ONLY")
                .params(OffsetDateTime.ofInstant(from, ZoneOffset.UTC), OffsetDateTime.ofInstant(to, ZoneOffset.UTC))
                .query((rs, n) -> view(rs))
                .list();
    }

    private AuditEntryView view(ResultSet rs) throws SQLException {
        StoredEntry e = entry(rs);
        long seq = rs.getLong("seq");
        boolean sealed = !rs.wasNull();
        return new AuditEntryView(
                e.id(),
                sealed ? seq : null,
                e.recordedAt(),
                e.actorKind(),
                e.actorUserId(),
                e.actorOrganisationId(),
                e.action(),
                e.objectType(),
                e.objectId(),
                e.subjectOrganisationId(),
                AuditOutcome.valueOf(e.outcome()),
                details(e.detailsJson()),
                rs.getString("prev_hash"),
                rs.getString("hash"));
    }

    Map<String, String> details(String detailsJson) {
        return json.readValue(detailsJson, DETAILS);
    }

    record ChainHead(long lastSequence, String lastHash) {}

    record SealedLink(long sequence, long entryId, String previousHash, String hash) {}

    record EntryFilter(
            @Nullable UUID organisation,
            @Nullable String action,
            @Nullable String objectType,
            @Nullable String objectId,
            @Nullable Instant from,
            @Nullable Instant to,
            @Nullable Long beforeId) {}

    record StoredEntry(
            long id,
            Instant recordedAt,
            String actorKind,
            @Nullable UUID actorUserId,
            @Nullable UUID actorOrganisationId,
            String action,
            String objectType,
            @Nullable String objectId,
            @Nullable UUID subjectOrganisationId,
            String outcome,
            String detailsJson) {

        String hash(long sequence, String previousHash) {
            return ChainHash.hash(
                    sequence,
                    id,
                    recordedAt,
                    actorKind,
                    actorUserId,
                    actorOrganisationId,
                    action,
                    objectType,
                    objectId,
                    subjectOrganisationId,
                    outcome,
                    detailsJson,
                    previousHash);
        }
    }
}
