package al.ura.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import al.ura.identity.IdentityFixtures.TestUser;
import al.ura.kernel.ProblemException;
import al.ura.requests.ProviderDesk;
import al.ura.requests.RequestFixtures;
import al.ura.requests.RequestView;
import al.ura.testing.DatabaseTest;
import al.ura.testing.TestClock;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The reporting cycle through the API: a contact point reports only on its own institution's
 * measures (refusals in the ledger), the coordinator returns and accepts, a locked period changes
 * no more, the "how computed" view of a policy total equals the figure, and an indicator bound to
 * the legal-requests figures moves when a request is answered.
 */
@DatabaseTest
class MonitoringReportingTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    MonitoringFixtures fixtures;

    @Autowired
    StrategyPlans plans;

    @Autowired
    ProgressReporting reporting;

    @Autowired
    MonitoringFigures figures;

    @Autowired
    RequestFixtures requests;

    @Autowired
    ProviderDesk desk;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @Test
    void aContactPointReportsOnlyOnItsOwnInstitutionsMeasuresAndALockedPeriodChangesNoMore() {
        clock.set(Instant.parse("2025-01-10T09:00:00Z"));
        MonitoringFixtures.World world = fixtures.world();
        PeriodView period =
                reporting.openPeriod(world.coordinator().actor(), world.strategyId(), 2024, LocalDate.of(2025, 1, 31));
        StrategyView strategy = plans.load(world.strategyId()).orElseThrow();
        UUID ministryMeasure = measure(strategy, "1.A.1");
        UUID policeMeasure = measure(strategy, "1.B.1");

        // The ministry's contact point sees only the ministry's measures due in 2024.
        assertThat(reporting.due(world.ministryReporter().actor(), period.id()))
                .extracting(d -> d.measure().code())
                .containsExactlyInAnyOrder("1.A.1", "1.A.2", "2.A.1");

        // Reporting on the police's measure is refused as if it did not exist, and the refusal is in the ledger.
        assertThat(mvc.put()
                        .uri("/api/v1/monitoring/periods/{p}/measures/{m}/submission", period.id(), policeMeasure)
                        .with(authentication(world.ministryReporter().authentication()))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(partial("40")))
                .hasStatus(404);
        assertThat(denied("monitoring.submission.save", world.ministryReporter()))
                .isEqualTo(1);
        // A person of the ministry without the reporter's role is refused too.
        assertThat(mvc.put()
                        .uri("/api/v1/monitoring/periods/{p}/measures/{m}/submission", period.id(), ministryMeasure)
                        .with(authentication(world.bystander().authentication()))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(partial("40")))
                .hasStatus(403);
        assertThat(denied("monitoring.submission.save", world.bystander())).isEqualTo(1);
        // A reporter cannot review, lock or import.
        assertThat(mvc.post()
                        .uri("/api/v1/monitoring/periods/{p}/lock", period.id())
                        .with(authentication(world.ministryReporter().authentication()))
                        .with(csrf()))
                .hasStatus(403);
        assertThat(denied("monitoring.period.locked", world.ministryReporter())).isEqualTo(1);

        // A partial report without a forecast is refused whole, with the field named.
        assertThat(mvc.put()
                        .uri("/api/v1/monitoring/periods/{p}/measures/{m}/submission", period.id(), ministryMeasure)
                        .with(authentication(world.ministryReporter().authentication()))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(partial("40")))
                .hasStatus(200);
        assertThat(mvc.post()
                        .uri(
                                "/api/v1/monitoring/periods/{p}/measures/{m}/submission/sending",
                                period.id(),
                                ministryMeasure)
                        .with(authentication(world.ministryReporter().authentication()))
                        .with(csrf())
                        .header("Accept-Language", "en"))
                .hasStatus(400)
                .bodyText()
                .contains("forecast")
                .contains("For a measure in progress give the forecast for its completion.");

        SubmissionView saved = reporting.save(
                world.ministryReporter().actor(), period.id(), ministryMeasure, command("35.6", "Q2 2025"));
        SubmissionView sent = reporting.submit(world.ministryReporter().actor(), period.id(), ministryMeasure);
        assertThat(sent.status()).isEqualTo(SubmissionView.Status.SUBMITTED);
        assertThat(saved.activities())
                .singleElement()
                .satisfies(a -> assertThat(a.doneOn()).isEqualTo(LocalDate.of(2024, 6, 3)));
        // Under review it cannot be changed by the institution.
        assertThatThrownBy(() -> reporting.save(
                        world.ministryReporter().actor(), period.id(), ministryMeasure, command("50", "soon")))
                .isInstanceOf(ProblemException.class);

        // Returned with a comment, resubmitted, accepted.
        assertThatThrownBy(() -> reporting.review(world.coordinator().actor(), sent.id(), false, " "))
                .isInstanceOf(ProblemException.class);
        SubmissionView returned =
                reporting.review(world.coordinator().actor(), sent.id(), false, "Add the date of the law's adoption.");
        assertThat(returned.status()).isEqualTo(SubmissionView.Status.RETURNED);
        assertThat(returned.reviewComment()).isEqualTo("Add the date of the law's adoption.");
        reporting.save(world.ministryReporter().actor(), period.id(), ministryMeasure, command("35.6", "Q2 2025"));
        SubmissionView again = reporting.submit(world.ministryReporter().actor(), period.id(), ministryMeasure);
        SubmissionView accepted = reporting.review(world.coordinator().actor(), again.id(), true, null);
        assertThat(accepted.status()).isEqualTo(SubmissionView.Status.ACCEPTED);

        // Locked: no submission changes, the refusal is in the ledger; reopening needs a reason and is audited.
        reporting.lock(world.coordinator().actor(), period.id());
        assertThat(mvc.put()
                        .uri(
                                "/api/v1/monitoring/periods/{p}/measures/{m}/submission",
                                period.id(),
                                measure(strategy, "1.A.2"))
                        .with(authentication(world.ministryReporter().authentication()))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(partial("40")))
                .hasStatus(409);
        assertThat(denied("monitoring.submission.save", world.ministryReporter()))
                .isEqualTo(2);
        assertThatThrownBy(() -> reporting.review(world.coordinator().actor(), accepted.id(), false, "late"))
                .isInstanceOf(ProblemException.class);
        assertThat(reporting.submission(accepted.id()).orElseThrow().status())
                .isEqualTo(SubmissionView.Status.ACCEPTED);
        assertThatThrownBy(() -> reporting.reopen(world.coordinator().actor(), period.id(), ""))
                .isInstanceOf(ProblemException.class);
        assertThat(reporting
                        .reopen(world.coordinator().actor(), period.id(), "A ministry's report arrived by post")
                        .status())
                .isEqualTo(PeriodView.Status.OPEN);
        assertThat(jdbc.sql(
                                "SELECT COUNT(*) FROM audit_entries WHERE action = 'monitoring.period.reopened' AND object_id = ?")
                        .param(period.id().toString())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void howAPolicyTotalIsComputedListsTheObjectivesWeightsAndFormulaAndEqualsTheFigure() {
        clock.set(Instant.parse("2025-01-10T09:00:00Z"));
        MonitoringFixtures.World world = fixtures.world();
        PeriodView period =
                reporting.openPeriod(world.coordinator().actor(), world.strategyId(), 2024, LocalDate.of(2025, 1, 31));
        StrategyView strategy = plans.load(world.strategyId()).orElseThrow();
        report(world, period, world.ministryReporter(), strategy, "1.A.1", MeasureStatus.PARTIAL, "35.6");
        report(world, period, world.policeReporter(), strategy, "1.B.1", MeasureStatus.PARTIAL, "76.5");
        report(world, period, world.policeReporter(), strategy, "1.C.1", MeasureStatus.PARTIAL, "72.7");
        report(world, period, world.policeReporter(), strategy, "1.D.1", MeasureStatus.PARTIAL, "75");
        // 1.A.2 has no report: "no information", 0 %, so objective A is (35.6 + 0) / 2 = 17.8 %.

        MonitoringFigures.PeriodFigures computed =
                figures.compute(world.coordinator().actor(), period.id());
        MonitoringFigures.PolicyFigures policy = computed.policy(1).orElseThrow();
        assertThat(policy.result().realisation().value()).isEqualByComparingTo("51.96");
        assertThat(policy.result().counts().get(MeasureStatus.NO_INFORMATION)).isEqualTo(1);
        assertThat(policy.result().shares().get(MeasureStatus.PARTIAL).value()).isEqualByComparingTo("80");

        var explained = mvc.get()
                .uri("/api/v1/monitoring/periods/{p}/figures/explanation?figure=policy/1", period.id())
                .with(authentication(world.coordinator().authentication()));
        assertThat(explained)
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.value")
                .asNumber()
                .satisfies(v -> assertThat(new BigDecimal(v.toString()))
                        .isEqualByComparingTo(policy.result().realisation().value()));
        assertThat(explained)
                .bodyJson()
                .extractingPath("$.formula")
                .asString()
                .isEqualTo("(17.8 % × 0.4) + (76.5 % × 0.2) + (72.7 % × 0.2) + (75 % × 0.2) = 51.96 %");
        assertThat(explained)
                .bodyJson()
                .extractingPath("$.inputs[0].name")
                .asString()
                .isEqualTo("objective A");
        assertThat(explained)
                .bodyJson()
                .extractingPath("$.inputs[0].weight")
                .asNumber()
                .satisfies(v -> assertThat(new BigDecimal(v.toString())).isEqualByComparingTo("0.4"));
        assertThat(figures.explain(world.coordinator().actor(), period.id(), "policy/1/objective/A")
                        .formula())
                .isEqualTo("(35.6 + 0) / 2 = 17.8 %");
        assertThat(mvc.get()
                        .uri("/api/v1/monitoring/periods/{p}/figures/explanation?figure=policy/9", period.id())
                        .with(authentication(world.coordinator().authentication())))
                .hasStatus(404);
        // The coordinator's checks: policy 2's measures have no report yet, nothing awaits review.
        assertThat(computed.checks()).noneMatch(c -> c.key().equals("monitoring.check.awaiting-review"));
        assertThat(computed.checks()).noneMatch(c -> c.key().equals("monitoring.check.weights"));
    }

    @Test
    void weightsMustSumToOne() {
        MonitoringFixtures.World world = fixtures.world();
        assertThat(mvc.put()
                        .uri("/api/v1/monitoring/strategies/{s}/policies/1/weights", world.strategyId())
                        .with(authentication(world.coordinator().authentication()))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"A\":0.5,\"B\":0.2,\"C\":0.2,\"D\":0.2}")
                        .header("Accept-Language", "en"))
                .hasStatus(400)
                .bodyText()
                .contains("The weights of a policy's objectives must sum to 1; they now sum to 1.1.");
        StrategyView changed = plans.setWeights(
                world.coordinator().actor(),
                world.strategyId(),
                1,
                java.util.Map.of(
                        "A",
                        new BigDecimal("0.25"),
                        "B",
                        new BigDecimal("0.25"),
                        "C",
                        new BigDecimal("0.25"),
                        "D",
                        new BigDecimal("0.25")));
        assertThat(changed.version()).isEqualTo(2);
        assertThat(plans.history(world.coordinator().actor(), world.strategyId()))
                .hasSize(2);
        // Exported and imported again, the plan is the same.
        PlanDocument exported = plans.export(world.coordinator().actor(), world.strategyId());
        assertThat(plans.importPlan(world.coordinator().actor(), exported).measures())
                .isEqualTo(7);
        assertThat(plans.export(world.coordinator().actor(), world.strategyId()))
                .isEqualTo(exported);
        assertThat(plans.exportCsv(world.coordinator().actor(), world.strategyId()))
                .contains("1,A,0.25000,1.A.1,");

        // The measures' CSV goes back in: a changed text (quoted, for its comma), a measure dropped, weights kept.
        String csv = plans.exportCsv(world.coordinator().actor(), world.strategyId());
        String edited = csv.replace(",Masa 2.B.1,", ",\"Masa 2.B.1, e rishikuar\",")
                .lines()
                .filter(line -> !line.contains(",1.A.2,"))
                .collect(java.util.stream.Collectors.joining("\n"));
        assertThat(edited).contains("e rishikuar");
        assertThat(mvc.post()
                        .uri("/api/v1/monitoring/strategies/{s}/measures.csv", world.strategyId())
                        .with(authentication(world.coordinator().authentication()))
                        .with(csrf())
                        .contentType("text/csv")
                        .content(edited))
                .hasStatusOk();
        StrategyView after = plans.load(world.strategyId()).orElseThrow();
        assertThat(after.measures())
                .extracting(StrategyView.MeasureView::code)
                .doesNotContain("1.A.2")
                .hasSize(6);
        assertThat(after.measures())
                .filteredOn(m -> m.code().equals("2.B.1"))
                .singleElement()
                .satisfies(m -> assertThat(m.textSq()).isEqualTo("Masa 2.B.1, e rishikuar"));
        assertThat(after.measures())
                .filteredOn(m -> m.code().equals("1.D.1"))
                .singleElement()
                .satisfies(m -> assertThat(m.indicators())
                        .singleElement()
                        .satisfies(i -> assertThat(i.liveFigure()).isEqualTo("requests.answered")));
        assertThat(after.policies().getFirst().objectives())
                .extracting(StrategyView.ObjectiveView::weight)
                .allSatisfy(w -> assertThat(w).isEqualByComparingTo("0.25"));
        assertThat(after.version()).isEqualTo(4);
        // A CSV of another shape is refused whole and changes nothing.
        assertThat(mvc.post()
                        .uri("/api/v1/monitoring/strategies/{s}/measures.csv", world.strategyId())
                        .with(authentication(world.coordinator().authentication()))
                        .with(csrf())
                        .contentType("text/csv")
                        .content("code,text\n1.A.1,x\n")
                        .header("Accept-Language", "en"))
                .hasStatus(400)
                .bodyText()
                .contains("The first line of the CSV must be");
        assertThat(plans.load(world.strategyId()).orElseThrow().version()).isEqualTo(4);
        // A contact point may not import.
        assertThat(mvc.post()
                        .uri("/api/v1/monitoring/strategies/{s}/measures.csv", world.strategyId())
                        .with(authentication(world.ministryReporter().authentication()))
                        .with(csrf())
                        .contentType("text/csv")
                        .content(edited))
                .hasStatus(403);
    }

    @Test
    void anIndicatorBoundToTheLegalRequestsFiguresMovesWhenARequestIsAnswered() {
        clock.set(Instant.parse("2024-05-02T08:00:00Z"));
        MonitoringFixtures.World world = fixtures.world();
        PeriodView period =
                reporting.openPeriod(world.coordinator().actor(), world.strategyId(), 2024, LocalDate.of(2025, 1, 31));
        BigDecimal before = indicator(period);
        RequestFixtures.World exchange = requests.world();
        RequestView request = requests.submitted(exchange);
        clock.set(Instant.parse("2024-05-02T11:00:00Z"));
        desk.answer(
                exchange.compliance().actor(),
                request.id(),
                new ProviderDesk.AnswerCommand(
                        true, null, List.of(new ProviderDesk.ItemCommand(0, true, "Fictional subscriber", null))));
        assertThat(indicator(period)).isEqualByComparingTo(before.add(BigDecimal.ONE));
    }

    private BigDecimal indicator(PeriodView period) {
        return figures.compute(period.id()).indicators().stream()
                .filter(i -> "requests.answered".equals(i.indicator().liveFigure()))
                .findFirst()
                .map(i -> i.value() == null ? BigDecimal.ZERO : i.value())
                .orElseThrow();
    }

    private void report(
            MonitoringFixtures.World world,
            PeriodView period,
            TestUser reporter,
            StrategyView strategy,
            String code,
            MeasureStatus status,
            String percent) {
        UUID measure = measure(strategy, code);
        reporting.save(
                reporter.actor(),
                period.id(),
                measure,
                new SubmissionCommand(
                        status,
                        new BigDecimal(percent),
                        null,
                        List.of(new SubmissionCommand.ActivityCommand(LocalDate.of(2024, 3, 1), "Done " + code)),
                        null,
                        "2025",
                        List.of()));
        SubmissionView sent = reporting.submit(reporter.actor(), period.id(), measure);
        reporting.review(world.coordinator().actor(), sent.id(), true, null);
    }

    private static SubmissionCommand command(String percent, String forecast) {
        return new SubmissionCommand(
                MeasureStatus.PARTIAL,
                new BigDecimal(percent),
                new BigDecimal("250000.00"),
                List.of(new SubmissionCommand.ActivityCommand(
                        LocalDate.of(2024, 6, 3), "The draft law was sent to consultation.")),
                "Delays in consultation",
                forecast,
                List.of("https://www.example.org/ligji"));
    }

    private static String partial(String percent) {
        return "{\"realisation\":\"PARTIAL\",\"percent\":" + percent
                + ",\"activities\":[{\"doneOn\":\"2024-05-01\",\"description\":\"A workshop\"}]}";
    }

    private static UUID measure(StrategyView strategy, String code) {
        return strategy.measures().stream()
                .filter(m -> m.code().equals(code))
                .findFirst()
                .orElseThrow()
                .id();
    }

    private int denied(String action, TestUser user) {
        Integer count = jdbc.sql(
                        "SELECT COUNT(*) FROM audit_entries WHERE action = ? AND outcome = 'DENIED' AND actor_user_id = ?")
                .params(action, user.id())
                .query(Integer.class)
                .single();
        return count == null ? 0 : count;
    }
}
