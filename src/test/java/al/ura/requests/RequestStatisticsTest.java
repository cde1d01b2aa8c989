package al.ura.requests;

import static org.assertj.core.api.Assertions.assertThat;

import al.ura.kernel.LiveFigure;
import al.ura.testing.DatabaseTest;
import al.ura.testing.TestClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The statistics against a fixture computed by hand. Five requests answered after 2, 4, 10, 30
 * and 100 hours: the median is 10 h and the 90th percentile, interpolated between the 4th and 5th
 * of the sorted five (rank 0.9 × 4 = 3.6), is 30 + 0.6 × 70 = 72 h. Acknowledged after 1, 1, 2, 3
 * and 5 hours: median 2 h, 90th percentile 3 + 0.6 × 2 = 4.2 h.
 */
@DatabaseTest
class RequestStatisticsTest {

    private static final Instant START = Instant.parse("2026-03-02T08:00:00Z");

    @Autowired
    RequestFixtures fixtures;

    @Autowired
    LegalRequests requests;

    @Autowired
    ProviderDesk desk;

    @Autowired
    RequestStatistics statistics;

    @Autowired
    List<LiveFigure> figures;

    @Autowired
    TestClock clock;

    @Test
    void figuresEqualTheHandComputedFixture() {
        clock.set(START);
        RequestFixtures.World world = fixtures.world();
        long[][] hours = {{1, 2}, {1, 4}, {2, 10}, {3, 30}, {5, 100}}; // acknowledge, answer
        String[] outcomes = {"full", "full", "part", "refused", "full"};
        for (int i = 0; i < hours.length; i++) {
            Instant sent = START.plus(Duration.ofDays(i));
            clock.set(sent);
            RequestView request = fixtures.submitted(
                    world,
                    i == 4
                            ? fixtures.draft(
                                    world,
                                    RequestType.EMERGENCY_DISCLOSURE,
                                    List.of(fixtures.ip("203.0.113." + (10 + i))))
                            : fixtures.draft(
                                    world, RequestType.DISCLOSURE, List.of(fixtures.ip("203.0.113." + (10 + i)))));
            clock.set(sent.plus(Duration.ofHours(hours[i][0])));
            desk.acknowledge(world.compliance().actor(), request.id());
            clock.set(sent.plus(Duration.ofHours(hours[i][1])));
            switch (outcomes[i]) {
                case "refused" ->
                    desk.refuse(
                            world.compliance().actor(),
                            request.id(),
                            new ProviderDesk.RefusalCommand(
                                    false, RefusalReason.TOO_BROAD, "The range covers a whole month."));
                case "part" ->
                    desk.answer(
                            world.compliance().actor(),
                            request.id(),
                            new ProviderDesk.AnswerCommand(
                                    false,
                                    "Only part of the range is kept.",
                                    List.of(new ProviderDesk.ItemCommand(0, true, "Fictional", null))));
                default ->
                    desk.answer(
                            world.compliance().actor(),
                            request.id(),
                            new ProviderDesk.AnswerCommand(
                                    true, null, List.of(new ProviderDesk.ItemCommand(0, true, "Fictional", null))));
            }
        }
        // Two preservations, one followed by a disclosure; one withdrawn request; one overdue.
        clock.set(START.plus(Duration.ofDays(6)));
        RequestView kept = fixtures.submitted(
                world, fixtures.draft(world, RequestType.PRESERVATION, List.of(fixtures.ip("203.0.113.50"))));
        desk.answer(
                world.compliance().actor(),
                kept.id(),
                new ProviderDesk.AnswerCommand(
                        true, null, List.of(new ProviderDesk.ItemCommand(0, true, "Preserved", null))));
        RequestView lapsing = fixtures.submitted(
                world, fixtures.draft(world, RequestType.PRESERVATION, List.of(fixtures.ip("203.0.113.51"))));
        RequestView current = requests.read(world.officer().actor(), kept.id());
        DraftCommand base = fixtures.draft(
                world,
                RequestType.DISCLOSURE_AFTER_PRESERVATION,
                List.of(new DraftCommand.IdentifierCommand(
                        current.identifiers().getFirst().kind(),
                        current.identifiers().getFirst().value(),
                        current.identifiers().getFirst().sourcePort(),
                        String.valueOf(current.identifiers().getFirst().observedAt()),
                        null,
                        current.identifiers().getFirst().category(),
                        current.identifiers().getFirst().items(),
                        String.valueOf(current.identifiers().getFirst().from()),
                        String.valueOf(current.identifiers().getFirst().to()))));
        DraftCommand following = new DraftCommand(
                base.type(),
                base.fileNumber(),
                base.requestingUnit(),
                base.officerName(),
                base.officerPhone(),
                base.officerEmail(),
                base.legalProvisionId(),
                base.legalBasisNote(),
                base.providerId(),
                base.serviceId(),
                base.identifiers(),
                base.offence(),
                base.summary(),
                base.relevance(),
                Priority.HIGH,
                false,
                null,
                true,
                null,
                null,
                kept.id(),
                null,
                false);
        fixtures.submitted(world, following);
        RequestView withdrawn = fixtures.submitted(world);
        requests.withdraw(world.officer().actor(), withdrawn.id(), "Found elsewhere.");
        clock.set(START.plus(
                Duration.ofDays(30))); // the follow-up disclosure and a preservation are open, past their deadlines

        RequestStatistics.Statistics s = statistics.compute(
                new RequestStatistics.Scope.Provider(world.provider().id()), START, START.plus(Duration.ofDays(20)));

        assertThat(s.total()).isEqualTo(9);
        assertThat(s.byType())
                .containsEntry(RequestType.DISCLOSURE, 5L)
                .containsEntry(RequestType.EMERGENCY_DISCLOSURE, 1L)
                .containsEntry(RequestType.PRESERVATION, 2L)
                .containsEntry(RequestType.DISCLOSURE_AFTER_PRESERVATION, 1L);
        assertThat(s.byOutcome())
                .containsEntry("ANSWERED_FULL", 4L) // three disclosures and the preservation kept
                .containsEntry("ANSWERED_PART", 1L)
                .containsEntry("REFUSED", 1L)
                .containsEntry("PENDING", 3L);
        assertThat(s.refusalReasons())
                .containsOnlyKeys(RefusalReason.TOO_BROAD)
                .containsEntry(RefusalReason.TOO_BROAD, 1L);
        assertThat(s.byCategory()).containsEntry("IDENTIFICATION_DATA", 9L);
        assertThat(s.byPriority()).containsEntry(Priority.HIGH, 1L).containsEntry(Priority.NORMAL, 8L);
        assertThat(s.emergencies()).isEqualTo(1);
        assertThat(s.emergencyShare()).isEqualByComparingTo("11.1111"); // 1 of 9
        // The preservation answered at once counts too: acknowledged and answered after 0 h.
        assertThat(s.answer().count()).isEqualTo(6);
        assertThat(s.acknowledge().count()).isEqualTo(6);
        // Sorted answer hours 0, 2, 4, 10, 30, 100: median (4 + 10) / 2 = 7; p90 rank 0.9 × 5 = 4.5 → 30 + 0.5 × 70 =
        // 65.
        assertThat(s.answer().medianHours()).isEqualByComparingTo("7");
        assertThat(s.answer().p90Hours()).isEqualByComparingTo("65");
        // Sorted acknowledgement hours 0, 1, 1, 2, 3, 5: median 1.5; p90 rank 4.5 → 3 + 0.5 × 2 = 4.
        assertThat(s.acknowledge().medianHours()).isEqualByComparingTo("1.5");
        assertThat(s.acknowledge().p90Hours()).isEqualByComparingTo("4");
        assertThat(s.preservations()).isEqualTo(2);
        assertThat(s.preservationsFollowed()).isEqualTo(1);
        assertThat(s.preservationConversion()).isEqualByComparingTo("50");
        assertThat(s.overdue()).isEqualTo(2); // the lapsing preservation and the follow-up disclosure, both unanswered
        assertThat(s.perUnit()).singleElement().satisfies(unit -> {
            assertThat(unit.group()).isEqualTo("Sektori i Krimeve Kibernetike");
            assertThat(unit.requests()).isEqualTo(9);
            assertThat(unit.answer().medianHours()).isEqualByComparingTo("7");
            assertThat(unit.emergencies()).isEqualTo(1);
            assertThat(unit.emergencyShare()).isEqualByComparingTo("11.1111");
        });
        assertThat(s.perProvider())
                .singleElement()
                .satisfies(p -> assertThat(p.organisationId())
                        .isEqualTo(world.provider().id()));

        // The requester's view of the same requests gives the same figures; another provider's is empty.
        RequestStatistics.Statistics requester = statistics.compute(
                new RequestStatistics.Scope.Requester(world.police().id()), START, START.plus(Duration.ofDays(20)));
        assertThat(requester.total()).isEqualTo(9);
        assertThat(requester.answer().p90Hours()).isEqualByComparingTo("65");
        assertThat(statistics
                        .compute(
                                new RequestStatistics.Scope.Provider(
                                        world.police().id()),
                                START,
                                START.plus(Duration.ofDays(20)))
                        .total())
                .isZero();
        assertThat(RequestStatistics.csv(s))
                .contains("answer,median-hours,7.0000")
                .contains("refusal-reason,TOO_BROAD,1");
        assertThat(lapsing.status()).isEqualTo(RequestStatus.SUBMITTED);
    }

    @Test
    void theAnsweredFigureMovesWhenARequestIsAnswered() {
        clock.set(Instant.parse("2026-06-01T08:00:00Z"));
        RequestFixtures.World world = fixtures.world();
        LiveFigure answered = figures.stream()
                .filter(f -> f.code().equals("requests.answered"))
                .findFirst()
                .orElseThrow();
        Instant from = Instant.parse("2026-01-01T00:00:00Z");
        Instant to = Instant.parse("2027-01-01T00:00:00Z");
        BigDecimal before = answered.value(from, to).orElseThrow();
        RequestView request = fixtures.submitted(world);
        clock.advance(Duration.ofHours(3));
        desk.answer(
                world.compliance().actor(),
                request.id(),
                new ProviderDesk.AnswerCommand(
                        true, null, List.of(new ProviderDesk.ItemCommand(0, true, "Fictional", null))));
        assertThat(answered.value(from, to).orElseThrow()).isEqualByComparingTo(before.add(BigDecimal.ONE));
        assertThat(figures.stream()
                        .filter(f -> f.code().equals("requests.median-answer-hours"))
                        .findFirst()
                        .orElseThrow()
                        .value(Instant.parse("2026-06-01T00:00:00Z"), Instant.parse("2026-06-02T00:00:00Z")))
                .isPresent();
    }
}
