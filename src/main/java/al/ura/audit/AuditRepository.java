package al.ura.audit;

import al.ura.kernel.MultiRowInsert;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The ledger's SQL: the inbox of entries still to seal, the sealed ledger and the chain head. */
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

    /**
     * One insert for up to a hundred entries, in the caller's transaction, in their order: the inbox
     * has only its primary key to maintain.
     */
    void insert(List<StoredEntry> entries) {
        MultiRowInsert.insert(
                jdbcTemplate,
                "INSERT INTO audit_inbox (recorded_at, actor_kind, actor_user_id, actor_org_id, action, object_type,"
                        + " object_id, subject_org_id, outcome, details)",
                10,
                entries,
                AuditRepository::entryValues);
    }

    /** An entry's own columns, from recorded_at to details, in that order: what the inbox and the ledger both keep. */
    private static List<@Nullable Object> entryValues(StoredEntry entry) {
        return Arrays.asList(
                OffsetDateTime.ofInstant(entry.recordedAt(), ZoneOffset.UTC),
                entry.actorKind(),
                entry.actorUserId(),
                entry.actorOrganisationId(),
                entry.action(),
                entry.objectType(),
                entry.objectId(),
                entry.subjectOrganisationId(),
                entry.outcome(),
                entry.detailsJson());
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
        return jdbc.sql("SELECT " + ENTRY_COLUMNS + " FROM audit_inbox e ORDER BY e.id FETCH FIRST " + limit
                        + " ROWS ONLY")
                .query((rs, n) -> entry(rs))
                .list();
    }

    /** Moves entries from the inbox into the ledger with their links, and moves the head. */
    void seal(List<SealedLink> links, ChainHead newHead, Instant sealedAt) {
        OffsetDateTime at = OffsetDateTime.ofInstant(sealedAt, ZoneOffset.UTC);
        // One statement per hundred entries, and one to empty the inbox of them: sealing costs a few
        // statements a batch, not two an entry.
        MultiRowInsert.insert(
                jdbcTemplate,
                "INSERT INTO audit_ledger (seq, id, recorded_at, actor_kind, actor_user_id, actor_org_id, action,"
                        + " object_type, object_id, subject_org_id, outcome, details, prev_hash, hash, sealed_at)",
                15,
                links,
                link -> {
                    List<@Nullable Object> values = new ArrayList<>(15);
                    values.add(link.sequence());
                    values.add(link.entry().id());
                    values.addAll(entryValues(link.entry()));
                    values.addAll(Arrays.asList(link.previousHash(), link.hash(), at));
                    return values;
                });
        Long[] sealed = links.stream().map(link -> link.entry().id()).toArray(Long[]::new);
        jdbcTemplate.update(connection -> {
            PreparedStatement delete = connection.prepareStatement("DELETE FROM audit_inbox WHERE id = ANY (?)");
            delete.setArray(1, connection.createArrayOf("BIGINT", sealed));
            return delete;
        });
        jdbc.sql("UPDATE audit_chain_head SET last_seq = ?, last_hash = ? WHERE id = 1")
                .params(newHead.lastSequence(), newHead.lastHash())
                .update();
    }

    long pendingCount() {
        return jdbc.sql("SELECT COUNT(*) FROM audit_inbox").query(Long.class).single();
    }

    /** Streams the sealed ledger in sequence order: seq, previous hash, hash, then the entry's columns. */
    void streamChain(long fromSequenceExclusive, long toSequenceInclusive, RowCallbackHandler handler) {
        jdbcTemplate.query(
                con -> {
                    var ps = con.prepareStatement("SELECT e.seq, e.prev_hash, e.hash, " + ENTRY_COLUMNS
                            + " FROM audit_ledger e WHERE e.seq > ? AND e.seq <= ? ORDER BY e.seq");
                    ps.setLong(1, fromSequenceExclusive);
                    ps.setLong(2, toSequenceInclusive);
                    ps.setFetchSize(5000);
                    return ps;
                },
                handler);
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
                "SELECT " + ENTRY_COLUMNS + ", e.seq, e.prev_hash, e.hash FROM audit_entries e WHERE 1 = 1");
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
        // One unbroken run of the chain, from the range's first entry to its last: an entry inside it
        // whose clock said otherwise (another node's skew) is exported too, so the run verifies offline.
        OffsetDateTime start = OffsetDateTime.ofInstant(from, ZoneOffset.UTC);
        OffsetDateTime end = OffsetDateTime.ofInstant(to, ZoneOffset.UTC);
        return jdbc.sql("SELECT " + ENTRY_COLUMNS
                        + ", e.seq, e.prev_hash, e.hash FROM audit_ledger e"
                        + " WHERE e.seq >= (SELECT MIN(f.seq) FROM audit_ledger f WHERE f.recorded_at >= ? AND f.recorded_at < ?)"
                        + " AND e.seq <= (SELECT MAX(l.seq) FROM audit_ledger l WHERE l.recorded_at >= ? AND l.recorded_at < ?)"
                        + " ORDER BY e.seq FETCH FIRST " + max + " ROWS ONLY")
                .params(start, end, start, end)
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

    record SealedLink(long sequence, StoredEntry entry, String previousHash, String hash) {}

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
