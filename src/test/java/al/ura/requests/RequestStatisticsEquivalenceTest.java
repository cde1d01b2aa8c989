package al.ura.requests;

import static org.assertj.core.api.Assertions.assertThat;

import al.ura.testing.DatabaseTest;
import al.ura.testing.TestClock;
import al.ura.testing.TestDatabaseEnvironment;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The statistics read the requests in a few passes and count categories from the request's own
 * column: figure for figure they are still those of one query per figure over the identifiers.
 */
@DatabaseTest
class RequestStatisticsEquivalenceTest {

    @Autowired
    RequestFixtures fixtures;

    @Autowired
    LegalRequests requests;

    @Autowired
    ProviderDesk desk;

    @Autowired
    RequestStatistics statistics;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void fewerPassesGiveTheSameFigures() {
        RequestFixtures.World world = fixtures.world();
        RequestFixtures.World other = fixtures.world();
        Instant start = Instant.now().minus(Duration.ofDays(3)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        clock.set(start);

        RequestView answered = fixtures.submitted(
                world,
                fixtures.draft(
                        world,
                        RequestType.DISCLOSURE,
                        List.of(fixtures.ip("203.0.113.25"), fixtures.email("a@mail.example"))));
        RequestView partly = fixtures.submitted(world);
        RequestView refused = fixtures.submitted(
                world, fixtures.draft(world, RequestType.DISCLOSURE, List.of(fixtures.email("b@mail.example"))));
        RequestView emergency = fixtures.submitted(
                world, fixtures.draft(world, RequestType.EMERGENCY_DISCLOSURE, List.of(fixtures.ip("203.0.113.26"))));
        RequestView preservation = fixtures.submitted(
                world, fixtures.draft(world, RequestType.PRESERVATION, List.of(fixtures.email("c@mail.example"))));
        RequestView lapsing = fixtures.submitted(
                world, fixtures.draft(world, RequestType.PRESERVATION, List.of(fixtures.email("d@mail.example"))));
        fixtures.submitted(world); // still open
        fixtures.submitted(other);
        requests.createDraft(world.officer().actor(), fixtures.draft(world));

        clock.advance(Duration.ofHours(2));
        desk.acknowledge(world.compliance().actor(), answered.id());
        desk.acknowledge(world.compliance().actor(), emergency.id());
        desk.acknowledge(world.compliance().actor(), preservation.id());
        desk.acknowledge(world.compliance().actor(), lapsing.id());
        clock.advance(Duration.ofHours(5));
        desk.answer(
                world.compliance().actor(),
                answered.id(),
                new ProviderDesk.AnswerCommand(
                        true,
                        null,
                        List.of(
                                new ProviderDesk.ItemCommand(0, true, "Fictional subscriber", null),
                                new ProviderDesk.ItemCommand(1, true, "Fictional subscriber", null))));
        desk.answer(
                world.compliance().actor(),
                emergency.id(),
                new ProviderDesk.AnswerCommand(
                        true, null, List.of(new ProviderDesk.ItemCommand(0, true, "Fictional subscriber", null))));
        desk.answer(
                world.compliance().actor(),
                partly.id(),
                new ProviderDesk.AnswerCommand(
                        false, "Only part is kept", List.of(new ProviderDesk.ItemCommand(0, false, null, null))));
        desk.refuse(
                world.compliance().actor(),
                refused.id(),
                new ProviderDesk.RefusalCommand(false, RefusalReason.TOO_BROAD, "Fictional: the range is too wide."));
        for (RequestView kept : List.of(preservation, lapsing)) {
            desk.answer(
                    world.compliance().actor(),
                    kept.id(),
                    new ProviderDesk.AnswerCommand(
                            true, null, List.of(new ProviderDesk.ItemCommand(0, true, "Fictional: preserved", null))));
        }
        clock.advance(Duration.ofHours(1));
        DraftCommand follow = fixtures.draft(
                world, RequestType.DISCLOSURE_AFTER_PRESERVATION, List.of(fixtures.email("c@mail.example")));
        fixtures.submitted(world, with(follow, follow.requestingUnit(), preservation.id()));
        clock.advance(Duration.ofDays(12)); // the open ones are overdue now

        Instant from = start.minus(Duration.ofDays(1));
        Instant to = clock.instant().plus(Duration.ofDays(1));
        StatisticsReference reference = new StatisticsReference(jdbc);
        for (RequestStatistics.Scope scope : List.of(
                new RequestStatistics.Scope.Provider(world.provider().id()),
                new RequestStatistics.Scope.Requester(world.police().id()),
                new RequestStatistics.Scope.National(),
                new RequestStatistics.Scope.Provider(UUID.randomUUID()))) {
            RequestStatistics.Statistics computed = statistics.compute(scope, from, to);
            assertThat(computed)
                    .as(scope.toString())
                    .usingRecursiveComparison()
                    .isEqualTo(reference.compute(scope, from, to, clock.instant()));
        }
        RequestStatistics.Statistics provider = statistics.compute(
                new RequestStatistics.Scope.Provider(world.provider().id()), from, to);
        assertThat(provider.total()).isEqualTo(8);
        assertThat(provider.byCategory())
                .containsEntry("IDENTIFICATION_DATA", 4L)
                .containsEntry("SUBSCRIBER_INFORMATION", 5L);
        assertThat(provider.preservations()).isEqualTo(2);
        assertThat(provider.preservationsFollowed()).isEqualTo(1);
        assertThat(provider.overdue()).isPositive();
        assertThat(provider.perProvider())
                .singleElement()
                .satisfies(group -> assertThat(group.requests()).isEqualTo(8));
    }

    @Test
    void unitsComeMostRequestsFirstThenByNameEachWithItsOwnTimes() {
        RequestFixtures.World world = fixtures.world();
        Instant start = Instant.now().minus(Duration.ofDays(3)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        clock.set(start);
        String durres = "Drejtoria Vendore e Policisë Durrës";
        String elbasan = "Njësia e Hetimit Elbasan";
        List<RequestView> sent = List.of(
                fixtures.submitted(world, with(fixtures.draft(world), elbasan, null)),
                fixtures.submitted(
                        world,
                        with(
                                fixtures.draft(
                                        world, RequestType.DISCLOSURE, List.of(fixtures.email("e@mail.example"))),
                                durres,
                                null)),
                fixtures.submitted(world, with(fixtures.draft(world), elbasan, null)),
                fixtures.submitted(world, with(fixtures.draft(world), durres, null)),
                fixtures.submitted(world, fixtures.draft(world)));
        for (int i = 0; i < sent.size(); i++) {
            clock.advance(Duration.ofMinutes(17L * (i + 1)));
            desk.acknowledge(world.compliance().actor(), sent.get(i).id());
        }
        clock.advance(Duration.ofHours(3));
        desk.answer(
                world.compliance().actor(),
                sent.get(1).id(),
                new ProviderDesk.AnswerCommand(
                        true, null, List.of(new ProviderDesk.ItemCommand(0, true, "Fictional subscriber", null))));

        Instant from = start.minus(Duration.ofDays(1));
        Instant to = clock.instant().plus(Duration.ofDays(1));
        StatisticsReference reference = new StatisticsReference(jdbc);
        for (RequestStatistics.Scope scope : List.of(
                new RequestStatistics.Scope.Provider(world.provider().id()),
                new RequestStatistics.Scope.Requester(world.police().id()))) {
            RequestStatistics.Statistics computed = statistics.compute(scope, from, to);
            assertThat(computed)
                    .as(scope.toString())
                    .usingRecursiveComparison()
                    .isEqualTo(reference.compute(scope, from, to, clock.instant()));
            // Two units with two requests each, by name (code points: "D" before "N"), then the one with one.
            assertThat(computed.perUnit())
                    .extracting(RequestStatistics.GroupTimes::group, RequestStatistics.GroupTimes::requests)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(durres, 2L),
                            org.assertj.core.groups.Tuple.tuple(elbasan, 2L),
                            org.assertj.core.groups.Tuple.tuple("Sektori i Krimeve Kibernetike", 1L));
            // Durrës's two requests were both acknowledged, at different times, and one was answered.
            assertThat(computed.perUnit().getFirst().acknowledge().count()).isEqualTo(2);
            assertThat(computed.perUnit().getFirst().answer().count()).isEqualTo(1);
        }
    }

    /**
     * The two passes read the same requests even when one is sent between them: on PostgreSQL the
     * first runs on a second connection, which imports the transaction's snapshot.
     */
    @Test
    void bothPassesReadOneSnapshotWhileRequestsAreSent() throws Exception {
        RequestFixtures.World world = fixtures.world();
        Instant start = Instant.now().minus(Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        clock.set(start);
        fixtures.submitted(world);
        fixtures.submitted(world);
        Instant from = start.minus(Duration.ofDays(1));
        Instant to = start.plus(Duration.ofDays(1));
        RequestStatistics.Scope scope =
                new RequestStatistics.Scope.Provider(world.provider().id());
        long besideBefore = statistics.besideRuns();

        TransactionTemplate repeatable = new TransactionTemplate(transactions);
        repeatable.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
        RequestStatistics.Statistics during = repeatable.execute(status -> {
            // The transaction's snapshot is taken by its first read ...
            assertThat(jdbc.sql("SELECT COUNT(*) FROM legal_request WHERE provider_org_id = ?")
                            .param(world.provider().id())
                            .query(Long.class)
                            .single())
                    .isEqualTo(2);
            // ... and a third request is sent, and committed, after it.
            try (var elsewhere = java.util.concurrent.Executors.newSingleThreadExecutor()) {
                elsewhere.submit(() -> fixtures.submitted(world)).get();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return statistics.compute(scope, from, to);
        });

        assertThat(during).isNotNull();
        assertThat(during.total()).isEqualTo(2);
        assertThat(during.byType().values().stream().mapToLong(Long::longValue).sum())
                .as("the first pass's counts")
                .isEqualTo(2);
        assertThat(during.byStatus().values().stream()
                        .mapToLong(Long::longValue)
                        .sum())
                .isEqualTo(2);
        assertThat(statistics.compute(scope, from, to).total()).isEqualTo(3);
        assertThat(statistics.besideRuns() - besideBefore)
                .as("computations whose passes ran side by side")
                .isEqualTo(TestDatabaseEnvironment.postgres() ? 2 : 0);
    }

    /**
     * More computations at once than may hold a second connection: those that find none run their
     * passes one after the other, none waits for a connection held by another, and all agree.
     */
    @Test
    void manyAtOnceAllAgree() throws Exception {
        RequestFixtures.World world = fixtures.world();
        Instant start = Instant.now().minus(Duration.ofDays(1)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        clock.set(start);
        for (int i = 0; i < 3; i++) {
            fixtures.submitted(world);
        }
        Instant from = start.minus(Duration.ofDays(1));
        Instant to = start.plus(Duration.ofDays(1));
        RequestStatistics.Scope scope =
                new RequestStatistics.Scope.Provider(world.provider().id());
        RequestStatistics.Statistics alone = statistics.compute(scope, from, to);
        List<java.util.concurrent.Future<RequestStatistics.Statistics>> running = new java.util.ArrayList<>();
        try (var clients = java.util.concurrent.Executors.newFixedThreadPool(16)) {
            for (int i = 0; i < 64; i++) {
                running.add(clients.submit(() -> statistics.compute(scope, from, to)));
            }
            for (var computed : running) {
                assertThat(computed.get(60, java.util.concurrent.TimeUnit.SECONDS))
                        .usingRecursiveComparison()
                        .isEqualTo(alone);
            }
        }
    }

    private static DraftCommand with(DraftCommand d, String unit, @Nullable UUID preservation) {
        return new DraftCommand(
                d.type(),
                d.fileNumber(),
                unit,
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
                d.priority(),
                d.emergency(),
                d.emergencyJustification(),
                d.confidential(),
                d.confidentialUntil(),
                d.requestedDeadline(),
                preservation,
                d.oralRequestId(),
                d.acknowledgeRetention());
    }
}
