package al.ura.directory;

import al.ura.kernel.Actor;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The readable history of each organisation's entry, written in the transaction of each change. */
@Component
class ChangeHistory {

    private static final int MAX_VALUE = 300;

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    ChangeHistory(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    @SuppressWarnings("NullAway") // SQL NULL is a value here
    void record(Actor actor, UUID organisationId, String action, @Nullable Object objectId, Map<String, ?> fields) {
        Map<String, String> values = new LinkedHashMap<>();
        fields.forEach((key, value) -> {
            String text = value == null ? "" : String.valueOf(value);
            values.put(key, text.length() > MAX_VALUE ? text.substring(0, MAX_VALUE) + "…" : text);
        });
        String encoded = json.writeValueAsString(values);
        if (encoded.length() > 2000) {
            encoded = json.writeValueAsString(Map.of("fields", String.join(" ", values.keySet())));
        }
        jdbc.sql("INSERT INTO directory_change (id, organisation_id, changed_at, actor_user_id, actor_kind, action,"
                        + " object_id, fields) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        UUID.randomUUID(),
                        organisationId,
                        OrganisationRepository.utc(clock.instant()),
                        actor.userId(),
                        actor.kind().name(),
                        action,
                        objectId == null ? null : objectId.toString(),
                        encoded)
                .update();
    }

    /** Newest first; keyset on (time, id). */
    List<ChangeView> page(UUID organisationId, @Nullable Instant before, @Nullable UUID beforeId, int limitPlusOne) {
        String sql = "SELECT id, organisation_id, changed_at, actor_user_id, actor_kind, action, object_id, fields"
                + " FROM directory_change WHERE organisation_id = :org"
                + (before == null || beforeId == null
                        ? ""
                        : " AND (changed_at < :before OR (changed_at = :before AND id < :beforeId))")
                + " ORDER BY changed_at DESC, id DESC FETCH FIRST " + limitPlusOne + " ROWS ONLY";
        var statement = jdbc.sql(sql).param("org", organisationId);
        if (before != null && beforeId != null) {
            statement = statement
                    .param("before", OrganisationRepository.utc(before))
                    .param("beforeId", beforeId);
        }
        return statement
                .query((rs, n) -> new ChangeView(
                        rs.getObject("id", UUID.class),
                        rs.getObject("organisation_id", UUID.class),
                        Objects.requireNonNull(OrganisationRepository.instant(rs, "changed_at")),
                        rs.getObject("actor_user_id", UUID.class),
                        rs.getString("actor_kind"),
                        rs.getString("action"),
                        rs.getString("object_id"),
                        json.readValue(rs.getString("fields"), new TypeReference<Map<String, String>>() {})))
                .list();
    }
}
