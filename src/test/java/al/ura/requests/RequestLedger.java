package al.ura.requests;

import al.ura.kernel.Notice;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;

/** What the tests read back: the ledger's entries about a request and the notices sent about it. */
final class RequestLedger {

    private final JdbcClient jdbc;

    RequestLedger(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The actions recorded as done about {@code objectId}, in the order they were recorded. */
    List<String> done(UUID objectId) {
        return jdbc.sql("SELECT action FROM audit_entries WHERE object_id = ? AND outcome = 'DONE' ORDER BY id")
                .param(objectId.toString())
                .query(String.class)
                .list();
    }

    /** Refusals of {@code action} on {@code objectId} to the person or token account {@code actor}. */
    long denied(UUID actor, String action, UUID objectId) {
        return count(
                "SELECT COUNT(*) FROM audit_entries WHERE outcome = 'DENIED' AND actor_user_id = ? AND action = ?"
                        + " AND object_id = ?",
                actor,
                action,
                objectId.toString());
    }

    /** Every refusal to {@code actor}, whatever the action and object. */
    long deniedAny(UUID actor) {
        return count("SELECT COUNT(*) FROM audit_entries WHERE outcome = 'DENIED' AND actor_user_id = ?", actor);
    }

    /** Refused tokens of {@code organisation} presented on a path that contains {@code pathPart}. */
    long tokenRefusals(UUID organisation, String reason, String pathPart) {
        return count(
                "SELECT COUNT(*) FROM audit_entries WHERE outcome = 'DENIED' AND action = 'identity.token.refused'"
                        + " AND subject_org_id = ? AND details LIKE ? AND details LIKE ?",
                organisation,
                "%\"reason\":\"" + reason + "\"%",
                "%" + pathPart + "%");
    }

    long count(String sql, Object... parameters) {
        Long count = jdbc.sql(sql).params(parameters).query(Long.class).single();
        return count == null ? 0 : count;
    }

    /** How many notices with {@code key} linked to {@code link} were published in this test. */
    static long notices(ApplicationEvents events, String key, String link) {
        return events.stream(Notice.class)
                .filter(n -> n.messageKey().equals(key) && n.link().equals(link))
                .count();
    }

    /** Who the notices with {@code key} linked to {@code link} were sent to, in order. */
    static List<Notice.Audience> audiences(ApplicationEvents events, String key, String link) {
        return events.stream(Notice.class)
                .filter(n -> n.messageKey().equals(key) && n.link().equals(link))
                .map(Notice::audience)
                .toList();
    }
}
