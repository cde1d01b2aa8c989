package al.ura.requests;

import static org.assertj.core.api.Assertions.assertThat;

import al.ura.directory.DataCategory;
import al.ura.directory.DataItem;
import al.ura.directory.DirectoryFixtures;
import al.ura.directory.OrganisationType;
import al.ura.directory.OrganisationView;
import al.ura.identity.IdentityFixtures;
import al.ura.identity.IdentityFixtures.TestUser;
import al.ura.kernel.Actor;
import al.ura.kernel.CursorPage;
import al.ura.kernel.JobLocks;
import al.ura.kernel.ProblemException;
import al.ura.testing.DatabaseTest;
import al.ura.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * The legal requests' benchmarks, run by bench/requests.sh on PostgreSQL, never in the normal
 * suite, in a schema of their own: 20 providers (one big one) and 6 requesting organisations made
 * through the directory's and identity's services, then
 *
 * <ul>
 *   <li>(b) 1,000,000 requests made with generate_series, and pages of a provider's inbox, filtered
 *       and keyset-paged, through {@link LegalRequests#inbox} as the API calls it;
 *   <li>(c) a provider-year of statistics over them through {@link RequestStatistics#compute};
 *   <li>(a) on top of them, 32 clients each drafting, sending for authorisation and authorising
 *       requests through {@link LegalRequests} (validation, signing, storing, audit).
 * </ul>
 */
@Tag("bench")
@DatabaseTest
@TestPropertySource(
        properties =
                "spring.datasource.hikari.data-source-properties.ApplicationName=" + RequestsBenchmark.APPLICATION_NAME)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RequestsBenchmark {

    /** How this JVM's connections are named in pg_stat_activity, to measure their CPU. */
    static final String APPLICATION_NAME = "ura-requests-benchmark";

    private static final int REQUESTS = Integer.getInteger("bench.requests", 1_000_000);
    private static final int INBOX_READS = Integer.getInteger("bench.inboxReads", 2_000);
    private static final int STATISTICS_RUNS = Integer.getInteger("bench.statisticsRuns", 30);
    private static final int CLIENTS = Integer.getInteger("bench.clients", 32);
    private static final Duration WARMUP = Duration.ofSeconds(Long.getLong("bench.warmupSeconds", 20));
    private static final Duration RUN = Duration.ofSeconds(Long.getLong("bench.seconds", 30));
    /** After {@link #WARMUP}, rounds of this until a round's JIT compilation is under 5 % of it, or the maximum. */
    private static final Duration WARMUP_ROUND = Duration.ofSeconds(10);

    private static final Duration MAX_WARMUP = Duration.ofSeconds(Long.getLong("bench.maxWarmupSeconds", 240));
    /**
     * The officer writes and sends in one call, as the form's Send button does ({@code bench.flow=send},
     * the default), or drafts, then sends, in two ({@code bench.flow=draft}); the authoriser authorises.
     */
    private static final boolean ONE_STEP = !"draft".equals(System.getProperty("bench.flow", "send"));

    private static final int PROVIDERS = 20;
    private static final int REQUESTERS = 6;
    private static final String[] UNITS = {
        "Sektori i Krimeve Kibernetike",
        "Drejtoria Vendore e Policisë",
        "Sektori i Hetimit të Krimeve Ekonomike",
        "Njësia e Hetimit të Krimit të Organizuar"
    };
    private static final Set<RequestStatus> OPEN = RequestStatus.OPEN;

    @Autowired
    RequestFixtures fixtures;

    @Autowired
    DirectoryFixtures directory;

    @Autowired
    IdentityFixtures people;

    @Autowired
    LegalRequests requests;

    @Autowired
    RequestStatistics statistics;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    RequestClocks clocks;

    @Autowired
    JobLocks locks;

    /** Index 0 is the big provider. */
    private final List<RequestFixtures.Provider> providers = new ArrayList<>();

    private final List<TestUser> compliance = new ArrayList<>();
    private final List<OrganisationView> requesters = new ArrayList<>();
    private final List<List<TestUser>> officers = new ArrayList<>();
    private final List<List<TestUser>> authorisers = new ArrayList<>();
    private boolean loaded;

    // ---- (b) the inbox -----------------------------------------------------------------------

    @Test
    @Order(1)
    void inbox() {
        load();
        List<RequestRepository.Filter> filters = List.of(
                RequestRepository.Filter.none(),
                filter(OPEN, null, null, false),
                filter(EnumSet.of(RequestStatus.SUBMITTED, RequestStatus.RECEIVED), null, null, false),
                filter(OPEN, Priority.CRITICAL, null, false),
                filter(OPEN, Priority.HIGH, null, false),
                filter(null, null, true, false),
                filter(OPEN, null, true, false),
                filter(null, null, null, true),
                filter(null, Priority.HIGH, null, true),
                filter(RequestStatus.ANSWERED, null, null, false),
                filter(EnumSet.of(RequestStatus.CLARIFICATION_REQUESTED), null, null, false),
                filter(null, Priority.LOW, null, false));
        readInbox(filters, 300, new long[300], new ArrayList<>()); // warm the JIT, the pool, plans and cache
        long[] nanos = new long[INBOX_READS];
        List<String> labels = new ArrayList<>();
        long rows = readInbox(filters, INBOX_READS, nanos, labels);
        Map<String, List<Long>> perFilter = new LinkedHashMap<>();
        for (int i = 0; i < INBOX_READS; i++) {
            perFilter.computeIfAbsent(labels.get(i), k -> new ArrayList<>()).add(nanos[i]);
        }
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf(
                "%nREQUESTS (b) inbox, %d page reads of 50 (first pages and up to 3 next pages by cursor) over %d"
                        + " filters, through LegalRequests.inbox: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms,"
                        + " %.1f rows per page on average%n",
                INBOX_READS,
                filters.size(),
                sorted[INBOX_READS / 2] / 1e6,
                percentile(sorted, 0.95),
                percentile(sorted, 0.99),
                sorted[INBOX_READS - 1] / 1e6,
                (double) rows / INBOX_READS);
        perFilter.forEach((label, list) -> {
            long[] values = list.stream().mapToLong(Long::longValue).sorted().toArray();
            System.out.printf(
                    "REQUESTS (b)   %-52s %4d reads: p50 %6.2f ms, p95 %6.2f ms, max %7.2f ms%n",
                    label,
                    values.length,
                    values[values.length / 2] / 1e6,
                    percentile(values, 0.95),
                    values[values.length - 1] / 1e6);
        });
        assertThat(rows).isPositive();
        assertThat(percentile(sorted, 0.95))
                .as("inbox p95 in ms, target 30")
                .isLessThanOrEqualTo(Double.parseDouble(System.getProperty("bench.inboxP95TargetMs", "30")));
    }

    /**
     * Half the reads are the big provider's, the rest spread over the others; each session reads
     * the first page and follows the cursor for 0 to 3 more pages.
     */
    private long readInbox(List<RequestRepository.Filter> filters, int reads, long[] nanos, List<String> labels) {
        long rows = 0;
        int done = 0;
        for (int session = 0; done < reads; session++) {
            int provider = session % 2 == 0 ? 0 : 1 + (session / 2) % (PROVIDERS - 1);
            RequestRepository.Filter filter = filters.get((session / 2) % filters.size());
            TestUser reader = compliance.get(provider);
            String cursor = null;
            int pages = 1 + session % 4;
            for (int page = 0; page < pages && done < reads; page++) {
                long t0 = System.nanoTime();
                CursorPage<RequestSummary> result = requests.inbox(reader.actor(), filter, cursor, 50);
                nanos[done] = System.nanoTime() - t0;
                labels.add(label(filter));
                done++;
                rows += result.items().size();
                cursor = result.nextCursor();
                if (cursor == null) {
                    break;
                }
            }
        }
        return rows;
    }

    // ---- (c) the statistics -----------------------------------------------------------------

    @Test
    @Order(2)
    void statistics() {
        load();
        UUID big = providers.getFirst().organisation().id();
        int year = LocalDate.now(ZoneOffset.UTC).getYear() - 1;
        Instant[] period = statistics.year(year);
        long rows = jdbc.sql("SELECT COUNT(*) FROM legal_request WHERE provider_org_id = ? AND submitted_at >= ?"
                        + " AND submitted_at < ?")
                .params(big, RequestRepository.utc(period[0]), RequestRepository.utc(period[1]))
                .query(Long.class)
                .single();
        RequestStatistics.Scope scope = new RequestStatistics.Scope.Provider(big);
        // As the provider's compliance officer reads them: authorised, in the ledger, one transaction.
        Actor reader = compliance.getFirst().actor();
        for (int i = 0; i < 4; i++) {
            statistics.compute(reader, scope, period[0], period[1]); // warm the JIT, plans and cache
        }
        long[] nanos = new long[STATISTICS_RUNS];
        RequestStatistics.Statistics last = statistics.compute(reader, scope, period[0], period[1]);
        long besideBefore = statistics.besideRuns();
        for (int i = 0; i < STATISTICS_RUNS; i++) {
            long t0 = System.nanoTime();
            last = statistics.compute(reader, scope, period[0], period[1]);
            nanos[i] = System.nanoTime() - t0;
        }
        long beside = statistics.besideRuns() - besideBefore;
        Arrays.sort(nanos);
        System.out.printf(
                "%nREQUESTS (c) statistics of the biggest provider for %d (%d of the %d requests stored), %d runs"
                        + " by its compliance officer through RequestStatistics.compute (%d with the two passes side"
                        + " by side): p50 %.1f ms, p95 %.1f ms, max %.1f ms%n",
                year,
                rows,
                count("legal_request"),
                STATISTICS_RUNS,
                beside,
                nanos[STATISTICS_RUNS / 2] / 1e6,
                percentile(nanos, 0.95),
                nanos[STATISTICS_RUNS - 1] / 1e6);
        System.out.printf(
                "REQUESTS (c)   figures: total %d, emergencies %d, acknowledge median %s h / p90 %s h, answer median"
                        + " %s h / p90 %s h, %d requesting units, %d preservations (%d followed), %d overdue%n",
                last.total(),
                last.emergencies(),
                last.acknowledge().medianHours(),
                last.acknowledge().p90Hours(),
                last.answer().medianHours(),
                last.answer().p90Hours(),
                last.perUnit().size(),
                last.preservations(),
                last.preservationsFollowed(),
                last.overdue());
        // The first version's preservation query needs an index on the follow-up's link, which the
        // application no longer has; without it that query alone runs for hours on these rows.
        jdbc.sql("CREATE INDEX bench_reference_followed ON legal_request (preservation_request_id)")
                .update();
        clock.set(Instant.now());
        long t0 = System.nanoTime();
        RequestStatistics.Statistics reference =
                new StatisticsReference(jdbc).compute(scope, period[0], period[1], clock.instant());
        double referenceSeconds = (System.nanoTime() - t0) / 1e9;
        jdbc.sql("DROP INDEX bench_reference_followed").update();
        assertThat(statistics.compute(scope, period[0], period[1]))
                .usingRecursiveComparison()
                .isEqualTo(reference);
        System.out.printf(
                "REQUESTS (c)   the same figures as the first version's one query per figure (given an index on the"
                        + " follow-up's link), which took %.1f s%n%n",
                referenceSeconds);
        assertThat(last.total()).isEqualTo(rows);
        assertThat(percentile(nanos, 0.95))
                .as("statistics p95 in ms, target 300")
                .isLessThanOrEqualTo(Double.parseDouble(System.getProperty("bench.statisticsTargetMs", "300")));
    }

    // ---- (a) create and submit ----------------------------------------------------------------

    @Test
    @Order(3)
    void createAndSubmit() throws Exception {
        organisations();
        long before = count("legal_request");
        long auditBefore = count("audit_entries");
        long overlapsBefore = count("request_deconfliction");
        long notificationsBefore = count("notification");
        // Warmed up until the JIT compilers are done with the flow: on a slow machine they were still
        // compiling it, on a core of their own, two minutes in (a third of this JVM's CPU, measured).
        java.lang.management.CompilationMXBean jit = java.lang.management.ManagementFactory.getCompilationMXBean();
        Run warmup = flows(WARMUP);
        long warmedNanos = (long) (warmup.seconds() * 1e9);
        int warmupFlows = warmup.nanos().length;
        long compiled = jit.getTotalCompilationTime();
        while (warmedNanos < MAX_WARMUP.toNanos()) {
            Run more = flows(WARMUP_ROUND);
            warmedNanos += (long) (more.seconds() * 1e9);
            warmupFlows += more.nanos().length;
            long compiling = jit.getTotalCompilationTime() - compiled;
            compiled += compiling;
            if (compiling < WARMUP_ROUND.toMillis() / 20) {
                break;
            }
        }
        drain();
        List<Long> backends = backends();
        long machineBefore = machineBusyMillis();
        long jvmBefore = jvmCpuMillis();
        long backendsBefore = cpuMillis(backends);
        long compiledBefore = jit.getTotalCompilationTime();
        Run run = flows(RUN);
        long compiledDuring = jit.getTotalCompilationTime() - compiledBefore;
        long machine = machineBusyMillis() - machineBefore;
        long jvm = jvmCpuMillis() - jvmBefore;
        long database = cpuMillis(backends) - backendsBefore;
        long backlog = pendingPublications();
        double drained = drain();
        long[] sorted = run.nanos().clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        double perSecond = n / run.seconds();
        System.out.printf(
                "%nREQUESTS (a) create-and-submit (%s), %d clients, %d s after a %.0f s warm-up (%d flows; the JIT"
                        + " compiled for %.1f s of the measured %d s), on %d stored requests: %d requests %s and"
                        + " authorised = %.0f requests/s; whole flow p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f"
                        + " ms%n",
                ONE_STEP ? "one call to write and send, one to authorise" : "draft, send, authorise: three calls",
                CLIENTS,
                RUN.toSeconds(),
                warmedNanos / 1e9,
                warmupFlows,
                compiledDuring / 1000.0,
                RUN.toSeconds(),
                before,
                n,
                ONE_STEP ? "written and sent for authorisation" : "drafted, sent for authorisation",
                perSecond,
                sorted[n / 2] / 1e6,
                percentile(sorted, 0.95),
                percentile(sorted, 0.99),
                sorted[n - 1] / 1e6);
        String[] steps = {
            ONE_STEP ? "createAndSubmitForAuthorisation" : "createDraft", "submitForAuthorisation", "authorise"
        };
        List<String> perStep = new ArrayList<>();
        for (int i = 0; i < steps.length; i++) {
            if (ONE_STEP && i == 1) {
                continue;
            }
            long[] step = run.steps()[i].clone();
            Arrays.sort(step);
            perStep.add(String.format(
                    "%s p50 %.1f ms / p95 %.1f ms", steps[i], step[step.length / 2] / 1e6, percentile(step, 0.95)));
        }
        System.out.printf(
                "REQUESTS (a)   per step: %s; %.1f audit entries per request; %d overlaps with other units' open"
                        + " requests found (deconfliction)%n",
                String.join(", ", perStep),
                (double) (count("audit_entries") - auditBefore) / (n + warmupFlows),
                (count("request_deconfliction") - overlapsBefore) / 2);
        System.out.printf(
                "REQUESTS (a)   the notices they raised: %.1f notifications per request, stored in the requests' own"
                        + " transactions; %d event publications still to deliver when the clients stopped, all"
                        + " delivered %.1f s later (%.0f requests/s counting that time)%n",
                (double) (count("notification") - notificationsBefore) / (n + warmupFlows),
                backlog,
                drained,
                n / (run.seconds() + drained));
        if (machine > 0) {
            System.out.printf(
                    "REQUESTS (a)   CPU while the clients ran: the machine's %d cores %.0f %% busy (every process);"
                            + " per request this JVM %.1f ms and its %d PostgreSQL backends %.1f ms = %.1f ms%n%n",
                    Runtime.getRuntime().availableProcessors(),
                    100.0
                            * machine
                            / (run.seconds() * 1000 * Runtime.getRuntime().availableProcessors()),
                    (double) jvm / n,
                    backends.size(),
                    (double) database / n,
                    (double) (jvm + database) / n);
        }
        assertThat(count("legal_request") - before).isEqualTo(n + warmupFlows);
        assertThat(perSecond)
                .as("requests/s, target 300")
                .isGreaterThanOrEqualTo(Double.parseDouble(System.getProperty("bench.createTargetPerSecond", "300")));
    }

    /** Waits until every event publication is delivered (the notices, then their e-mails); seconds waited. */
    private double drain() throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + Duration.ofMinutes(5).toNanos();
        while (pendingPublications() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private long pendingPublications() {
        return jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE completion_date IS NULL")
                .query(Long.class)
                .single();
    }

    private static long jvmCpuMillis() {
        return ((com.sun.management.OperatingSystemMXBean)
                                java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                        .getProcessCpuTime()
                / 1_000_000;
    }

    /** The PostgreSQL processes serving this JVM's connection pool. */
    private List<Long> backends() {
        return jdbc.sql("SELECT pid FROM pg_stat_activity WHERE application_name = ?")
                .param(APPLICATION_NAME)
                .query(Long.class)
                .list();
    }

    /** User and system CPU time of these local processes, from /proc; 0 for one that is gone. */
    private static long cpuMillis(List<Long> pids) {
        long ticks = 0;
        for (long pid : pids) {
            try {
                String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid + "/stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            } catch (java.io.IOException | RuntimeException gone) {
                // not on this machine, or ended
            }
        }
        return ticks * 10; // USER_HZ is 100 on Linux
    }

    /** CPU time all processes used (user, nice, system, irq, softirq), from /proc/stat; 0 where there is none. */
    private static long machineBusyMillis() {
        try {
            String[] cpu = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/stat"))
                    .getFirst()
                    .trim()
                    .split("\\s+");
            long ticks = 0;
            for (int i : new int[] {1, 2, 3, 6, 7}) {
                ticks += Long.parseLong(cpu[i]);
            }
            return ticks * 10; // USER_HZ is 100 on Linux
        } catch (java.io.IOException | RuntimeException unavailable) {
            return 0;
        }
    }

    /** Whether each call runs on a virtual thread of its own, as with {@code URA_VIRTUAL_THREADS=true}. */
    private static final boolean VIRTUAL_THREADS =
            Boolean.parseBoolean(System.getProperty("bench.virtualThreads", "true"));

    private record Run(long[] nanos, long[][] steps, double seconds) {}

    /** {@link #CLIENTS} threads doing the whole flow until the time is up; fails on the first error. */
    private Run flows(Duration duration) throws Exception {
        long deadline = System.nanoTime() + duration.toNanos();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<long[][]>> work = new ArrayList<>();
        long start = System.nanoTime();
        try {
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                work.add(pool.submit(() -> client(client, deadline, failure)));
            }
            List<long[][]> all = new ArrayList<>();
            for (Future<long[][]> future : work) {
                all.add(future.get(10, TimeUnit.MINUTES));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            if (failure.get() != null) {
                throw new AssertionError("a flow failed", failure.get());
            }
            long[][] columns = new long[4][];
            for (int i = 0; i < 4; i++) {
                int column = i;
                columns[i] = all.stream()
                        .flatMapToLong(r -> Arrays.stream(r[column]))
                        .toArray();
            }
            return new Run(columns[3], new long[][] {columns[0], columns[1], columns[2]}, seconds);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Per flow: createDraft, submitForAuthorisation, authorise and the whole, in nanoseconds. */
    private long[][] client(int client, long deadline, AtomicReference<Throwable> failure) {
        int requester = client % REQUESTERS;
        TestUser officer = officers.get(requester)
                .get((client / REQUESTERS) % officers.get(requester).size());
        TestUser authoriser = authorisers
                .get(requester)
                .get(client % authorisers.get(requester).size());
        long[][] nanos = new long[4][100_000];
        int n = 0;
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (System.nanoTime() < deadline && failure.get() == null) {
            RequestFixtures.Provider provider = providers.get(pickProvider(random));
            RequestFixtures.World world = new RequestFixtures.World(
                    requesters.get(requester),
                    provider.organisation(),
                    provider.service(),
                    officer,
                    officer,
                    authoriser,
                    compliance.getFirst(),
                    compliance.getFirst());
            DraftCommand draft = draft(world, random);
            try {
                long t0 = System.nanoTime();
                RequestView created;
                long t1;
                if (ONE_STEP) {
                    created = switch (call(() -> requests.createAndSubmitForAuthorisation(officer.actor(), draft))) {
                        case Sending.Sent sent -> sent.request();
                        case Sending.KeptAsDraft kept -> throw kept.problem();
                    };
                    t1 = System.nanoTime();
                } else {
                    created = call(() -> requests.createDraft(officer.actor(), draft));
                    t1 = System.nanoTime();
                    call(() -> requests.submitForAuthorisation(officer.actor(), created.id()));
                }
                long t2 = System.nanoTime();
                RequestView submitted = call(() -> requests.authorise(authoriser.actor(), created.id()));
                long t3 = System.nanoTime();
                if (submitted.status() != RequestStatus.SUBMITTED) {
                    throw new IllegalStateException("not submitted: " + submitted.status());
                }
                nanos[0][n] = t1 - t0;
                nanos[1][n] = t2 - t1;
                nanos[2][n] = t3 - t2;
                nanos[3][n] = t3 - t0;
                n++;
            } catch (ProblemException e) {
                failure.compareAndSet(null, new IllegalStateException(e.getMessage() + " " + e.fieldProblems(), e));
            } catch (RuntimeException e) {
                failure.compareAndSet(null, e);
            }
        }
        int count = n;
        return Arrays.stream(nanos).map(column -> Arrays.copyOf(column, count)).toArray(long[][]::new);
    }

    /**
     * One call as one API request: on a virtual thread of its own, as the application serves each
     * request (a thread looping over calls would get its last connection back first, every time).
     */
    private static <T> T call(java.util.concurrent.Callable<T> work) {
        if (!VIRTUAL_THREADS) {
            try {
                return work.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        try (ExecutorService thread = Executors.newVirtualThreadPerTaskExecutor()) {
            return thread.submit(work).get();
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A third of the requests go to the big provider, the rest to the others, fewer to the smaller ones. */
    private static int pickProvider(ThreadLocalRandom random) {
        if (random.nextDouble() < 0.3) {
            return 0;
        }
        return 1 + Math.min(PROVIDERS - 2, (int) ((PROVIDERS - 1) * Math.pow(random.nextDouble(), 1.6)));
    }

    /**
     * A valid request as an officer types it: 3 % emergencies, priorities as in the generated data,
     * one to three identifiers (IP addresses, e-mail accounts), now and then an IPv4 address another
     * unit asked the same provider about, which the deconfliction finds.
     */
    private DraftCommand draft(RequestFixtures.World world, ThreadLocalRandom random) {
        boolean emergency = random.nextDouble() < 0.03;
        int count = 1 + (random.nextDouble() < 0.3 ? 1 : 0) + (random.nextDouble() < 0.1 ? 1 : 0);
        List<DraftCommand.IdentifierCommand> identifiers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            double kind = random.nextDouble();
            if (kind < 0.05) {
                identifiers.add(fixtures.ip("203.0.113." + random.nextInt(256)));
            } else if (kind < 0.6) {
                identifiers.add(ipv6("2001:db8:ffff:" + Integer.toHexString(random.nextInt(65536)) + "::"
                        + Integer.toHexString(1 + random.nextInt(65535))));
            } else {
                identifiers.add(fixtures.email("user" + random.nextInt(10_000_000) + "@mail.example"));
            }
        }
        DraftCommand d = fixtures.draft(
                world, emergency ? RequestType.EMERGENCY_DISCLOSURE : RequestType.DISCLOSURE, identifiers);
        double p = random.nextDouble();
        Priority priority = emergency || p < 0.03
                ? Priority.CRITICAL
                : p < 0.18 ? Priority.HIGH : p < 0.88 ? Priority.NORMAL : Priority.LOW;
        return new DraftCommand(
                d.type(),
                d.fileNumber(),
                UNITS[random.nextInt(UNITS.length)],
                d.officerName(),
                d.officerPhone(),
                d.officerEmail(),
                d.legalProvisionId(),
                d.legalBasisNote(),
                d.providerId(),
                d.serviceId(),
                d.identifiers(),
                d.offence(),
                d.summary(),
                d.relevance(),
                priority,
                d.emergency(),
                d.emergencyJustification(),
                random.nextDouble() < 0.2,
                d.confidentialUntil(),
                d.requestedDeadline(),
                d.preservationRequestId(),
                d.oralRequestId(),
                d.acknowledgeRetention());
    }

    /** An IPv6 address and port seen an hour ago (the service shares addresses), asking who was assigned it. */
    private static DraftCommand.IdentifierCommand ipv6(String address) {
        Instant seen = Instant.now().minus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        return new DraftCommand.IdentifierCommand(
                IdentifierKind.IPV6,
                address,
                51234,
                seen.atOffset(ZoneOffset.ofHours(1)).toString(),
                null,
                DataCategory.IDENTIFICATION_DATA,
                List.of(DataItem.IP_ASSIGNMENT),
                seen.minus(Duration.ofHours(1)).toString(),
                seen.plus(Duration.ofMinutes(30)).toString());
    }

    // ---- the organisations and the generated requests ----------------------------------------

    /** The providers and requesters, with their people, made through the services as the application does. */
    private void organisations() {
        if (!providers.isEmpty()) {
            return;
        }
        for (int p = 0; p < PROVIDERS; p++) {
            RequestFixtures.Provider provider = fixtures.provider("AL");
            providers.add(provider);
            compliance.add(people.user(provider.organisation(), RequestsConfiguration.COMPLIANCE_OFFICER));
            people.user(provider.organisation(), RequestsConfiguration.COMPLIANCE_OFFICER);
            people.user(provider.organisation(), RequestsConfiguration.COMPLIANCE_LEAD);
        }
        for (int r = 0; r < REQUESTERS; r++) {
            OrganisationView requester = directory.organisation(
                    r == REQUESTERS - 1 ? OrganisationType.PROSECUTION : OrganisationType.LAW_ENFORCEMENT, "AL");
            requesters.add(requester);
            List<TestUser> theirOfficers = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                theirOfficers.add(people.user(requester, RequestsConfiguration.OFFICER));
            }
            officers.add(theirOfficers);
            authorisers.add(List.of(
                    people.user(requester, RequestsConfiguration.AUTHORISER),
                    people.user(requester, RequestsConfiguration.AUTHORISER)));
        }
    }

    /**
     * {@link #REQUESTS} requests over the two years to now, one about every minute in submission
     * order: a third to the big provider, the others fewer the smaller they are; 45 % from the
     * biggest police unit; 15 % preservations, half of them followed by a disclosure (linked to
     * them) days later, 3 % emergencies; priorities 3 % critical, 15 % high, 70 % normal, 12 % low;
     * answered in 10 % to 110 % of the time allowed (so one in ten late), acknowledged before,
     * refused or impossible one in four, closed half a month on for half of them; 2 % withdrawn,
     * 0.4 % stuck open (overdue), 1 % never sent (drafts and awaiting authorisation); one to three
     * identifiers each (IP addresses, e-mail accounts, phone numbers, accounts).
     */
    private void load() {
        organisations();
        if (loaded) {
            return;
        }
        long start = System.nanoTime();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String providerIds =
                array(providers.stream().map(p -> p.organisation().id()).toList());
        String serviceIds = array(providers.stream().map(p -> p.service().id()).toList());
        String requesterIds =
                array(requesters.stream().map(OrganisationView::id).toList());
        String units = "ARRAY['" + String.join("','", UNITS) + "']";
        String reasons = "ARRAY['"
                + Arrays.stream(RefusalReason.values()).map(Enum::name).collect(Collectors.joining("','")) + "']";
        String sql = GENERATE_REQUESTS
                .replace("{N}", String.valueOf(REQUESTS))
                .replace("{T}", now.toString())
                .replace("{PROVIDERS}", providerIds)
                .replace("{SERVICES}", serviceIds)
                .replace("{REQUESTERS}", requesterIds)
                .replace(
                        "{OFFICERS}",
                        array(officers.stream()
                                .flatMap(List::stream)
                                .map(TestUser::id)
                                .toList()))
                .replace(
                        "{AUTHORISERS}",
                        array(authorisers.stream()
                                .flatMap(List::stream)
                                .map(TestUser::id)
                                .toList()))
                .replace("{UNITS}", units)
                .replace("{REASONS}", reasons)
                .replace("{PROVISION}", RequestFixtures.PROVISION.toString());
        jdbc.sql(random(sql)).update();
        double requestSeconds = (System.nanoTime() - start) / 1e9;
        jdbc.sql(random(GENERATE_IDENTIFIERS
                        .replace("{N}", String.valueOf(REQUESTS))
                        .replace("{T}", now.toString())))
                .update();
        jdbc.sql("SELECT setval('legal_request_number', " + REQUESTS + ")")
                .query(Long.class)
                .single();
        double identifierSeconds = (System.nanoTime() - start) / 1e9 - requestSeconds;
        // A system that has run for two years has sent its reminders and overdue notices: catch the
        // clocks up now, or their first pass (45 s after start) would send thousands during (a).
        long clocksStart = System.nanoTime();
        long remindersBefore = count("request_reminder");
        try {
            // Under the clocks' own lock: their scheduled pass may be running meanwhile.
            while (!locks.runExclusively("requests.clocks", Duration.ofMinutes(30), clocks::run)) {
                Thread.sleep(500);
            }
            drain();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        long reminders = count("request_reminder") - remindersBefore;
        double clocksSeconds = (System.nanoTime() - clocksStart) / 1e9;
        long vacuumStart = System.nanoTime();
        jdbc.sql("VACUUM (ANALYZE) legal_request").update();
        jdbc.sql("VACUUM (ANALYZE) request_identifier").update();
        // The generated gigabytes are written out now, not by a checkpoint in the middle of what is timed.
        try {
            jdbc.sql("CHECKPOINT").update();
        } catch (org.springframework.dao.DataAccessException notAllowed) {
            System.out.println("REQUESTS (no CHECKPOINT after generating: " + notAllowed.getMessage() + ")");
        }
        double vacuumSeconds = (System.nanoTime() - vacuumStart) / 1e9;
        loaded = true;
        System.out.printf(
                "%nREQUESTS generated %d requests in %.1f s and %d identifiers in %.1f s; the clocks' catch-up"
                        + " (%d reminders and overdue notices, delivered) %.1f s; VACUUM ANALYZE and CHECKPOINT %.1f s;"
                        + " table %s, its indexes %s%n",
                count("legal_request"),
                requestSeconds,
                count("request_identifier"),
                identifierSeconds,
                reminders,
                clocksSeconds,
                vacuumSeconds,
                jdbc.sql("SELECT pg_size_pretty(pg_table_size('legal_request'))")
                        .query(String.class)
                        .single(),
                jdbc.sql("SELECT pg_size_pretty(pg_indexes_size('legal_request'))")
                        .query(String.class)
                        .single());
        System.out.println("REQUESTS indexes: "
                + jdbc.sql(
                                "SELECT string_agg(relname || ' ' || pg_size_pretty(pg_relation_size(oid)),"
                                        + " ', ' ORDER BY pg_relation_size(oid) DESC) FROM pg_class WHERE relkind = 'i'"
                                        + " AND relnamespace = current_schema()::regnamespace AND relname LIKE 'legal_request%'")
                        .query(String.class)
                        .single());
        System.out.println("REQUESTS by status: "
                + jdbc.sql("SELECT string_agg(status || ' ' || n, ', ' ORDER BY n DESC) FROM (SELECT status,"
                                + " COUNT(*) n FROM legal_request GROUP BY status) s")
                        .query(String.class)
                        .single());
        System.out.println("REQUESTS per provider: "
                + jdbc.sql("SELECT string_agg(n::text, ' ' ORDER BY n DESC) FROM (SELECT COUNT(*) n FROM"
                                + " legal_request GROUP BY provider_org_id) s")
                        .query(String.class)
                        .single()
                + "; emergencies "
                + jdbc.sql("SELECT COUNT(*) FROM legal_request WHERE emergency")
                        .query(Long.class)
                        .single()
                + "; overdue now "
                + jdbc.sql("SELECT COUNT(*) FROM legal_request WHERE status IN ('SUBMITTED', 'RECEIVED',"
                                + " 'ACKNOWLEDGED', 'CLARIFICATION_REQUESTED', 'IN_PROGRESS') AND (answer_due_at"
                                + " < now() OR (acknowledged_at IS NULL AND acknowledge_due_at < now()))")
                        .query(Long.class)
                        .single());
    }

    /**
     * {@code r(k)} and {@code rs(k)}: the k-th of independent pseudo-random numbers in [0, 1) of
     * the row {@code g} (or of the row {@code src} a disclosure after preservation follows), the
     * same on every run.
     */
    private static String random(String sql) {
        return sql.replaceAll(
                        "\\brs\\(([^()]+)\\)", "((hashint8(src * 64 + ($1))::bigint + 2147483648) / 4294967296.0)")
                .replaceAll("\\br\\(([^()]+)\\)", "((hashint8(g * 64 + ($1))::bigint + 2147483648) / 4294967296.0)");
    }

    /** The submission time of row g: spread evenly over the 730 days to {T}, with up to a minute of jitter. */
    private static final String SUBMITTED_AT =
            "TIMESTAMPTZ '{T}' - make_interval(secs => ({N} - g) * (730.0 * 86400 / {N}) + 60 * r(1))";

    private static final String GENERATE_REQUESTS = """
            INSERT INTO legal_request (id, reference, request_type, status, requester_org_id, file_number,
                requesting_unit, officer_id, officer_name, officer_phone, officer_email, authoriser_id,
                legal_provision_id, provider_org_id, service_id, offence, summary, relevance, priority, emergency,
                emergency_justification, confidential, preservation_request_id, retention_acknowledged, created_at,
                updated_at, submitted_at, received_at, acknowledged_at, answered_at, closed_at, withdrawn_at,
                acknowledge_due_at, answer_due_at, acknowledge_seconds, answer_seconds, outcome, reason_code,
                reason_text, preservation_expires_at, preservation_extensions, preservation_state, signed_payload,
                signature, signature_key_id, signed_at, draft, version, data_categories, preservation_followed_at)
            SELECT md5('bench-request-' || g)::uuid,
                'LR-' || extract(year FROM created_at AT TIME ZONE 'Europe/Tirane') || '-' || lpad(g::text, 6, '0'),
                type, status, ({REQUESTERS})[rq], 'PP-' || g, ({UNITS})[unit],
                ({OFFICERS})[(rq - 1) * 6 + 1 + officer % 6], 'Officer ' || rq || '-' || officer,
                '+355 4 222 ' || lpad(officer::text, 4, '0'), 'officer' || officer || '@police' || rq || '.example',
                CASE WHEN sent THEN ({AUTHORISERS})[(rq - 1) * 2 + 1 + officer % 2] END,
                '{PROVISION}'::uuid, ({PROVIDERS})[pv], ({SERVICES})[pv], 'Mashtrim kompjuterik (neni 143/b KP)',
                'Fictional: ' || repeat('a phishing site took payments from victims; ', 4) || g,
                'The identifiers show who ran the site in request ' || g || '.', priority, emergency,
                CASE WHEN emergency THEN 'Fictional: a person has announced self-harm tonight.' END, u_conf < 0.2,
                CASE WHEN type = 'DISCLOSURE_AFTER_PRESERVATION' THEN md5('bench-request-' || src)::uuid END, FALSE,
                created_at, GREATEST(created_at, submitted_at, received_at, acknowledged_at, answered_at, closed_at),
                submitted_at, received_at, acknowledged_at, answered_at, closed_at,
                CASE WHEN status = 'WITHDRAWN' THEN closed_at END,
                CASE WHEN sent THEN sub_at + make_interval(secs => ack_s) END,
                CASE WHEN sent THEN sub_at + make_interval(secs => ans_s) END,
                CASE WHEN acknowledged_at IS NOT NULL THEN round(ack_d)::bigint END,
                CASE WHEN answered_at IS NOT NULL THEN round(ans_d)::bigint END,
                CASE WHEN answered_at IS NOT NULL THEN result END,
                CASE WHEN answered_at IS NOT NULL AND result IN ('REFUSED', 'IMPOSSIBLE')
                    THEN ({REASONS})[1 + floor(r(13) * 12)::int] END,
                CASE WHEN answered_at IS NOT NULL AND result IN ('REFUSED', 'IMPOSSIBLE')
                    THEN 'Fictional: the reason the provider gave.' END,
                CASE WHEN type = 'PRESERVATION' AND answered_at IS NOT NULL THEN sub_at + INTERVAL '90 days' END, 0,
                CASE WHEN type = 'PRESERVATION' AND answered_at IS NOT NULL THEN
                    CASE WHEN g % 100 < 7 AND g + 5050 <= {N} THEN
                        CASE WHEN age < 20 * 86400 THEN 'FOLLOWED' ELSE 'CONVERTED' END
                    WHEN age < 90 * 86400 THEN 'ACTIVE' WHEN r(14) < 0.7 THEN 'LAPSED' ELSE 'RELEASED' END END,
                CASE WHEN sent THEN '{"reference":"LR-' || g || '","type":"' || type || '","summary":"'
                    || repeat('Fictional: a phishing site took payments from victims. ', 18) || '","identifiers":['
                    || repeat('{"kind":"IPV4","value":"198.51.100.7","from":"2025-01-01T00:00:00Z"},', 3) || ']}' END,
                CASE WHEN sent THEN 'eyJhbGciOiJFUzI1NiIsImtpZCI6ImJlbmNoIiwib3JnIjoiYmVuY2gifQ..' || md5(g::text)
                    || md5('s' || g) || md5('t' || g) END,
                CASE WHEN sent THEN 'bench-key' END, submitted_at,
                CASE WHEN NOT sent THEN '{}' END, 2 + g % 5, {CATEGORIES},
                CASE WHEN type = 'PRESERVATION' AND g % 100 < 7 AND g + 5050 <= {N} THEN {FOLLOWED_AT} END
            FROM (
                SELECT s.*, status NOT IN ('DRAFT', 'AWAITING_AUTHORISATION') AS sent,
                    CASE WHEN status NOT IN ('DRAFT', 'AWAITING_AUTHORISATION') THEN sub_at END AS submitted_at,
                    CASE WHEN status NOT IN ('DRAFT', 'AWAITING_AUTHORISATION', 'SUBMITTED')
                        THEN sub_at + make_interval(secs => LEAST(ack_d, 120 + r(15) * 3600)) END AS received_at,
                    CASE WHEN status IN ('ACKNOWLEDGED', 'IN_PROGRESS', 'CLARIFICATION_REQUESTED', 'ANSWERED_FULL',
                            'ANSWERED_PART', 'REFUSED', 'IMPOSSIBLE', 'CLOSED')
                            OR (status = 'WITHDRAWN' AND ack_d <= ans_d * 0.3)
                        THEN sub_at + make_interval(secs => ack_d) END AS acknowledged_at,
                    CASE WHEN status IN ('ANSWERED_FULL', 'ANSWERED_PART', 'REFUSED', 'IMPOSSIBLE', 'CLOSED')
                        THEN sub_at + make_interval(secs => ans_d) END AS answered_at,
                    CASE WHEN status = 'CLOSED' THEN sub_at + make_interval(secs => ans_d) + INTERVAL '30 days'
                        WHEN status = 'WITHDRAWN' THEN sub_at + make_interval(secs => ans_d * 0.3) END AS closed_at
                FROM (
                    SELECT t.*,
                        CASE WHEN unsent THEN CASE WHEN r(2) < 0.006 THEN 'DRAFT' ELSE 'AWAITING_AUTHORISATION' END
                            WHEN r(2) >= 0.014 AND r(2) < 0.034 AND age >= ans_d * 0.3 THEN 'WITHDRAWN'
                            WHEN age >= ans_d AND NOT (r(2) >= 0.01 AND r(2) < 0.014 AND NOT emergency) THEN
                                CASE WHEN age >= ans_d + 30 * 86400 AND r(8) < 0.5 THEN 'CLOSED' ELSE result END
                            WHEN age >= ack_d THEN
                                CASE WHEN r(9) < 0.3 THEN 'ACKNOWLEDGED' WHEN r(9) < 0.9 THEN 'IN_PROGRESS'
                                ELSE 'CLARIFICATION_REQUESTED' END
                            WHEN age >= 300 AND r(9) < 0.7 THEN 'RECEIVED'
                            ELSE 'SUBMITTED' END AS status
                    FROM (
                        SELECT d.*,
                            LEAST(ack_s * (0.05 + 1.05 * r(4)), ans_s * (0.1 + r(3)) * 0.6) AS ack_d,
                            ans_s * (0.1 + r(3)) AS ans_d
                        FROM (
                            SELECT c.*,
                                CASE WHEN emergency THEN 3600 WHEN priority = 'CRITICAL' THEN 4 * 3600
                                    WHEN priority = 'HIGH' THEN 86400 WHEN priority = 'NORMAL' THEN 2 * 86400
                                    ELSE 3 * 86400 END AS ack_s,
                                CASE WHEN emergency THEN 8 * 3600 WHEN priority = 'CRITICAL' THEN 3 * 86400
                                    WHEN priority = 'HIGH' THEN 5 * 86400 ELSE 10 * 86400 END AS ans_s,
                                CASE WHEN type = 'PRESERVATION' OR r(10) < 0.62 THEN 'ANSWERED_FULL'
                                    WHEN r(10) < 0.77 THEN 'ANSWERED_PART' WHEN r(10) < 0.92 THEN 'REFUSED'
                                    ELSE 'IMPOSSIBLE' END AS result
                            FROM (
                                SELECT b.*, type = 'EMERGENCY_DISCLOSURE' AS emergency,
                                    CASE WHEN type = 'EMERGENCY_DISCLOSURE' OR r(5) < 0.03 THEN 'CRITICAL'
                                        WHEN r(5) < 0.18 THEN 'HIGH' WHEN r(5) < 0.88 THEN 'NORMAL'
                                        ELSE 'LOW' END AS priority,
                                    type = 'DISCLOSURE' AND r(2) < 0.01 AS unsent,
                                    extract(epoch FROM TIMESTAMPTZ '{T}' - sub_at) AS age,
                                    sub_at - make_interval(secs => 600 + r(6) * 86400) AS created_at
                                FROM (
                                    SELECT g, src, r(7) AS u_conf,
                                        CASE WHEN g % 100 < 15 THEN 'PRESERVATION'
                                            WHEN src <> g THEN 'DISCLOSURE_AFTER_PRESERVATION'
                                            WHEN g % 100 BETWEEN 90 AND 92 THEN 'EMERGENCY_DISCLOSURE'
                                            ELSE 'DISCLOSURE' END AS type,
                                        CASE WHEN rs(11) < 0.3 THEN 1
                                            ELSE 2 + LEAST(18, floor(19 * power((rs(11) - 0.3) / 0.7, 1.6))::int)
                                            END AS pv,
                                        CASE WHEN rs(12) < 0.45 THEN 1
                                            ELSE 2 + LEAST(4, floor(5 * (rs(12) - 0.45) / 0.55)::int) END AS rq,
                                        1 + floor(rs(16) * 4)::int AS unit,
                                        floor(r(17) * 25)::int AS officer,
                                        {SUBMITTED_AT} AS sub_at
                                    FROM (
                                        SELECT g, CASE WHEN g % 100 BETWEEN 50 AND 56 AND g > 5050 THEN g - 5050
                                            ELSE g END AS src
                                        FROM generate_series(1, {N}) g) a OFFSET 0) b OFFSET 0) c
                                    OFFSET 0) d OFFSET 0) t OFFSET 0) s OFFSET 0) x
            """.replace("{SUBMITTED_AT}", SUBMITTED_AT)
            .replace("{CATEGORIES}", categories())
            .replace(
                    "{FOLLOWED_AT}",
                    SUBMITTED_AT
                            .replace("r(1)", "((hashint8((g + 5050) * 64 + 1)::bigint + 2147483648) / 4294967296.0)")
                            .replace("({N} - g)", "({N} - g - 5050)"));

    /**
     * The column data_categories of row g, from the same numbers {@link #GENERATE_IDENTIFIERS}
     * draws its identifiers' kinds with: identifier 1 with 30 %, identifier 2 with 10 %.
     */
    private static String categories() {
        String[] present = {"TRUE", "r(40) < 0.3", "r(40) < 0.1"};
        StringBuilder sql = new StringBuilder("' '");
        for (String category : List.of("IDENTIFICATION_DATA", "SUBSCRIBER_INFORMATION", "TRAFFIC_DATA")) {
            List<String> any = new ArrayList<>();
            for (int p = 0; p < 3; p++) {
                any.add("(" + present[p] + " AND " + kindCategory(36 + p) + " = '" + category + "')");
            }
            sql.append(" || CASE WHEN ")
                    .append(String.join(" OR ", any))
                    .append(" THEN '")
                    .append(category)
                    .append(" ' ELSE '' END");
        }
        return sql.toString();
    }

    private static String kindCategory(int stream) {
        String k = "r(" + stream + ")";
        return "CASE WHEN " + k + " < 0.55 THEN 'IDENTIFICATION_DATA' WHEN " + k
                + " < 0.80 THEN 'SUBSCRIBER_INFORMATION'" + " WHEN " + k
                + " < 0.93 THEN 'TRAFFIC_DATA' ELSE 'SUBSCRIBER_INFORMATION' END";
    }

    /** One to three identifiers per request, of the kinds and with the ranges officers ask for. */
    private static final String GENERATE_IDENTIFIERS = """
            INSERT INTO request_identifier (request_id, position, kind, identifier, normalised, source_port,
                observed_at, observed_zone, data_category, data_items, range_from, range_to)
            SELECT md5('bench-request-' || g)::uuid, p, kind, value, value,
                CASE WHEN kind = 'IPV4' THEN 1024 + floor(r(20 + p) * 60000)::int END,
                CASE WHEN kind IN ('IPV4', 'IPV6') THEN seen END,
                CASE WHEN kind IN ('IPV4', 'IPV6') THEN 'Europe/Tirane' END,
                CASE WHEN kind IN ('IPV4', 'IPV6') THEN 'IDENTIFICATION_DATA' WHEN kind = 'PHONE' THEN 'TRAFFIC_DATA'
                    ELSE 'SUBSCRIBER_INFORMATION' END,
                CASE WHEN kind IN ('IPV4', 'IPV6') THEN 'IP_ASSIGNMENT' WHEN kind = 'PHONE' THEN 'CALL_AND_MESSAGE_RECORDS'
                    WHEN kind = 'EMAIL' THEN 'SUBSCRIBER_IDENTITY SUBSCRIBER_ADDRESS' ELSE 'ACCOUNT_REGISTRATION' END,
                CASE WHEN kind IN ('IPV4', 'IPV6') THEN seen - INTERVAL '1 hour' WHEN kind = 'PHONE'
                    THEN sub_at - INTERVAL '30 days' ELSE sub_at - INTERVAL '180 days' END,
                CASE WHEN kind IN ('IPV4', 'IPV6') THEN seen + INTERVAL '30 minutes' ELSE sub_at - INTERVAL '1 day' END
            FROM (
                SELECT g, p, sub_at, sub_at - make_interval(secs => 3600 + r(24 + p) * 7 * 86400) AS seen,
                    CASE WHEN k < 0.40 THEN 'IPV4' WHEN k < 0.55 THEN 'IPV6' WHEN k < 0.80 THEN 'EMAIL'
                        WHEN k < 0.93 THEN 'PHONE' ELSE 'ACCOUNT' END AS kind,
                    CASE WHEN k < 0.40 THEN (ARRAY['198.51.100.', '192.0.2.'])[1 + floor(r(28 + p) * 2)::int]
                            || floor(r(32 + p) * 256)::int
                        WHEN k < 0.55 THEN '2001:db8:' || to_hex(g % 65536) || ':' || to_hex(g / 65536) || '::'
                            || to_hex(p + 1)
                        WHEN k < 0.80 THEN 'user' || floor(r(32 + p) * 300000)::int || '@mail.example'
                        WHEN k < 0.93 THEN '+35569' || lpad(floor(r(32 + p) * 10000000)::int::text, 7, '0')
                        ELSE 'acct-' || floor(r(32 + p) * 1000000)::int END AS value
                FROM (
                    SELECT g, p, r(36 + p) AS k, {SUBMITTED_AT} AS sub_at
                    FROM generate_series(1, {N}) g, generate_series(0, 2) p
                    WHERE p = 0 OR (p = 1 AND r(40) < 0.3) OR (p = 2 AND r(40) < 0.1) OFFSET 0) i OFFSET 0) j
            """.replace("{SUBMITTED_AT}", SUBMITTED_AT);

    // ---- helpers -------------------------------------------------------------------------------

    private static RequestRepository.Filter filter(
            @Nullable Set<RequestStatus> statuses,
            @Nullable Priority priority,
            @Nullable Boolean emergency,
            boolean overdue) {
        return new RequestRepository.Filter(statuses, priority, emergency, overdue, null);
    }

    private static String label(RequestRepository.Filter filter) {
        List<String> parts = new ArrayList<>();
        if (filter.statuses() != null) {
            parts.add(
                    filter.statuses().equals(OPEN)
                            ? "open"
                            : filter.statuses().equals(RequestStatus.ANSWERED)
                                    ? "answered"
                                    : filter.statuses().stream().map(Enum::name).collect(Collectors.joining("|")));
        }
        if (filter.priority() != null) {
            parts.add(filter.priority().name());
        }
        if (Boolean.TRUE.equals(filter.emergency())) {
            parts.add("emergency");
        }
        if (filter.overdueOnly()) {
            parts.add("overdue");
        }
        return parts.isEmpty() ? "no filter" : String.join(" + ", parts);
    }

    private static String array(List<UUID> ids) {
        return "ARRAY[" + ids.stream().map(id -> "'" + id + "'::uuid").collect(Collectors.joining(",")) + "]";
    }

    /** The nearest-rank percentile of sorted nanoseconds, in milliseconds. */
    private static double percentile(long[] sorted, double p) {
        return sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))] / 1e6;
    }

    private long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }
}
