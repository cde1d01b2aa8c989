package al.ura.requests;

import al.ura.audit.AuditEvent;
import al.ura.audit.AuditLog;
import al.ura.directory.DataCategory;
import al.ura.kernel.Actor;
import al.ura.kernel.ProblemException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The figures both sides owe (§40, §54, §58), computed from the requests themselves in two passes: counts
 * by type, data category, priority and outcome; median and 90th-percentile times to acknowledge
 * and to answer (linear interpolation between the nearest ranks, as SQL's PERCENTILE_CONT), per
 * provider and per requesting unit; refusal reasons; the emergency share; how many preservations
 * were followed by a disclosure; what is overdue. Requests count in the period they were sent in.
 * Aggregates only: no identifier, name or case fact.
 *
 * <p>On PostgreSQL the two passes run side by side, on two connections that read one snapshot
 * (exported by the transaction and imported by the second connection's, as pg_dump's parallel
 * mode does), so the figures are the same as one after the other.
 */
@Service
public class RequestStatistics implements DisposableBean {

    /** What {@code pg_export_snapshot()} returns, such as {@code 00000003-0000001B-1}. */
    private static final Pattern SNAPSHOT = Pattern.compile("[0-9A-F]+(-[0-9A-F]+)+");

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final AuditLog auditLog;
    private final Clock clock;
    private final ZoneId zone;
    /**
     * How many of this node's computations may hold a second connection at once: at most a quarter
     * of the pool, so that computations waiting for one never hold all of it. Those that find none
     * free run their passes one after the other.
     */
    private final Semaphore secondConnections;
    /** Runs the first pass beside the second; a virtual thread each, waiting on the database. */
    private final ExecutorService beside = Executors.newVirtualThreadPerTaskExecutor();

    /** How many computations on this node ran their passes side by side: the benchmark prints it. */
    private final LongAdder besideRuns = new LongAdder();

    private volatile @Nullable Boolean postgres;

    RequestStatistics(
            JdbcClient jdbc,
            DataSource dataSource,
            AuditLog auditLog,
            Clock clock,
            @Value("${ura.time-zone:Europe/Tirane}") String zone,
            @Value("${spring.datasource.hikari.maximum-pool-size:20}") int poolSize) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.auditLog = auditLog;
        this.clock = clock;
        this.zone = ZoneId.of(zone);
        this.secondConnections = new Semaphore(Math.max(1, poolSize / 4));
    }

    @Override
    public void destroy() {
        beside.close();
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
     * PostgreSQL refuses an insert in a read-only one. Repeatable read: the two passes see the same
     * requests, so the units' figures add up to the period's even while requests are being sent.
     */
    @Transactional(isolation = Isolation.REPEATABLE_READ)
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

    /**
     * The figures of a scope, for callers that authorised the read; in one repeatable-read
     * transaction of their own unless the caller's is one.
     */
    @Transactional(isolation = Isolation.REPEATABLE_READ, readOnly = true)
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
        boolean oneProvider = scope instanceof Scope.Provider;
        // Two passes over the period's requests; for one provider each is a range of the index
        // legal_request_provider_statistics (V602), which holds every column they read, and neither
        // joins another table. The first counts by the request's kind and outcome. The second groups
        // by requesting unit (and provider) and data categories, and hands over each group's
        // durations: their medians and 90th percentiles are selected here, without sorting them all.
        // PERCENTILE_CONT in the database sorted every duration, once per pass and percentile, and the
        // three passes took about twice as long over a provider-year (bench/README.md (e)).
        String kindsSql = "SELECT r.request_type, r.priority, r.status, r.outcome, r.reason_code, COUNT(*)"
                + " FROM legal_request r" + where
                + " GROUP BY r.request_type, r.priority, r.status, r.outcome, r.reason_code";
        Future<Kinds> firstPass = firstPassBeside(kindsSql, from, to, org);
        Tally tally = new Tally(scope);
        try {
            String provider = oneProvider ? "" : ", r.provider_org_id";
            statement(
                            jdbc,
                            "SELECT r.requester_org_id, r.requesting_unit, r.data_categories, COUNT(*),"
                                    + " COUNT(*) FILTER (WHERE r.emergency),"
                                    + " COUNT(*) FILTER (WHERE r.request_type = 'PRESERVATION'"
                                    + " AND r.preservation_followed_at IS NOT NULL),"
                                    + " COUNT(*) FILTER (WHERE r.status IN (:open) AND (r.answer_due_at < :now"
                                    + " OR (r.acknowledged_at IS NULL AND r.acknowledge_due_at < :now))),"
                                    + " ARRAY_AGG(r.acknowledge_seconds) FILTER (WHERE r.acknowledge_seconds IS NOT NULL),"
                                    + " ARRAY_AGG(r.answer_seconds) FILTER (WHERE r.answer_seconds IS NOT NULL)"
                                    + provider + " FROM legal_request r" + where
                                    + " GROUP BY r.requester_org_id, r.requesting_unit, r.data_categories" + provider,
                            from,
                            to,
                            org)
                    .param("open", RequestStatus.OPEN.stream().map(Enum::name).toList())
                    .param("now", RequestRepository.utc(clock.instant()))
                    .query((RowCallbackHandler)
                            rs -> tally.group(rs, oneProvider ? null : rs.getObject(10, UUID.class)));
        } catch (RuntimeException e) {
            // The second connection reads the transaction's snapshot: it must be done before the
            // transaction ends.
            if (firstPass != null) {
                try {
                    joined(firstPass);
                } catch (RuntimeException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
        Kinds kinds = firstPass == null ? kinds(jdbc, kindsSql, from, to, org) : joined(firstPass);
        return tally.statistics(kinds, from, to, scope);
    }

    /**
     * The first pass, started on a second connection that imports this transaction's snapshot; null
     * where it runs after the second on this one: on H2, outside a repeatable-read transaction, or
     * when this node's second connections are all taken.
     */
    private @Nullable Future<Kinds> firstPassBeside(String sql, Instant from, Instant to, @Nullable UUID org) {
        Integer isolation = TransactionSynchronizationManager.getCurrentTransactionIsolationLevel();
        if (!TransactionSynchronizationManager.isActualTransactionActive()
                || isolation == null
                || isolation != Connection.TRANSACTION_REPEATABLE_READ
                || !postgres()
                || !secondConnections.tryAcquire()) {
            return null;
        }
        try {
            String snapshot =
                    jdbc.sql("SELECT pg_export_snapshot()").query(String.class).single();
            if (!SNAPSHOT.matcher(snapshot).matches()) {
                throw new IllegalStateException("Unexpected snapshot identifier: " + snapshot);
            }
            besideRuns.increment();
            return beside.submit(() -> {
                try (Connection connection = dataSource.getConnection()) {
                    connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                    connection.setAutoCommit(false);
                    try {
                        try (Statement set = connection.createStatement()) {
                            set.execute("SET TRANSACTION SNAPSHOT '" + snapshot + "'");
                        }
                        JdbcClient client = JdbcClient.create(new SingleConnectionDataSource(connection, true));
                        Kinds kinds = kinds(client, sql, from, to, org);
                        connection.commit();
                        return kinds;
                    } catch (SQLException | RuntimeException e) {
                        try {
                            connection.rollback();
                        } catch (SQLException suppressed) {
                            e.addSuppressed(suppressed);
                        }
                        throw e;
                    } finally {
                        connection.setAutoCommit(true);
                    }
                } finally {
                    secondConnections.release();
                }
            });
        } catch (RuntimeException e) {
            secondConnections.release();
            throw e;
        }
    }

    long besideRuns() {
        return besideRuns.sum();
    }

    private static Kinds joined(Future<Kinds> firstPass) {
        try {
            return firstPass.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while counting the requests", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime
                    ? runtime
                    : new IllegalStateException("Counting the requests failed", e.getCause());
        }
    }

    private Kinds kinds(JdbcClient client, String sql, Instant from, Instant to, @Nullable UUID org) {
        Kinds kinds = new Kinds();
        statement(client, sql, from, to, org).query((RowCallbackHandler) kinds::count);
        return kinds;
    }

    private boolean postgres() {
        Boolean known = postgres;
        if (known == null) {
            Connection connection = DataSourceUtils.getConnection(dataSource);
            try {
                known = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
            } catch (SQLException e) {
                throw new IllegalStateException("Cannot tell the database", e);
            } finally {
                DataSourceUtils.releaseConnection(connection, dataSource);
            }
            postgres = known;
        }
        return known;
    }

    private static JdbcClient.StatementSpec statement(
            JdbcClient client, String sql, Instant from, Instant to, @Nullable UUID org) {
        JdbcClient.StatementSpec statement =
                client.sql(sql).param("from", RequestRepository.utc(from)).param("to", RequestRepository.utc(to));
        return org == null ? statement : statement.param("org", org);
    }

    /** What the first pass hands over, added up: how many requests of each kind and outcome. */
    private static final class Kinds {
        private final Map<RequestType, Long> byType = new EnumMap<>(RequestType.class);
        private final Map<Priority, Long> byPriority = new EnumMap<>(Priority.class);
        private final Map<RequestStatus, Long> byStatus = new EnumMap<>(RequestStatus.class);
        private final Map<String, Long> byOutcome = new TreeMap<>();
        private final Map<RefusalReason, Long> reasons = new EnumMap<>(RefusalReason.class);

        /** A row of the first pass: how many requests of one kind and outcome. */
        void count(ResultSet rs) throws SQLException {
            long n = rs.getLong(6);
            byType.merge(RequestType.valueOf(rs.getString(1)), n, Long::sum);
            byPriority.merge(Priority.valueOf(rs.getString(2)), n, Long::sum);
            byStatus.merge(RequestStatus.valueOf(rs.getString(3)), n, Long::sum);
            String outcome = rs.getString(4);
            byOutcome.merge(outcome == null ? "PENDING" : outcome, n, Long::sum);
            String reason = rs.getString(5);
            if (reason != null) {
                reasons.merge(RefusalReason.valueOf(reason), n, Long::sum);
            }
        }
    }

    /** What the second pass hands over, added up: each group's counts and durations. */
    private static final class Tally {

        private static final String[] CATEGORY_WORDS = Arrays.stream(DataCategory.values())
                .map(category -> " " + category.name() + " ")
                .toArray(String[]::new);

        private final long[] byCategory = new long[DataCategory.values().length];
        private final Group all;
        private final Map<UUID, Group> providers = new HashMap<>();
        private final Map<UnitKey, Group> units = new HashMap<>();
        private long followed;
        private long overdue;

        private record UnitKey(UUID organisationId, String unit) {}

        /** One provider's requests are its only provider group: the period's own, labelled as the others. */
        Tally(Scope scope) {
            all = scope instanceof Scope.Provider provider
                    ? new Group(provider.organisationId().toString(), provider.organisationId())
                    : new Group("", null);
        }

        /** A row of the second pass: one unit's (and provider's) requests asking for the same data categories. */
        void group(ResultSet rs, @Nullable UUID provider) throws SQLException {
            long n = rs.getLong(4);
            String categories = rs.getString(3);
            if (categories != null) {
                for (int i = 0; i < CATEGORY_WORDS.length; i++) {
                    if (categories.contains(CATEGORY_WORDS[i])) {
                        byCategory[i] += n;
                    }
                }
            }
            long emergency = rs.getLong(5);
            followed += rs.getLong(6);
            overdue += rs.getLong(7);
            long[] acknowledge = seconds(rs.getArray(8));
            long[] answer = seconds(rs.getArray(9));
            all.add(n, emergency, acknowledge, answer);
            if (provider != null) {
                providers
                        .computeIfAbsent(provider, id -> new Group(id.toString(), id))
                        .add(n, emergency, acknowledge, answer);
            }
            UUID requester = rs.getObject(1, UUID.class);
            String unit = rs.getString(2);
            units.computeIfAbsent(
                            new UnitKey(requester, unit == null ? "" : unit),
                            key -> new Group(key.unit(), key.organisationId()))
                    .add(n, emergency, acknowledge, answer);
        }

        private static long[] seconds(@Nullable Array array) throws SQLException {
            if (array == null) {
                return new long[0];
            }
            Object[] values = (Object[]) array.getArray();
            long[] seconds = new long[values.length];
            for (int i = 0; i < values.length; i++) {
                seconds[i] = ((Number) values[i]).longValue();
            }
            array.free();
            return seconds;
        }

        Statistics statistics(Kinds kinds, Instant from, Instant to, Scope scope) {
            GroupTimes overall = all.times();
            long total = overall.requests();
            long emergencies = overall.emergencies();
            List<GroupTimes> perProvider = scope instanceof Scope.Provider
                    ? total == 0 ? List.of() : List.of(overall)
                    : ordered(providers.values());
            Map<String, Long> categories = new TreeMap<>();
            for (DataCategory category : DataCategory.values()) {
                if (byCategory[category.ordinal()] > 0) {
                    categories.put(category.name(), byCategory[category.ordinal()]);
                }
            }
            long preservations = kinds.byType.getOrDefault(RequestType.PRESERVATION, 0L);
            return new Statistics(
                    from,
                    to,
                    total,
                    kinds.byType,
                    kinds.byPriority,
                    categories,
                    kinds.byStatus,
                    kinds.byOutcome,
                    kinds.reasons,
                    emergencies,
                    share(emergencies, total),
                    overall.acknowledge(),
                    overall.answer(),
                    perProvider,
                    ordered(units.values()),
                    preservations,
                    followed,
                    share(followed, preservations),
                    overdue);
        }

        /** Most requests first, then by name (in code points' order, as the databases' C collation). */
        private static List<GroupTimes> ordered(Collection<Group> groups) {
            return groups.stream()
                    .map(Group::times)
                    .sorted(Comparator.comparingLong(GroupTimes::requests)
                            .reversed()
                            .thenComparing(GroupTimes::group)
                            .thenComparing(g -> String.valueOf(g.organisationId())))
                    .toList();
        }
    }

    /** One provider's or unit's requests: how many, how many emergencies, and their durations. */
    private static final class Group {
        private final String label;
        private final @Nullable UUID organisationId;
        private final Durations acknowledge = new Durations();
        private final Durations answer = new Durations();
        private long requests;
        private long emergencies;

        Group(String label, @Nullable UUID organisationId) {
            this.label = label;
            this.organisationId = organisationId;
        }

        void add(long requests, long emergencies, long[] acknowledgeSeconds, long[] answerSeconds) {
            this.requests += requests;
            this.emergencies += emergencies;
            acknowledge.add(acknowledgeSeconds);
            answer.add(answerSeconds);
        }

        GroupTimes times() {
            return new GroupTimes(label, organisationId, requests, acknowledge.times(), answer.times(), emergencies);
        }
    }

    /** Durations in seconds, gathered from the groups' rows. */
    static final class Durations {
        private static final BigDecimal MEDIAN = new BigDecimal("0.5");
        private static final BigDecimal P90 = new BigDecimal("0.9");
        private long[] values = new long[16];
        private int size;

        void add(long[] seconds) {
            if (size + seconds.length > values.length) {
                values = Arrays.copyOf(values, Math.max(values.length * 2, size + seconds.length));
            }
            System.arraycopy(seconds, 0, values, size, seconds.length);
            size += seconds.length;
        }

        Times times() {
            return new Times(size, hours(percentile(MEDIAN)), hours(percentile(P90)));
        }

        /**
         * SQL's PERCENTILE_CONT, in exact decimals: the value at rank {@code p × (n − 1)} of the values
         * in order, interpolated linearly between the two nearest ranks; null when there is none. The
         * two values are selected, not the whole sorted: a provider-year has some 150,000.
         */
        @Nullable
        BigDecimal percentile(BigDecimal p) {
            if (size == 0) {
                return null;
            }
            BigDecimal rank = p.multiply(BigDecimal.valueOf(size - 1L));
            int lower = rank.intValue();
            BigDecimal fraction = rank.subtract(BigDecimal.valueOf(lower));
            long at = select(lower);
            if (fraction.signum() == 0) {
                return BigDecimal.valueOf(at);
            }
            // After the selection every value right of the rank is at least the one at it: the next
            // rank's value is the least of them.
            long next = Long.MAX_VALUE;
            for (int i = lower + 1; i < size; i++) {
                next = Math.min(next, values[i]);
            }
            return BigDecimal.valueOf(at).add(fraction.multiply(BigDecimal.valueOf(next - at)));
        }

        /**
         * The value of rank {@code k} (from 0), moving the values so that none left of {@code k} is
         * greater and none right of it smaller (Hoare's selection, as in Wirth's "Algorithms + Data
         * Structures = Programs").
         */
        private long select(int k) {
            long[] a = values;
            int low = 0;
            int high = size - 1;
            while (low < high) {
                long pivot = a[(low + high) >>> 1];
                int i = low;
                int j = high;
                while (i <= j) {
                    while (a[i] < pivot) {
                        i++;
                    }
                    while (a[j] > pivot) {
                        j--;
                    }
                    if (i <= j) {
                        long swap = a[i];
                        a[i] = a[j];
                        a[j] = swap;
                        i++;
                        j--;
                    }
                }
                if (k <= j) {
                    high = j;
                } else if (k >= i) {
                    low = i;
                } else {
                    return a[k];
                }
            }
            return a[k];
        }
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
