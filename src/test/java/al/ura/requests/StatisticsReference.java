package al.ura.requests;

import static al.ura.requests.RequestStatistics.hours;
import static al.ura.requests.RequestStatistics.share;

import al.ura.requests.RequestStatistics.GroupTimes;
import al.ura.requests.RequestStatistics.Scope;
import al.ura.requests.RequestStatistics.Statistics;
import al.ura.requests.RequestStatistics.Times;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The statistics as the first version computed them, one query per figure (the categories by
 * joining every identifier): what {@link RequestStatistics#compute} must still answer, figure for
 * figure, now that it reads the requests in fewer passes.
 */
final class StatisticsReference {

    private final JdbcClient jdbc;

    StatisticsReference(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Statistics compute(Scope scope, Instant from, Instant to, Instant now) {
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
        Map<String, Long> byCategory = new TreeMap<>();
        statement(
                        "SELECT i.data_category, COUNT(DISTINCT r.id) FROM legal_request r JOIN request_identifier i"
                                + " ON i.request_id = r.id" + where + " GROUP BY i.data_category",
                        from,
                        to,
                        org)
                .query(rs -> {
                    byCategory.put(rs.getString(1), rs.getLong(2));
                });
        Times acknowledge = times(statement(
                "SELECT COUNT(r.acknowledge_seconds),"
                        + " PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY r.acknowledge_seconds),"
                        + " PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY r.acknowledge_seconds)"
                        + " FROM legal_request r" + where + " AND r.acknowledge_seconds IS NOT NULL",
                from,
                to,
                org));
        Times answer = times(statement(
                "SELECT COUNT(r.answer_seconds),"
                        + " PERCENTILE_CONT(0.5) WITHIN GROUP (ORDER BY r.answer_seconds),"
                        + " PERCENTILE_CONT(0.9) WITHIN GROUP (ORDER BY r.answer_seconds)"
                        + " FROM legal_request r" + where + " AND r.answer_seconds IS NOT NULL",
                from,
                to,
                org));
        List<GroupTimes> perProvider =
                groups("r.provider_org_id", "CAST(r.provider_org_id AS VARCHAR(36))", where, from, to, org);
        List<GroupTimes> perUnit = groups(
                "r.requester_org_id, r.requesting_unit", "COALESCE(r.requesting_unit, '')", where, from, to, org);
        long[] preservation = new long[2];
        statement(
                        "SELECT COUNT(*), SUM(CASE WHEN EXISTS (SELECT 1 FROM legal_request d WHERE d.preservation_request_id = r.id"
                                + " AND d.submitted_at IS NOT NULL) THEN 1 ELSE 0 END) FROM legal_request r" + where
                                + " AND r.request_type = 'PRESERVATION'",
                        from,
                        to,
                        org)
                .query(rs -> {
                    preservation[0] = rs.getLong(1);
                    preservation[1] = rs.getLong(2);
                });

        Long overdue = statement(
                        "SELECT COUNT(*) FROM legal_request r" + where + " AND r.status IN (:open)"
                                + " AND (r.answer_due_at < :now OR (r.acknowledged_at IS NULL AND r.acknowledge_due_at < :now))",
                        from,
                        to,
                        org)
                .param("open", RequestStatus.OPEN.stream().map(Enum::name).toList())
                .param("now", RequestRepository.utc(now))
                .query(Long.class)
                .single();
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
                preservation[0],
                preservation[1],
                share(preservation[1], preservation[0]),
                overdue == null ? 0 : overdue);
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
}
