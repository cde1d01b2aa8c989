package al.ura.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import al.ura.identity.IdentityFixtures.TestUser;
import al.ura.testing.DatabaseTest;
import al.ura.testing.TestClock;
import jakarta.servlet.http.Cookie;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.util.MultiValueMap;

/**
 * The monitoring pages for the coordinator and the institutions' contact points, in Albanian and
 * English; the report form's deny path and its errors next to the fields; the open progress page
 * without signing in, for a published period only; and the "how computed" page giving the same
 * value the period page shows.
 */
@DatabaseTest
class MonitoringPagesTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    MonitoringFixtures fixtures;

    @Autowired
    StrategyPlans plans;

    @Autowired
    ProgressReporting reporting;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @BeforeEach
    void januaryAfterTheYear() {
        clock.set(Instant.parse("2025-01-10T09:00:00Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"sq", "en"})
    void everyPageRendersForItsReaders(String language) {
        boolean english = "en".equals(language);
        MonitoringFixtures.World world = fixtures.world();
        PeriodView period = open(world);
        UUID measure = measure(world, "1.A.1");
        reporting.save(world.ministryReporter().actor(), period.id(), measure, partial("35.6"));
        SubmissionView sent = reporting.submit(world.ministryReporter().actor(), period.id(), measure);

        Map<String, String> coordinatorPages = new LinkedHashMap<>();
        coordinatorPages.put("/monitoring", english ? "Strategy monitoring" : "Monitorimi i strategjisë");
        coordinatorPages.put(
                "/monitoring/strategies/" + world.strategyId(), english ? "Test strategy" : "Strategjia e testit");
        coordinatorPages.put(
                "/monitoring/periods/" + period.id(), english ? "Reporting period 2024" : "Periudha e raportimit 2024");
        coordinatorPages.put(
                "/monitoring/periods/" + period.id() + "/figures?figure=policy/1",
                english ? "Overall realisation of policy 1" : "Realizimi i përgjithshëm i politikës 1");
        coordinatorPages.put(
                "/monitoring/periods/" + period.id() + "/figures?figure=policy/1/objective/A",
                english
                        ? "Realisation of specific objective A of policy 1"
                        : "Realizimi i objektivit specifik A të politikës 1");
        coordinatorPages.put(
                "/monitoring/periods/" + period.id() + "/figures?figure=policy/1/share/NO_INFORMATION",
                english
                        ? "Share of measures &quot;No information&quot; in policy 1"
                        : "Pjesa e masave „Nuk ka informacion” në politikën 1");
        for (Map.Entry<String, String> page : coordinatorPages.entrySet()) {
            MvcTestResult result = get(page.getKey(), world.coordinator(), language);
            assertThat(result).as(page.getKey()).hasStatusOk();
            assertThat(result)
                    .as(page.getKey())
                    .bodyText()
                    .contains("<h1>" + page.getValue())
                    .contains("lang=\"" + language + "\"");
        }
        // The coordinator's period page: the cycle, the checks, the review form of the submission sent.
        assertThat(get("/monitoring/periods/" + period.id(), world.coordinator(), language))
                .bodyText()
                .contains(english ? "Lock the period" : "Mbyll periudhën")
                .contains(english ? "Consistency checks" : "Kontrollet e qëndrueshmërisë")
                .contains(
                        english
                                ? "The report on measure 1.A.1 awaits your review."
                                : "Raportimi për masën 1.A.1 pret shqyrtimin tuaj.")
                .contains("id=\"submission-" + sent.id() + "\"")
                .contains(english ? "Return with comment" : "Ktheje me koment")
                .contains("The draft law was sent to consultation.");
        // The strategy page: weights, the indicator bound to a live figure, exports and the history.
        assertThat(get("/monitoring/strategies/" + world.strategyId(), world.coordinator(), language))
                .bodyText()
                .contains(english ? "Weights of the objectives of policy 1" : "Peshat e objektivave të politikës 1")
                .contains("name=\"weight_A\"")
                .contains("value=\"0.4\"")
                .contains(english ? "live figure from Ura" : "shifër e gjallë nga Ura")
                .contains("/plan.json")
                .contains("/measures.csv")
                .contains(english ? "Plan imported" : "Plani u importua");

        // The ministry's contact point: its measures due, its form, the period without the coordinator's controls.
        assertThat(get("/monitoring", world.ministryReporter(), language))
                .bodyText()
                .contains(english ? "My measures due" : "Masat e mia për raportim")
                .contains("/monitoring/periods/" + period.id() + "/measures/" + measure)
                .contains(english ? "Sent for review" : "Dërguar për shqyrtim")
                .doesNotContain("1.B.1");
        MvcTestResult form = get(
                "/monitoring/periods/" + period.id() + "/measures/" + measure(world, "1.A.2"),
                world.ministryReporter(),
                language);
        assertThat(form).hasStatusOk();
        assertThat(form)
                .bodyText()
                .contains("<h1>" + (english ? "Report on measure 1.A.2 – 2024" : "Raportimi për masën 1.A.2 – 2024"))
                .contains(english ? "Level of implementation" : "Niveli i zbatimit")
                .contains(english ? "Send to the coordinator" : "Dërgo te koordinatori");
        assertThat(get("/monitoring/periods/" + period.id(), world.ministryReporter(), language))
                .bodyText()
                .contains("<h1>" + (english ? "Reporting period 2024" : "Periudha e raportimit 2024"))
                .doesNotContain(english ? "Lock the period" : "Mbyll periudhën")
                .doesNotContain(english ? "Return with comment" : "Ktheje me koment");

        // The public pages, without signing in.
        MvcTestResult progress = mvc.get()
                .uri("/progress")
                .cookie(new Cookie("ura-lang", language))
                .exchange();
        assertThat(progress).hasStatusOk();
        assertThat(progress)
                .bodyText()
                .contains(
                        "<h1>" + (english ? "Progress of the national strategy" : "Progresi i strategjisë kombëtare"));
    }

    @Test
    void aContactPointOfAnotherInstitutionIsToldTheMeasureFormDoesNotExist() {
        MonitoringFixtures.World world = fixtures.world();
        PeriodView period = open(world);
        UUID ministryMeasure = measure(world, "1.A.1");

        assertThat(get(
                        "/monitoring/periods/" + period.id() + "/measures/" + ministryMeasure,
                        world.policeReporter(),
                        "en"))
                .hasStatus(404);
        assertThat(denied("monitoring.submission.read", world.policeReporter())).isEqualTo(1);
        // Posting to it is refused the same way, and nothing is stored.
        assertThat(mvc.post()
                        .uri("/monitoring/periods/{p}/measures/{m}", period.id(), ministryMeasure)
                        .with(authentication(world.policeReporter().authentication()))
                        .with(csrf())
                        .param("realisation", "REALISED")
                        .param("action", "save")
                        .exchange())
                .hasStatus(404);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM progress_submission WHERE period_id = ?")
                        .param(period.id())
                        .query(Integer.class)
                        .single())
                .isZero();
        // A person of the ministry without the contact point's role is refused the form.
        assertThat(get("/monitoring/periods/" + period.id() + "/measures/" + ministryMeasure, world.bystander(), "en"))
                .hasStatus(403);
        // The coordinator's actions are refused to a contact point.
        assertThat(mvc.post()
                        .uri("/monitoring/periods/{p}/lock", period.id())
                        .with(authentication(world.ministryReporter().authentication()))
                        .with(csrf())
                        .exchange())
                .hasStatus(403);
        assertThat(reporting.find(period.id()).orElseThrow().status()).isEqualTo(PeriodView.Status.OPEN);
    }

    @Test
    void theReportFormShowsErrorsNextToTheFieldsInTheReadersLanguageAndKeepsWhatWasTyped() {
        MonitoringFixtures.World world = fixtures.world();
        PeriodView period = open(world);
        UUID measure = measure(world, "1.A.1");

        MvcTestResult unreadable = post(
                period,
                measure,
                world.ministryReporter(),
                "sq",
                "send",
                "PARTIAL",
                "dyzet",
                "03.06.2024",
                "Projektligji u hartua",
                "");
        assertThat(unreadable).hasStatus(422);
        assertThat(unreadable)
                .bodyText()
                .contains("id=\"percent-error\"")
                .contains("Shkruani një numër, p.sh. 35,5.")
                .contains("value=\"dyzet\"")
                .contains("Projektligji u hartua")
                .contains("value=\"03.06.2024\"");
        assertThat(submissions(period)).isZero();

        // Readable but incomplete: saved as a draft (nothing typed is lost), not sent, the missing forecast named.
        MvcTestResult incomplete = post(
                period,
                measure,
                world.ministryReporter(),
                "en",
                "send",
                "PARTIAL",
                "40",
                "3.6.2024",
                "The draft law was written",
                "");
        assertThat(incomplete).hasStatus(422);
        assertThat(incomplete)
                .bodyText()
                .contains("id=\"forecast-error\"")
                .contains("For a measure in progress give the forecast for its completion.")
                .contains("The draft law was written")
                .contains("value=\"40\"");
        assertThat(reporting.submissions(period.id())).singleElement().satisfies(s -> {
            assertThat(s.status()).isEqualTo(SubmissionView.Status.DRAFT);
            assertThat(s.activities())
                    .singleElement()
                    .satisfies(a -> assertThat(a.doneOn()).isEqualTo(LocalDate.of(2024, 6, 3)));
        });

        // A date in the future is refused next to its row.
        MvcTestResult future = post(
                period,
                measure,
                world.ministryReporter(),
                "en",
                "save",
                "PARTIAL",
                "40",
                "01.03.2025",
                "Planned",
                "Q2 2025");
        assertThat(future).hasStatus(422);
        assertThat(future)
                .bodyText()
                .contains("id=\"activities[0].doneOn-error\"")
                .contains("value=\"01.03.2025\"");

        // Adding a row keeps everything typed and stores nothing.
        MvcTestResult added = post(
                period,
                measure,
                world.ministryReporter(),
                "en",
                "add-row",
                "PARTIAL",
                "45",
                "03.06.2024",
                "Typed, not yet saved",
                "Q2 2025");
        assertThat(added).hasStatusOk();
        assertThat(added)
                .bodyText()
                .contains("id=\"activity-text-1\"")
                .contains("Typed, not yet saved")
                .contains("value=\"45\"");
        assertThat(reporting.submissions(period.id()).getFirst().percent()).isEqualByComparingTo("40");

        // Complete: sent, and the returned comment is then shown on the form.
        MvcTestResult sent = post(
                period,
                measure,
                world.ministryReporter(),
                "en",
                "send",
                "PARTIAL",
                "40",
                "03.06.2024",
                "The draft law was written",
                "Q2 2025");
        assertThat(sent).hasStatus(302);
        SubmissionView submitted = reporting.submissions(period.id()).getFirst();
        assertThat(submitted.status()).isEqualTo(SubmissionView.Status.SUBMITTED);
        MvcTestResult returnWithout = mvc.post()
                .uri("/monitoring/submissions/{id}/review", submitted.id())
                .with(authentication(world.coordinator().authentication()))
                .with(csrf())
                .cookie(new Cookie("ura-lang", "en"))
                .param("period", period.id().toString())
                .param("decision", "return")
                .param("comment", " ")
                .exchange();
        assertThat(returnWithout).hasStatus(422);
        assertThat(returnWithout).bodyText().contains("id=\"comment-error\"");
        assertThat(mvc.post()
                        .uri("/monitoring/submissions/{id}/review", submitted.id())
                        .with(authentication(world.coordinator().authentication()))
                        .with(csrf())
                        .param("period", period.id().toString())
                        .param("decision", "return")
                        .param("comment", "Add the date of the law's adoption.")
                        .exchange())
                .hasStatus(302);
        assertThat(get("/monitoring/periods/" + period.id() + "/measures/" + measure, world.ministryReporter(), "en"))
                .bodyText()
                .contains("The coordinator returned your report with this comment:")
                .contains("Add the date of the law&#39;s adoption.");
    }

    @Test
    void thePublicPageNeedsNoSignInShowsOnlyAPublishedPeriodsFiguresAndNoPeople() {
        MonitoringFixtures.World world = fixtures.world();
        PeriodView period = open(world);
        UUID measure = measure(world, "1.A.1");
        reporting.save(
                world.ministryReporter().actor(),
                period.id(),
                measure,
                new SubmissionCommand(
                        MeasureStatus.REALISED,
                        null,
                        new BigDecimal("900000.00"),
                        List.of(new SubmissionCommand.ActivityCommand(
                                LocalDate.of(2024, 11, 20), "The law was adopted by Parliament.")),
                        "A private remark",
                        null,
                        List.of()));
        SubmissionView sent = reporting.submit(world.ministryReporter().actor(), period.id(), measure);
        reporting.review(world.coordinator().actor(), sent.id(), true, null);
        String page = "/progress/" + world.code() + "/2024";

        // Open, then locked: not there.
        assertThat(mvc.get().uri(page).exchange()).hasStatus(404);
        reporting.lock(world.coordinator().actor(), period.id());
        assertThat(mvc.get().uri(page).exchange()).hasStatus(404);
        assertThat(mvc.get().uri(page + "/figures?figure=policy/1").exchange()).hasStatus(404);

        reporting.publish(world.coordinator().actor(), period.id());
        MvcTestResult published =
                mvc.get().uri(page).cookie(new Cookie("ura-lang", "en")).exchange();
        assertThat(published).hasStatusOk();
        assertThat(published)
                .bodyText()
                .contains("<h1>Test strategy – progress in 2024")
                .contains("Goal 1")
                .contains("Measures in the year&#39;s plan: 5")
                // Policy 1: 1.A.1 realised, the other four without information; A = (100 + 0) / 2, total 50 % × 0.4.
                .contains("id=\"figure-policy-1-share-REALISED\">20 %<")
                .contains("id=\"figure-policy-1-share-NO_INFORMATION\">80 %<")
                .contains("id=\"figure-policy-1-objective-A\">50 %<")
                .contains("id=\"figure-policy-1\">20 %<")
                .contains("id=\"figure-policy-2\">0 %<")
                .contains("/progress/" + world.code() + "/2024/figures?figure=policy/1")
                .doesNotContain("The law was adopted by Parliament.")
                .doesNotContain("A private remark")
                .doesNotContain(world.ministryReporter().email())
                .doesNotContain(world.ministry().shortName())
                .doesNotContain("/logout");
        assertThat(mvc.get().uri("/progress").exchange()).bodyText().contains(page);
        MvcTestResult how = mvc.get()
                .uri(page + "/figures?figure=policy/1")
                .cookie(new Cookie("ura-lang", "en"))
                .exchange();
        assertThat(how).hasStatusOk();
        assertThat(how)
                .bodyText()
                .contains("id=\"figure-result\">20 %<")
                .contains("(50 % × 0.4) + (0 % × 0.2) + (0 % × 0.2) + (0 % × 0.2) = 20 %");
        // Nothing else of the module is open.
        assertThat(mvc.get()
                        .uri("/monitoring/periods/" + period.id())
                        .accept(MediaType.TEXT_HTML)
                        .exchange())
                .hasStatus(302)
                .redirectedUrl()
                .endsWith("/login");
        assertThat(mvc.get().uri("/progress/" + world.code() + "/2023").exchange())
                .hasStatus(404);
    }

    @Test
    void theHowComputedPageShowsTheFormulaAndTheValueThePeriodPageShows() throws Exception {
        MonitoringFixtures.World world = fixtures.world();
        PeriodView period = open(world);
        UUID measure = measure(world, "1.A.1");
        reporting.save(world.ministryReporter().actor(), period.id(), measure, partial("35.6"));
        SubmissionView sent = reporting.submit(world.ministryReporter().actor(), period.id(), measure);
        reporting.review(world.coordinator().actor(), sent.id(), true, null);

        String periodPage = get("/monitoring/periods/" + period.id(), world.coordinator(), "en")
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        // Objective A = (35.6 + 0) / 2 = 17.8 %; policy 1 = 17.8 % × 0.4 = 7.12 %.
        assertThat(figure(periodPage, "figure-policy-1")).isEqualTo("7.12 %");
        assertThat(figure(periodPage, "figure-policy-1-objective-A")).isEqualTo("17.8 %");
        assertThat(periodPage).contains("1.A.1").contains("The draft law was sent to consultation.");

        MvcTestResult policy =
                get("/monitoring/periods/" + period.id() + "/figures?figure=policy/1", world.coordinator(), "en");
        assertThat(policy).hasStatusOk();
        String policyPage = policy.getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(figure(policyPage, "figure-result")).isEqualTo(figure(periodPage, "figure-policy-1"));
        assertThat(policyPage)
                .contains("(17.8 % × 0.4) + (0 % × 0.2) + (0 % × 0.2) + (0 % × 0.2) = 7.12 %")
                .contains("Objective A: Objective A")
                .contains("7.12 %");

        String objectivePage = get(
                        "/monitoring/periods/" + period.id() + "/figures?figure=policy/1/objective/A",
                        world.coordinator(),
                        "sq")
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(figure(objectivePage, "figure-result")).isEqualTo(figure(periodPage, "figure-policy-1-objective-A"));
        assertThat(objectivePage)
                .contains("(35.6 + 0) / 2 = 17.8 %")
                .contains("Masa 1.A.1: Masa 1.A.1 (Realizuar pjesërisht / në proces)")
                .contains("Masa 1.A.2: Masa 1.A.2 (Nuk ka informacion)");

        String sharePage = get(
                        "/monitoring/periods/" + period.id() + "/figures?figure=policy/1/share/PARTIAL",
                        world.coordinator(),
                        "en")
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(figure(sharePage, "figure-result"))
                .isEqualTo(figure(periodPage, "figure-policy-1-share-PARTIAL"))
                .isEqualTo("20 %");
        assertThat(sharePage).contains("1 / 5 × 100");

        assertThat(get("/monitoring/periods/" + period.id() + "/figures?figure=policy/9", world.coordinator(), "en"))
                .hasStatus(404);
        assertThat(get("/monitoring/periods/" + period.id() + "/figures?figure=nonsense", world.coordinator(), "en"))
                .hasStatus(404);
    }

    @Test
    void theCoordinatorExportsAndImportsThePlanAndSetsWeightsThroughThePages() throws Exception {
        MonitoringFixtures.World world = fixtures.world();
        TestUser coordinator = world.coordinator();

        MvcTestResult json = get("/monitoring/strategies/" + world.strategyId() + "/plan.json", coordinator, "en");
        assertThat(json).hasStatusOk();
        assertThat(json.getResponse().getHeader("Content-Disposition"))
                .startsWith("attachment;")
                .contains(world.code() + "-plan.json");
        byte[] plan = json.getResponse().getContentAsByteArray();
        assertThat(new String(plan, StandardCharsets.UTF_8)).contains("\"code\":\"" + world.code() + "\"");
        MvcTestResult csv = get("/monitoring/strategies/" + world.strategyId() + "/measures.csv", coordinator, "en");
        assertThat(csv).hasStatusOk();
        assertThat(csv.getResponse().getContentAsString(StandardCharsets.UTF_8))
                .startsWith("\ufeffpolicy,objective,weight,measure")
                .containsPattern("\n1,A,0\\.40*,1\\.A\\.1,Masa 1\\.A\\.1,Measure 1\\.A\\.1,"
                        + world.ministry().shortName() + ",");

        // The exported plan imported back: a new version of the same strategy.
        int version = plans.load(world.strategyId()).orElseThrow().version();
        assertThat(mvc.post()
                        .multipart()
                        .uri("/monitoring/strategies/import")
                        .file(new MockMultipartFile("file", "plan.json", "application/json", plan))
                        .param("strategy", world.strategyId().toString())
                        .with(authentication(coordinator.authentication()))
                        .with(csrf())
                        .exchange())
                .hasStatus(302)
                .hasRedirectedUrl("/monitoring/strategies/" + world.strategyId());
        assertThat(plans.load(world.strategyId()).orElseThrow().version()).isEqualTo(version + 1);

        // A broken file and a wrong plan are refused with what is wrong, field by field.
        MvcTestResult broken = mvc.post()
                .multipart()
                .uri("/monitoring/strategies/import")
                .file(new MockMultipartFile(
                        "file", "plan.json", "application/json", "{not json".getBytes(StandardCharsets.UTF_8)))
                .with(authentication(coordinator.authentication()))
                .with(csrf())
                .cookie(new Cookie("ura-lang", "en"))
                .exchange();
        assertThat(broken).hasStatus(422);
        assertThat(broken).bodyText().contains("The file is not a readable JSON plan.");
        String wrong = new String(plan, StandardCharsets.UTF_8).replaceFirst("\"weight\":0\\.40*", "\"weight\":0.5");
        MvcTestResult refused = mvc.post()
                .multipart()
                .uri("/monitoring/strategies/import")
                .file(new MockMultipartFile(
                        "file", "plan.json", "application/json", wrong.getBytes(StandardCharsets.UTF_8)))
                .param("strategy", world.strategyId().toString())
                .with(authentication(coordinator.authentication()))
                .with(csrf())
                .cookie(new Cookie("ura-lang", "en"))
                .exchange();
        assertThat(refused).hasStatus(422);
        assertThat(refused)
                .bodyText()
                .contains("<code>policies[0].objectives</code>")
                .contains("The weights of a policy&#39;s objectives must sum to 1; they now sum to 1.1");
        assertThat(plans.load(world.strategyId()).orElseThrow().version()).isEqualTo(version + 1);

        // Weights: refused when they do not sum to 1, with what was typed; saved when they do.
        MvcTestResult badWeights = mvc.post()
                .uri("/monitoring/strategies/{id}/policies/1/weights", world.strategyId())
                .with(authentication(coordinator.authentication()))
                .with(csrf())
                .cookie(new Cookie("ura-lang", "en"))
                .param("weight_A", "0,5")
                .param("weight_B", "0.2")
                .param("weight_C", "0.2")
                .param("weight_D", "0.2")
                .exchange();
        assertThat(badWeights).hasStatus(422);
        assertThat(badWeights).bodyText().contains("id=\"weights-error\"").contains("value=\"0,5\"");
        assertThat(mvc.post()
                        .uri("/monitoring/strategies/{id}/policies/1/weights", world.strategyId())
                        .with(authentication(coordinator.authentication()))
                        .with(csrf())
                        .param("weight_A", "0,25")
                        .param("weight_B", "0.25")
                        .param("weight_C", "0.25")
                        .param("weight_D", "0.25")
                        .exchange())
                .hasStatus(302);
        assertThat(plans.load(world.strategyId())
                        .orElseThrow()
                        .policies()
                        .getFirst()
                        .objectives())
                .allSatisfy(o -> assertThat(o.weight()).isEqualByComparingTo("0.25"));
        // A contact point may read the plan but not change it.
        assertThat(mvc.post()
                        .uri("/monitoring/strategies/{id}/policies/1/weights", world.strategyId())
                        .with(authentication(world.ministryReporter().authentication()))
                        .with(csrf())
                        .param("weight_A", "0.4")
                        .param("weight_B", "0.2")
                        .param("weight_C", "0.2")
                        .param("weight_D", "0.2")
                        .exchange())
                .hasStatus(403);
    }

    @Test
    void theCoordinatorLocksReopensWithAReasonAndCannotPublishPastABlockingCheck() {
        MonitoringFixtures.World world = fixtures.world();
        PeriodView period = open(world);
        UUID measure = measure(world, "1.A.1");
        reporting.save(world.ministryReporter().actor(), period.id(), measure, partial("35.6"));
        reporting.submit(world.ministryReporter().actor(), period.id(), measure);
        TestUser coordinator = world.coordinator();

        assertThat(action(period, "lock", coordinator, Map.of())).hasStatus(302);
        assertThat(reporting.find(period.id()).orElseThrow().status()).isEqualTo(PeriodView.Status.LOCKED);
        // A submission still awaiting review blocks publication; the page says so.
        MvcTestResult blocked = action(period, "publication", coordinator, Map.of());
        assertThat(blocked).hasStatus(409);
        assertThat(blocked)
                .bodyText()
                .contains("The period cannot be published yet: resolve the blocking checks below first.");
        assertThat(reporting.find(period.id()).orElseThrow().status()).isEqualTo(PeriodView.Status.LOCKED);
        MvcTestResult noReason = action(period, "reopen", coordinator, Map.of("reason", ""));
        assertThat(noReason).hasStatus(422);
        assertThat(noReason).bodyText().contains("id=\"reason-error\"");
        assertThat(action(period, "reopen", coordinator, Map.of("reason", "The ministry's report is to be reviewed")))
                .hasStatus(302);
        assertThat(reporting.find(period.id()).orElseThrow().status()).isEqualTo(PeriodView.Status.OPEN);
        assertThat(action(period, "texts", coordinator, Map.of("prefaceSq", "Parathënia", "prefaceEn", "Preface")))
                .hasStatus(302);
        assertThat(reporting.find(period.id()).orElseThrow().prefaceSq()).isEqualTo("Parathënia");
    }

    // ---- helpers ----

    private PeriodView open(MonitoringFixtures.World world) {
        return reporting.openPeriod(world.coordinator().actor(), world.strategyId(), 2024, LocalDate.of(2025, 1, 31));
    }

    private UUID measure(MonitoringFixtures.World world, String code) {
        return plans.load(world.strategyId()).orElseThrow().measures().stream()
                .filter(m -> m.code().equals(code))
                .findFirst()
                .orElseThrow()
                .id();
    }

    private static SubmissionCommand partial(String percent) {
        return new SubmissionCommand(
                MeasureStatus.PARTIAL,
                new BigDecimal(percent),
                new BigDecimal("250000.00"),
                List.of(new SubmissionCommand.ActivityCommand(
                        LocalDate.of(2024, 6, 3), "The draft law was sent to consultation.")),
                "Delays in consultation",
                "Q2 2025",
                List.of("https://www.example.org/ligji"));
    }

    @Test
    void theCoordinatorKeepsTheRegistersThroughTheFormsAndARefusedFormKeepsWhatWasTyped() {
        TestUser coordinator = fixtures.world().coordinator();
        Map<String, String> agreement = new LinkedHashMap<>();
        agreement.put("title", "Memorandum with the CERT of Kosovo");
        agreement.put("parties", "AKSK, KOS-CERT");
        agreement.put("kind", "MEMORANDUM");
        agreement.put("partner", "FOREIGN");
        agreement.put("status", "SIGNED");

        // An agreement: refused without its date, the typed title shown again; saved with it; updated.
        MvcTestResult refused = form(coordinator, "/monitoring/agreements", agreement);
        assertThat(refused.getResponse().getStatus()).isBetween(400, 499);
        assertThat(refused).bodyText().contains("value=\"Memorandum with the CERT of Kosovo\"");
        agreement.put("signedOn", "2024-06-03");
        MvcTestResult created = form(coordinator, "/monitoring/agreements", agreement);
        assertThat(created).hasStatus(302).hasRedirectedUrl("/monitoring/agreements?year=2024");
        UUID id = jdbc.sql("SELECT id FROM monitoring_agreement WHERE title = ?")
                .param("Memorandum with the CERT of Kosovo")
                .query(UUID.class)
                .single();
        int version = jdbc.sql("SELECT version FROM monitoring_agreement WHERE id = ?")
                .param(id)
                .query(Integer.class)
                .single();
        agreement.put("title", "Memorandum with KOS-CERT");
        agreement.put("version", String.valueOf(version + 7));
        MvcTestResult stale = form(coordinator, "/monitoring/agreements/" + id, agreement);
        assertThat(stale).hasStatus(409);
        assertThat(stale).bodyText().contains("value=\"Memorandum with KOS-CERT\"");
        agreement.put("version", String.valueOf(version));
        assertThat(form(coordinator, "/monitoring/agreements/" + id, agreement)).hasStatus(302);
        assertThat(jdbc.sql("SELECT title FROM monitoring_agreement WHERE id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .isEqualTo("Memorandum with KOS-CERT");

        // An activity: a participant count that is not a number is refused, the typed title kept; then saved.
        Map<String, String> event = new LinkedHashMap<>();
        event.put("kind", "TRAINING");
        event.put("title", "Incident handling for the water operators");
        event.put("heldOn", "2024-10-15");
        event.put("organiser", "AKSK");
        event.put("participants", "many");
        event.put("sessions", "2");
        MvcTestResult notANumber = form(coordinator, "/monitoring/events", event);
        assertThat(notANumber.getResponse().getStatus()).isBetween(400, 499);
        assertThat(notANumber).bodyText().contains("value=\"Incident handling for the water operators\"");
        event.put("participants", "24");
        assertThat(form(coordinator, "/monitoring/events", event))
                .hasStatus(302)
                .hasRedirectedUrl("/monitoring/events?year=2024");
    }

    /** A form posted by {@code user}, in English. */
    private MvcTestResult form(TestUser user, String uri, Map<String, String> fields) {
        return mvc.post()
                .uri(uri)
                .params(MultiValueMap.fromSingleValue(fields))
                .with(authentication(user.authentication()))
                .with(csrf())
                .cookie(new Cookie("ura-lang", "en"))
                .exchange();
    }

    private MvcTestResult get(String uri, TestUser user, String language) {
        return mvc.get()
                .uri(uri)
                .cookie(new Cookie("ura-lang", language))
                .with(authentication(user.authentication()))
                .exchange();
    }

    private MvcTestResult post(
            PeriodView period,
            UUID measure,
            TestUser user,
            String language,
            String action,
            String realisation,
            String percent,
            String date,
            String activity,
            String forecast) {
        return mvc.post()
                .uri("/monitoring/periods/{p}/measures/{m}", period.id(), measure)
                .with(authentication(user.authentication()))
                .with(csrf())
                .cookie(new Cookie("ura-lang", language))
                .param("action", action)
                .param("realisation", realisation)
                .param("percent", percent)
                .param("budgetSpent", "250000")
                .param("activityDate", date, "")
                .param("activityText", activity, "")
                .param("problems", "")
                .param("forecast", forecast)
                .param("evidenceLinks", "https://www.example.org/ligji")
                .exchange();
    }

    private MvcTestResult action(PeriodView period, String action, TestUser user, Map<String, String> params) {
        var request = mvc.post()
                .uri("/monitoring/periods/{p}/" + action, period.id())
                .with(authentication(user.authentication()))
                .with(csrf())
                .cookie(new Cookie("ura-lang", "en"));
        params.forEach((k, v) -> request.param(k, v));
        return request.exchange();
    }

    private int submissions(PeriodView period) {
        Integer count = jdbc.sql("SELECT COUNT(*) FROM progress_submission WHERE period_id = ?")
                .param(period.id())
                .query(Integer.class)
                .single();
        return count == null ? 0 : count;
    }

    private int denied(String action, TestUser user) {
        Integer count = jdbc.sql(
                        "SELECT COUNT(*) FROM audit_entries WHERE action = ? AND outcome = 'DENIED' AND actor_user_id = ?")
                .params(action, user.id())
                .query(Integer.class)
                .single();
        return count == null ? 0 : count;
    }

    /** The text of the element with the id, as the page shows it. */
    private static String figure(String html, String id) {
        Matcher matcher =
                Pattern.compile("id=\"" + Pattern.quote(id) + "\">([^<]*)<").matcher(html);
        assertThat(matcher.find()).as(id).isTrue();
        return matcher.group(1);
    }
}
