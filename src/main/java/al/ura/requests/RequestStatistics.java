package al.ura.requests;

import al.ura.audit.AuditEvent;
import al.ura.audit.AuditLog;
import al.ura.directory.DataCategory;
import al.ura.kernel.Actor;
import al.ura.kernel.ProblemException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The figures both sides owe (§40, §54, §58), computed from the requests themselves in SQL: counts
 * by type, data category, priority and outcome; median and 90th-percentile times to acknowledge
 * and to answer (linear interpolation between the nearest ranks, as SQL's PERCENTILE_CONT), per
 * provider and per requesting unit; refusal reasons; the emergency share; how many preservations
 * were followed by a disclosure; what is overdue. Requests count in the period they were sent in.
 * Aggregates only: no identifier, name or case fact.
 */
@Service
public class RequestStatistics {

    private final JdbcClient jdbc;
    private final AuditLog auditLog;
    private final Clock clock;
    private final ZoneId zone;

    RequestStatistics(
            JdbcClient jdbc, AuditLog auditLog, Clock clock, @Value("${ura.time-zone:Europe/Tirane}") String zone) {
        this.jdbc = jdbc;
        this.auditLog = auditLog;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
    }

    /** Whose requests are counted: one provider's inbox, one requester's, or the whole country's. */
    public sealed interface Scope {
        record Provider(UUID organisationId) implements Scope {}

        record Requester(UUID organisationId) implements Scope {}

        record National() implements Scope {}
    }

    /** Median and 90th percentile in hours, over {@code count} timed requests; null when there is none. */
    public record Times(
            long count,
            @Nullable BigDecimal medianHours,
            @Nullable BigDecimal p90Hours) {}

    /**
     * One provider's or one requesting unit's figures; {@code emergencies} of its {@code requests} were
     * emergencies — their share per unit is watched, as emergency channels are for real emergencies
     * only (§34).
     */
    public record GroupTimes(
            String group,
            @Nullable UUID organisationId,
            long requests,
            Times acknowledge,
            Times answer,
            long emergencies) {

        public @Nullable BigDecimal emergencyShare() {
            return share(emergencies, requests);
        }
    }

    public record Statistics(
            Instant from,
            Instant to,
            long total,
            Map<RequestType, Long> byType,
            Map<Priority, Long> byPriority,
            Map<String, Long> byCategory,
            Map<RequestStatus, Long> byStatus,
            Map<String, Long> byOutcome,
            Map<RefusalReason, Long> refusalReasons,
            long emergencies,
            @Nullable BigDecimal emergencyShare,
            Times acknowledge,
            Times answer,
            List<GroupTimes> perProvider,
            List<GroupTimes> perUnit,
            long preservations,
            long preservationsFollowed,
            @Nullable BigDecimal preservationConversion,
            long overdue) {}

    /**
     * The figures the actor may see: their own organisation's side, or the country's for the
     * operator's analyst. Not read-only: the read is in the ledger, in the same transaction, and
     * PostgreSQL refuses an insert in a read-only one.
     */
    @Transactional
    public Statistics compute(Actor actor, Scope scope, Instant from, Instant to) {
        authorise(actor, scope);
        auditLog.record(
                actor,
                AuditEvent.of(
                                "requests.statistics.read",
                                "organisation",
                                actor.organisationId(),
                                actor.organisationId())
                        .with("scope", scope.getClass().getSimpleName()));
        return compute(scope, from, to);
    }

    /** A calendar year in the deployment's zone. */
    public Instant[] year(int year) {
        return new Instant[] {
            LocalDate.of(year, 1, 1).atStartOfDay(zone).toInstant(),
            LocalDate.of(year + 1, 1, 1).atStartOfDay(zone).toInstant()
        };
    }

    void authorise(Actor actor, Scope scope) {
        boolean allowed = switch (scope) {
            case Scope.National ignored -> actor.has(RequestPermissions.STATISTICS_ALL);
            case Scope.Provider p ->
                actor.has(RequestPermissions.STATISTICS_ALL)
                        || (actor.has(RequestPermissions.STATISTICS) && actor.belongsTo(p.organisationId()));
            case Scope.Requester r ->
                actor.has(RequestPermissions.STATISTICS_ALL)
                        || (actor.has(RequestPermissions.STATISTICS) && actor.belongsTo(r.organisationId()));
        };
        if (!allowed) {
            auditLog.denied(
                    actor, AuditEvent.of("requests.statistics.read", "organisation", null, actor.organisationId()));
            throw ProblemException.forbidden();
        }
    }

    Statistics compute(Scope scope, Instant from, Instant to) {
        String where = " WHERE r.submitted_at >= :from AND r.submitted_at < :to"
                + switch (scope) {
                    case Scope.Provider ignored -> " AND r.provider_org_id = :org";
                    case Scope.Requester ignored -> " AND r.requester_org_id = :org";
                    case Scope.National ignored -> "";
                };
        UUID org = switch (scope) {
            case Scope.Provider p -> p.organisationId();
            case Scope.Requester r -> r.organisationId();
            case Scope.National ignored -> null;
        };
        // Three passes over the period's requests, four outside one provider's scope; for one
        // provider each is a range of the index legal_request_provider_statistics (V602), and none
        // joins another table, so its plan is the same whatever the provider and period.
        Map<RequestType, Long> byType = new EnumMap<>(RequestType.class);
        Map<Priority, Long> byPriority = new EnumMap<>(Priority.class);
        Map<RequestStatus, Long> byStatus = new EnumMap<>(RequestStatus.class);
        Map<String, Long> byOutcome = new TreeMap<>();
        Map<RefusalReason, Long> reasons = new EnumMap<>(RefusalReason.class);
        long[] totals = new long[2]; // total, emergencies
        statement(
                        "SELECT r.request_type, r.priority, r.status, r.emergency, r.outcome, r.reason_code, COUNT(*)"
                                + " FROM legal_request r" + where
                                + " GROUP BY r.request_type, r.priority, r.status, r.emergency, r.outcome, r.reason_code",
                        from,
                        to,
                        org)
                .query(rs -> {
                    long n = rs.getLong(7);
                    totals[0] += n;
                    if (rs.getBoolean(4)) {
                        totals[1] += n;
                    }
                    byType.merge(RequestType.valueOf(rs.getString(1)), n, Long::sum);
                    byPriority.merge(Priority.valueOf(rs.getString(2)), n, Long::sum);
                    byStatus.merge(RequestStatus.valueOf(rs.getString(3)), n, Long::sum);
                    String outcome = rs.getString(5);
                    byOutcome.merge(outcome == null ? "PENDING" : outcome, n, Long::sum);
                    String reason = rs.getString(6);
                    if (reason != null) {
                        reasons.merge(RefusalReason.valueOf(reason), n, Long::sum);
                    }
                });
        Instant now = clock.instant();
        StringBuilder categories = new StringBuilder();
        for (DataCategory category : DataCategory.values()) {
            categories
                    .append(", SUM(CASE WHEN r.data_categories LIKE '% ")
                    .append(category.name())
                    .append(" %' THEN 1 ELSE 0 END)");
        }
        Times[] times = new Times[2];
        long[] counts = new long[3]; // preservations, of them followed, overdue
        Map<String, Long> byCategory = new TreeMap<>();
        statement(
                        "SELECT COUNT(r.acknowledge_seconds),"
                                + " PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY r.acknowledge_seconds),"
                                + " PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY r.acknowledge_seconds),"
                                + " COUNT(r.answer_seconds),"
                                + " PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY r.answer_seconds),"
                                + " PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY r.answer_seconds),"
                                + " SUM(CASE WHEN r.request_type = 'PRESERVATION' THEN 1 ELSE 0 END),"
                                + " SUM(CASE WHEN r.request_type = 'PRESERVATION' AND r.preservation_followed_at IS NOT NULL"
                                + " THEN 1 ELSE 0 END),"
                                + " SUM(CASE WHEN r.status IN (:open) AND (r.answer_due_at < :now"
                                + " OR (r.acknowledged_at IS NULL AND r.acknowledge_due_at < :now)) THEN 1 ELSE 0 END)"
                                + categories + " FROM legal_request r" + where,
                        from,
                        to,
                        org)
                .param("open", RequestStatus.OPEN.stream().map(Enum::name).toList())
                .param("now", RequestRepository.utc(now))
                .query(rs -> {
                    times[0] = new Times(rs.getLong(1), hours(rs.getBigDecimal(2)), hours(rs.getBigDecimal(3)));
                    times[1] = new Times(rs.getLong(4), hours(rs.getBigDecimal(5)), hours(rs.getBigDecimal(6)));
                    counts[0] = rs.getLong(7);
                    counts[1] = rs.getLong(8);
                    counts[2] = rs.getLong(9);
                    for (DataCategory category : DataCategory.values()) {
                        long n = rs.getLong(10 + category.ordinal());
                        if (n > 0) {
                            byCategory.put(category.name(), n);
                        }
                    }
                });
        Times acknowledge = times[0];
        Times answer = times[1];
        // One provider's figures are its only group: the period's own, without another pass.
        List<GroupTimes> perProvider = scope instanceof Scope.Provider provider
                ? totals[0] == 0
                        ? List.of()
                        : List.of(new GroupTimes(
                                provider.organisationId().toString(),
                                provider.organisationId(),
                                totals[0],
                                acknowledge,
                                answer,
                                totals[1]))
                : groups("r.provider_org_id", "CAST(r.provider_org_id AS VARCHAR(36))", where, from, to, org);
        List<GroupTimes> perUnit = groups(
                "r.requester_org_id, r.requesting_unit", "COALESCE(r.requesting_unit, '')", where, from, to, org);
        return new Statistics(
                from,
                to,
                totals[0],
                byType,
                byPriority,
                byCategory,
                byStatus,
                byOutcome,
                reasons,
                totals[1],
                share(totals[1], totals[0]),
                acknowledge,
                answer,
                perProvider,
                perUnit,
                counts[0],
                counts[1],
                share(counts[1], counts[0]),
                counts[2]);
    }

    private List<GroupTimes> groups(
            String groupBy, String label, String where, Instant from, Instant to, @Nullable UUID org) {
        String organisation = groupBy.startsWith("r.provider") ? "r.provider_org_id" : "r.requester_org_id";
        List<GroupTimes> groups = new ArrayList<>();
        statement(
                        "SELECT " + label + ", " + organisation + ", COUNT(*), COUNT(r.acknowledge_seconds),"
                                + " PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY r.acknowledge_seconds),"
                                + " PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY r.acknowledge_seconds),"
                                + " COUNT(r.answer_seconds),"
                                + " PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY r.answer_seconds),"
                                + " PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY r.answer_seconds),"
                                + " SUM(CASE WHEN r.emergency THEN 1 ELSE 0 END)"
                                + " FROM legal_request r" + where + " GROUP BY " + groupBy + " ORDER BY 3 DESC, 1",
                        from,
                        to,
                        org)
                .query(rs -> {
                    groups.add(new GroupTimes(
                            rs.getString(1),
                            rs.getObject(2, UUID.class),
                            rs.getLong(3),
                            new Times(rs.getLong(4), hours(rs.getBigDecimal(5)), hours(rs.getBigDecimal(6))),
                            new Times(rs.getLong(7), hours(rs.getBigDecimal(8)), hours(rs.getBigDecimal(9))),
                            rs.getLong(10)));
                });
        return groups;
    }

    private JdbcClient.StatementSpec statement(String sql, Instant from, Instant to, @Nullable UUID org) {
        JdbcClient.StatementSpec statement =
                jdbc.sql(sql).param("from", RequestRepository.utc(from)).param("to", RequestRepository.utc(to));
        return org == null ? statement : statement.param("org", org);
    }

    private static Times times(JdbcClient.StatementSpec statement) {
        return statement
                .query((rs, n) -> new Times(rs.getLong(1), hours(rs.getBigDecimal(2)), hours(rs.getBigDecimal(3))))
                .single();
    }

    /** Seconds to hours, kept to four decimals; rounding for display is the page's. */
    static @Nullable BigDecimal hours(@Nullable BigDecimal seconds) {
        return seconds == null ? null : seconds.divide(BigDecimal.valueOf(3600), 4, RoundingMode.HALF_UP);
    }

    /** part / whole as a percentage with four decimals; null for an empty whole. */
    static @Nullable BigDecimal share(long part, long whole) {
        return whole == 0
                ? null
                : BigDecimal.valueOf(part)
                        .multiply(BigDecimal.valueOf(100))
                        .divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }

    /** The statistics as CSV rows: one figure a line, {@code dimension,key,value}. */
    public static String csv(Statistics s) {
        Map<String, Object> rows = new LinkedHashMap<>();
        StringBuilder out = new StringBuilder("dimension,key,value\n");
        out.append("period,from,").append(s.from()).append('\n');
        out.append("period,to,").append(s.to()).append('\n');
        out.append("total,requests,").append(s.total()).append('\n');
        s.byType()
                .forEach((k, v) ->
                        out.append("type,").append(k).append(',').append(v).append('\n'));
        s.byPriority()
                .forEach((k, v) ->
                        out.append("priority,").append(k).append(',').append(v).append('\n'));
        s.byCategory()
                .forEach((k, v) ->
                        out.append("category,").append(k).append(',').append(v).append('\n'));
        s.byStatus()
                .forEach((k, v) ->
                        out.append("status,").append(k).append(',').append(v).append('\n'));
        s.byOutcome()
                .forEach((k, v) ->
                        out.append("outcome,").append(k).append(',').append(v).append('\n'));
        s.refusalReasons()
                .forEach((k, v) -> out.append("refusal-reason,")
                        .append(k)
                        .append(',')
                        .append(v)
                        .append('\n'));
        out.append("emergency,count,").append(s.emergencies()).append('\n');
        out.append("emergency,share-percent,").append(text(s.emergencyShare())).append('\n');
        out.append("acknowledge,median-hours,")
                .append(text(s.acknowledge().medianHours()))
                .append('\n');
        out.append("acknowledge,p90-hours,")
                .append(text(s.acknowledge().p90Hours()))
                .append('\n');
        out.append("answer,median-hours,")
                .append(text(s.answer().medianHours()))
                .append('\n');
        out.append("answer,p90-hours,").append(text(s.answer().p90Hours())).append('\n');
        out.append("preservation,count,").append(s.preservations()).append('\n');
        out.append("preservation,followed-by-disclosure,")
                .append(s.preservationsFollowed())
                .append('\n');
        out.append("preservation,conversion-percent,")
                .append(text(s.preservationConversion()))
                .append('\n');
        out.append("overdue,count,").append(s.overdue()).append('\n');
        rows.clear();
        return out.toString();
    }

    private static String text(@Nullable BigDecimal value) {
        return value == null ? "" : value.toPlainString();
    }
}
