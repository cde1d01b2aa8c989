package al.ura.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

import al.ura.testing.DatabaseTest;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Benchmark (d), run by bench/monitoring.sh on PostgreSQL, never in the normal suite: a strategy
 * of 4 policies, 14 objectives and 48 measures with 300 activities in its accepted submissions
 * (made through the reporting cycle in a schema of its own), then (1) the annual report generated
 * as a reader gets it — the page and the PDF through the web layer, Albanian and English in turn —
 * and (2) every figure of the period recomputed after one submission changed.
 */
@Tag("bench")
@DatabaseTest
class MonitoringReportBenchmark {

    private static final int ACTIVITIES = Integer.getInteger("bench.activities", 300);
    private static final int REPORT_RUNS = Integer.getInteger("bench.reportRuns", 20);
    private static final int FIGURE_RUNS = Integer.getInteger("bench.figureRuns", 200);

    @Autowired
    ReportFixtures fixtures;

    @Autowired
    MockMvcTester mvc;

    @Autowired
    AnnualReport report;

    @Autowired
    MonitoringFigures figures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transaction;

    @Test
    void reportPageAndPdfAndFiguresAfterOneSubmission() {
        long start = System.nanoTime();
        ReportFixtures.Report world = fixtures.report(ACTIVITIES, true);
        MonitoringFigures.PeriodFigures before = figures.compute(world.periodId());
        System.out.printf(
                "%nMONITORING generated a strategy of %d policies, %d objectives, %d measures; %d accepted submissions"
                        + " with %d activities; %d agreements and %d activities of the year; in %.1f s%n",
                before.policies().size(),
                before.policies().stream().mapToInt(p -> p.objectives().size()).sum(),
                before.measures(),
                count(
                        "SELECT COUNT(*) FROM progress_submission WHERE period_id = ? AND status = 'ACCEPTED'",
                        world.periodId()),
                count(
                        "SELECT COUNT(*) FROM submission_activity a JOIN progress_submission s ON s.id = a.submission_id"
                                + " WHERE s.period_id = ? AND s.status = 'ACCEPTED'",
                        world.periodId()),
                world.agreements(),
                world.events(),
                (System.nanoTime() - start) / 1e9);
        assertThat(before.measures()).isEqualTo(48);

        // (1) The report, page and PDF, as a reader asks for them; the languages in turn.
        String[] languages = {"sq", "en"};
        for (int i = 0; i < 6; i++) {
            page(world, languages[i % 2]);
            pdf(world, languages[i % 2]);
        }
        long[] pages = new long[REPORT_RUNS];
        long[] pdfs = new long[REPORT_RUNS];
        long[] both = new long[REPORT_RUNS];
        long bytes = 0;
        for (int i = 0; i < REPORT_RUNS; i++) {
            String language = languages[i % 2];
            long t0 = System.nanoTime();
            page(world, language);
            long t1 = System.nanoTime();
            bytes += pdf(world, language);
            long t2 = System.nanoTime();
            pages[i] = t1 - t0;
            pdfs[i] = t2 - t1;
            both[i] = t2 - t0;
        }
        // Where a PDF's time goes: the model (figures, plan, registers, charts), the HTML, the PDF itself.
        long[] model = new long[REPORT_RUNS];
        long[] html = new long[REPORT_RUNS];
        long[] render = new long[REPORT_RUNS];
        for (int i = 0; i < REPORT_RUNS; i++) {
            Locale locale = Locale.forLanguageTag(languages[i % 2]);
            long t0 = System.nanoTime();
            AnnualReport.Report built = report.build(world.periodId(), locale);
            long t1 = System.nanoTime();
            String source = report.html(built, locale);
            long t2 = System.nanoTime();
            report.pdf(built, locale);
            long t3 = System.nanoTime();
            model[i] = t1 - t0;
            html[i] = t2 - t1;
            render[i] = t3 - t2;
            assertThat(source).contains("<svg");
        }
        System.out.printf(
                "MONITORING report page (HTML through the web layer), %d runs: %s%n", REPORT_RUNS, stats(pages));
        System.out.printf(
                "MONITORING report PDF (through the web layer), %d runs: %s, %.0f KiB on average%n",
                REPORT_RUNS, stats(pdfs), bytes / 1024.0 / REPORT_RUNS);
        System.out.printf("MONITORING report page + PDF, %d runs: %s — target 2000 ms%n", REPORT_RUNS, stats(both));
        System.out.printf(
                "MONITORING   of which: report model %s; printable HTML %s; HTML to PDF %s%n",
                stats(model), stats(html), stats(render));

        // (2) One submission changes (its percentage, as a new accepted report would), then every figure is recomputed.
        MonitoringFigures.MeasureFigure partial = before.policy(2).orElseThrow().objectives().stream()
                .flatMap(o -> o.measures().stream())
                .filter(m -> m.status() == MeasureStatus.PARTIAL)
                .findFirst()
                .orElseThrow();
        UUID submission = java.util.Objects.requireNonNull(partial.submission()).id();
        for (int i = 0; i < 50; i++) {
            figures.compute(world.periodId());
        }
        long[] recompute = new long[FIGURE_RUNS];
        for (int i = 0; i < FIGURE_RUNS; i++) {
            BigDecimal percent = BigDecimal.valueOf(10 + i % 80);
            transaction.executeWithoutResult(status -> jdbc.sql(
                            "UPDATE progress_submission SET percent = ?, version = version + 1" + " WHERE id = ?")
                    .params(percent, submission)
                    .update());
            long t0 = System.nanoTime();
            MonitoringFigures.PeriodFigures after = figures.compute(world.periodId());
            recompute[i] = System.nanoTime() - t0;
            BigDecimal seen = after.policy(2).orElseThrow().objectives().stream()
                    .flatMap(o -> o.measures().stream())
                    .filter(m -> m.measure().id().equals(partial.measure().id()))
                    .findFirst()
                    .orElseThrow()
                    .percent();
            assertThat(seen).isEqualByComparingTo(percent);
        }
        System.out.printf(
                "MONITORING all figures recomputed after one submission changed, %d runs: %s — target 50 ms%n%n",
                FIGURE_RUNS, stats(recompute));

        assertThat(percentile(both, 0.95) / 1e6)
                .as("report page + PDF p95 in ms, target 2000")
                .isLessThanOrEqualTo(Double.parseDouble(System.getProperty("bench.reportTargetMs", "2000")));
        assertThat(percentile(recompute, 0.95) / 1e6)
                .as("figures p95 in ms, target 50")
                .isLessThanOrEqualTo(Double.parseDouble(System.getProperty("bench.figuresTargetMs", "50")));
    }

    private void page(ReportFixtures.Report world, String language) {
        MvcTestResult result = mvc.get()
                .uri("/monitoring/periods/{id}/report?lang={lang}", world.periodId(), language)
                .with(authentication(world.reader().authentication()))
                .exchange();
        assertThat(result).hasStatusOk();
    }

    private int pdf(ReportFixtures.Report world, String language) {
        MvcTestResult result = mvc.get()
                .uri("/monitoring/periods/{id}/report.pdf?lang={lang}", world.periodId(), language)
                .with(authentication(world.reader().authentication()))
                .exchange();
        assertThat(result).hasStatusOk();
        return result.getResponse().getContentAsByteArray().length;
    }

    private static String stats(long[] nanos) {
        return String.format(
                Locale.ROOT,
                "p50 %.1f ms, p95 %.1f ms, max %.1f ms",
                percentile(nanos, 0.5) / 1e6,
                percentile(nanos, 0.95) / 1e6,
                percentile(nanos, 1.0) / 1e6);
    }

    /** The nearest-rank percentile. */
    private static double percentile(long[] nanos, double p) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private long count(String sql, Object parameter) {
        Long count = jdbc.sql(sql).param(parameter).query(Long.class).single();
        return count == null ? 0 : count;
    }
}
