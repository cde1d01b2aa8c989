package al.ura.monitoring;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import al.ura.identity.IdentityFixtures.TestUser;
import al.ura.testing.DatabaseTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The annual report of a 4-policy, 14-objective, 48-measure strategy: the page and the PDF in
 * Albanian and English, the PDF with its eight charts and every heading and figure the page shows,
 * Policy 1 at the 2024 report's figures worked out by hand; who may read it when; and the
 * registers of agreements and activities that feed it, kept by the coordinator only, checked
 * whole, versioned and in the ledger.
 */
@DatabaseTest
class MonitoringReportTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    ReportFixtures fixtures;

    @Autowired
    MonitoringFixtures smallFixtures;

    @Autowired
    ProgressReporting reporting;

    @Autowired
    MonitoringFigures figures;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theReportPdfRendersTheEightChartsAndEveryHeadingAndFigureOfThePageInAlbanianAndEnglish() throws Exception {
        ReportFixtures.Report world = fixtures.report(120, true);

        for (Locale locale : List.of(Locale.forLanguageTag("sq"), Locale.ENGLISH)) {
            boolean english = locale.getLanguage().equals("en");
            MvcTestResult page = mvc.get()
                    .uri("/monitoring/periods/{id}/report?lang={lang}", world.periodId(), locale.getLanguage())
                    .with(authentication(world.reader().authentication()))
                    .exchange();
            assertThat(page).hasStatusOk();
            Document html = Jsoup.parse(page.getResponse().getContentAsString(StandardCharsets.UTF_8));
            assertThat(html.select("html").attr("lang")).isEqualTo(locale.getLanguage());
            Element main = html.selectFirst("main.report");
            assertThat(main).isNotNull();

            // Eight charts on the page, each an accessible image with its caption as title and label.
            List<Element> charts = main.select("svg.chart");
            assertThat(charts).hasSize(8);
            for (Element chart : charts) {
                assertThat(chart.attr("role")).isEqualTo("img");
                assertThat(chart.selectFirst("title")).isNotNull();
                assertThat(chart.attr("aria-label"))
                        .isEqualTo(chart.selectFirst("title").text());
            }

            MvcTestResult download = mvc.get()
                    .uri("/monitoring/periods/{id}/report.pdf?lang={lang}", world.periodId(), locale.getLanguage())
                    .with(authentication(world.reader().authentication()))
                    .exchange();
            assertThat(download).hasStatusOk().hasContentType(MediaType.APPLICATION_PDF);
            assertThat(download.getResponse().getHeader("Content-Disposition"))
                    .contains(english ? "monitoring-report-2024-en.pdf" : "raporti-monitorimit-2024-sq.pdf");
            byte[] pdf = download.getResponse().getContentAsByteArray();
            // Kept for a look by eye: target/monitoring-report-sq.pdf, -en.pdf.
            java.nio.file.Files.write(
                    java.nio.file.Path.of("target", "monitoring-report-" + locale.getLanguage() + ".pdf"), pdf);
            String text;
            int drawings;
            try (PDDocument document = Loader.loadPDF(pdf)) {
                text = normalise(new PDFTextStripper().getText(document));
                drawings = vectorDrawings(document);
                assertThat(document.getDocumentInformation().getTitle())
                        .isEqualTo(main.selectFirst("h1").text());
            }

            // The eight charts are drawn into the PDF as vector graphics, each with its numbered caption.
            assertThat(drawings).as("SVG charts drawn in the PDF").isEqualTo(8);
            Matcher caption = Pattern.compile(english ? "Chart (\\d)\\. " : "Grafiku (\\d)\\. ")
                    .matcher(text);
            List<String> numbers = new ArrayList<>();
            while (caption.find()) {
                numbers.add(caption.group(1));
            }
            assertThat(numbers).containsExactly("1", "2", "3", "4", "5", "6", "7", "8");

            // Every heading, caption and figure the page shows is in the PDF's text.
            List<String> shown = new ArrayList<>();
            for (Element element :
                    main.select("h1, h2, h3, h4, h5, figcaption, .figure, .narrative li, .footnotes li > span")) {
                shown.add(normalise(element.text()));
            }
            assertThat(shown).hasSizeGreaterThan(250);
            assertThat(shown.stream().filter(s -> !text.contains(s)).toList())
                    .as("shown on the page, missing in the PDF")
                    .isEmpty();

            // Policy 1 is the 2024 report's, computed by hand (see ReportFixtures): shares, objectives, total and its
            // formula.
            Element policy = main.selectFirst("#policy-1");
            assertThat(policy.select(".shares .figure").eachText())
                    .containsExactly(p("43.75", english), p("31.25", english), p("6.25", english), p("18.75", english));
            assertThat(policy.select(".objectives .figure").eachText())
                    .containsExactly(p("17.8", english), p("76.5", english), p("72.7", english), p("75", english));
            assertThat(policy.selectFirst(".overall .total").text()).isEqualTo(p("51.96", english));
            String formula = "(" + p("17.8", english) + " × " + n("0.4", english) + ") + (" + p("76.5", english) + " × "
                    + n("0.2", english) + ") + (" + p("72.7", english) + " × " + n("0.2", english) + ") + ("
                    + p("75", english)
                    + " × " + n("0.2", english) + ") = " + p("51.96", english);
            assertThat(text)
                    .contains(formula)
                    .contains(english ? "provides for 16 measures in all" : "zbatimin e gjithsej 16 masave");
            // The narratives: every accepted activity, each measure's footnote naming it.
            assertThat(main.select(".narrative li")).hasSize(world.activities());
            assertThat(text)
                    .contains(
                            english
                                    ? "Measure 1.B.1: Measure 1.B.1 of the strategy"
                                    : "Masa 1.B.1: Masa 1.B.1 e strategjisë");
            // Notes are numbered in the order the text calls them, and each call has its note.
            List<Integer> calls = main.select("sup a").eachText().stream()
                    .map(Integer::valueOf)
                    .toList();
            assertThat(calls)
                    .isEqualTo(java.util.stream.IntStream.rangeClosed(1, calls.size())
                            .boxed()
                            .toList());
            assertThat(main.select(".footnotes li").eachAttr("id"))
                    .isEqualTo(calls.stream().map(c -> "fn-" + c).toList());
            // The year's agreements (not the one of 2023) and activities, with their totals.
            // (The registers are the country's, not one strategy's: other tests' records of 2024 are listed too.)
            assertThat(main.select("table.agreements tbody tr"))
                    .hasSize(count("SELECT COUNT(*) FROM monitoring_agreement"
                            + " WHERE signed_on >= DATE '2024-01-01' AND signed_on < DATE '2025-01-01'"))
                    .hasSizeGreaterThanOrEqualTo(16);
            assertThat(text).doesNotContain("Marrëveshje e vitit 2023").doesNotContain("Trajnim i vitit 2023");
            assertThat(main.select("table.events tbody tr"))
                    .hasSize(count("SELECT COUNT(*) FROM monitoring_event"
                            + " WHERE held_on >= DATE '2024-01-01' AND held_on < DATE '2025-01-01'"));
            assertThat(main.select("table.event-totals tfoot td").eachText())
                    .containsExactly(
                            String.valueOf(main.select("table.events tbody tr").size()),
                            String.valueOf(count(
                                    "SELECT SUM(participants) FROM monitoring_event WHERE held_on >= DATE '2024-01-01'"
                                            + " AND held_on < DATE '2025-01-01'")),
                            String.valueOf(count(
                                    "SELECT SUM(sessions) FROM monitoring_event WHERE held_on >= DATE '2024-01-01'"
                                            + " AND held_on < DATE '2025-01-01'")));
            // The coordinator's texts, in the reader's language; the preface before the introduction.
            assertThat(text)
                    .contains(
                            english
                                    ? "Each institution should name a contact point for the strategy."
                                    : "Çdo institucion të emërojë një pikë kontakti për strategjinë.");
            assertThat(text.indexOf(
                            english
                                    ? "It covers January to December 2024."
                                    : "Përfshin periudhën janar – dhjetor 2024."))
                    .isLessThan(text.indexOf(english ? "I. Introduction" : "I. Hyrje"));
        }

        // The API gives the same PDF, in the language of Accept-Language.
        MvcTestResult api = mvc.get()
                .uri("/api/v1/monitoring/periods/{id}/report.pdf", world.periodId())
                .header("Accept-Language", "en")
                .with(authentication(world.reader().authentication()))
                .exchange();
        assertThat(api).hasStatusOk().hasContentType(MediaType.APPLICATION_PDF);
        assertThat(api.getResponse().getHeader("Content-Language")).isEqualTo("en");
        try (PDDocument document = Loader.loadPDF(api.getResponse().getContentAsByteArray())) {
            assertThat(new PDFTextStripper().getText(document)).contains("III. Implementation of the measures in 2024");
        }
    }

    @Test
    void aReaderReadsTheReportOfALockedPeriodAndOnlyTheCoordinatorPreviewsAnOpenOne() throws Exception {
        ReportFixtures.Report world = fixtures.report(45, false);

        assertThat(mvc.get()
                        .uri("/monitoring/periods/{id}/report", world.periodId())
                        .with(authentication(world.reader().authentication())))
                .hasStatus(409)
                .bodyText()
                .contains("Raporti i vitit 2024 hartohet pasi periudha mbyllet");
        assertThat(mvc.get()
                        .uri("/api/v1/monitoring/periods/{id}/report.pdf", world.periodId())
                        .with(authentication(world.reader().authentication())))
                .hasStatus(409);
        assertThat(denied("monitoring.report.read", world.reader())).isEqualTo(2);
        // Someone without the monitoring reader's permission is refused outright.
        assertThat(mvc.get()
                        .uri("/monitoring/periods/{id}/report", world.periodId())
                        .with(authentication(world.bystander().authentication())))
                .hasStatus(403);
        assertThat(denied("monitoring.report.read", world.bystander())).isEqualTo(1);

        // The coordinator previews it, marked as such on the page and in the PDF.
        assertThat(mvc.get()
                        .uri("/monitoring/periods/{id}/report", world.periodId())
                        .with(authentication(world.coordinator().authentication())))
                .hasStatusOk()
                .bodyText()
                .contains("Pamje paraprake: periudha 2024 është ende e hapur");
        MvcTestResult preview = mvc.get()
                .uri("/api/v1/monitoring/periods/{id}/report.pdf", world.periodId())
                .header("Accept-Language", "en")
                .with(authentication(world.coordinator().authentication()))
                .exchange();
        assertThat(preview).hasStatusOk();
        try (PDDocument document = Loader.loadPDF(preview.getResponse().getContentAsByteArray())) {
            assertThat(normalise(new PDFTextStripper().getText(document)))
                    .contains("Preview: the 2024 period is still open");
        }

        reporting.lock(world.coordinator().actor(), world.periodId());
        assertThat(mvc.get()
                        .uri("/monitoring/periods/{id}/report", world.periodId())
                        .with(authentication(world.reader().authentication())))
                .hasStatusOk()
                .bodyText()
                .doesNotContain("Pamje paraprake");
        // An unknown period is not found.
        assertThat(mvc.get()
                        .uri("/monitoring/periods/{id}/report", java.util.UUID.randomUUID())
                        .with(authentication(world.reader().authentication())))
                .hasStatus(404);
    }

    @Test
    void theRegistersAreKeptByTheCoordinatorOnlyCheckedWholeVersionedAndInTheLedger() throws Exception {
        MonitoringFixtures.World world = smallFixtures.world();
        TestUser coordinator = world.coordinator();
        TestUser reader = world.ministryReporter();
        String agreement =
                "{\"title\":\"Marrëveshje me Presidencën\",\"parties\":\"AKSK, Presidenca\",\"kind\":\"AGREEMENT\","
                        + "\"partner\":\"PUBLIC\",\"signedOn\":\"2024-03-04\",\"scope\":\"Reagim ndaj incidenteve\",\"status\":\"SIGNED\"}";

        // A reader may not record one; the refusal is in the ledger.
        assertThat(mvc.post()
                        .uri("/api/v1/monitoring/agreements")
                        .with(authentication(reader.authentication()))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(agreement))
                .hasStatus(403);
        assertThat(denied("monitoring.agreement.create", reader)).isEqualTo(1);

        // Refused whole, each field named.
        assertThat(mvc.post()
                        .uri("/api/v1/monitoring/agreements")
                        .with(authentication(coordinator.authentication()))
                        .with(csrf())
                        .header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"title\":\" \",\"signedOn\":\"2999-01-01\"}"))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.errors[*].field")
                .asArray()
                .containsExactlyInAnyOrder("title", "parties", "kind", "partner", "status", "signedOn");

        MvcTestResult created = mvc.post()
                .uri("/api/v1/monitoring/agreements")
                .with(authentication(coordinator.authentication()))
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(agreement)
                .exchange();
        assertThat(created)
                .hasStatus(201)
                .bodyJson()
                .extractingPath("$.version")
                .asNumber()
                .isEqualTo(0);
        String id = com.jayway.jsonpath.JsonPath.read(created.getResponse().getContentAsString(), "$.id");
        assertThat(audited("monitoring.agreement.created", id)).isEqualTo(1);

        // Corrected on the version it was read at; a second correction on the same version is refused.
        String corrected = agreement.replace("SIGNED", "IN_FORCE").replace("}", ",\"version\":0}");
        assertThat(mvc.put()
                        .uri("/api/v1/monitoring/agreements/{id}", id)
                        .with(authentication(coordinator.authentication()))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(corrected))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.status")
                .asString()
                .isEqualTo("IN_FORCE");
        assertThat(mvc.put()
                        .uri("/api/v1/monitoring/agreements/{id}", id)
                        .with(authentication(coordinator.authentication()))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(corrected))
                .hasStatus(409);

        // The signed document: kept with its hash, its download by a reader is in the ledger.
        byte[] signed = "%PDF-1.4\n% the signed agreement\n".getBytes(StandardCharsets.US_ASCII);
        assertThat(mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart(
                                org.springframework.http.HttpMethod.PUT,
                                "/api/v1/monitoring/agreements/{id}/document",
                                id)
                        .file(new MockMultipartFile("file", "marreveshja.pdf", "application/pdf", signed))
                        .with(authentication(coordinator.authentication()))
                        .with(csrf())))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.document.contentType")
                .asString()
                .isEqualTo("application/pdf");
        MvcTestResult document = mvc.get()
                .uri("/api/v1/monitoring/agreements/{id}/document", id)
                .with(authentication(reader.authentication()))
                .exchange();
        assertThat(document).hasStatusOk();
        assertThat(document.getResponse().getContentAsByteArray()).isEqualTo(signed);
        assertThat(audited("monitoring.agreement.document.read", id)).isEqualTo(1);

        // Listed by the year it was signed in.
        assertThat(mvc.get()
                        .uri("/api/v1/monitoring/agreements?year=2024")
                        .with(authentication(reader.authentication())))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$[*].id")
                .asArray()
                .contains(id);
        assertThat(mvc.get()
                        .uri("/api/v1/monitoring/agreements?year=2023")
                        .with(authentication(reader.authentication())))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$[*].id")
                .asArray()
                .doesNotContain(id);

        // Activities: participants and sessions checked; listed by year; on the page, the coordinator's form.
        assertThat(mvc.post()
                        .uri("/api/v1/monitoring/events")
                        .with(authentication(coordinator.authentication()))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                                "{\"kind\":\"TRAINING\",\"title\":\"Trajnim\",\"heldOn\":\"2024-05-02\",\"organiser\":\"AKSK\","
                                        + "\"participants\":-1,\"sessions\":0}"))
                .hasStatus(400)
                .bodyJson()
                .extractingPath("$.errors[*].field")
                .asArray()
                .containsExactlyInAnyOrder("participants", "sessions");
        assertThat(mvc.post()
                        .uri("/api/v1/monitoring/events")
                        .with(authentication(reader.authentication()))
                        .with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(
                                "{\"kind\":\"TRAINING\",\"title\":\"Trajnim\",\"heldOn\":\"2024-05-02\",\"organiser\":\"AKSK\","
                                        + "\"participants\":25,\"sessions\":2}"))
                .hasStatus(403);
        assertThat(mvc.post()
                        .uri("/monitoring/events")
                        .with(authentication(coordinator.authentication()))
                        .with(csrf())
                        .param("kind", "TRAINING")
                        .param("title", "Trajnim për CSIRT-et")
                        .param("heldOn", "2019-05-02")
                        .param("organiser", "AKSK")
                        .param("participants", "25")
                        .param("sessions", "2"))
                .hasStatus(302);
        assertThat(mvc.post()
                        .uri("/monitoring/events")
                        .with(authentication(coordinator.authentication()))
                        .with(csrf())
                        .param("kind", "TRAINING")
                        .param("title", "")
                        .param("heldOn", "2024-05-02")
                        .param("organiser", "AKSK")
                        .param("participants", "25")
                        .param("sessions", "2"))
                .hasStatus(400)
                .bodyText()
                .contains("id=\"title-error\"");
        assertThat(mvc.get().uri("/api/v1/monitoring/events?year=2019").with(authentication(reader.authentication())))
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$[*].title")
                .asArray()
                .containsExactly("Trajnim për CSIRT-et");
        assertThat(mvc.get().uri("/monitoring/events?year=2019").with(authentication(reader.authentication())))
                .hasStatusOk()
                .bodyText()
                .contains("Trajnim për CSIRT-et")
                .doesNotContain("name=\"participants\"");
        assertThat(mvc.get()
                        .uri("/monitoring/agreements?year=2024&lang=en")
                        .with(authentication(coordinator.authentication())))
                .hasStatusOk()
                .bodyText()
                .contains("Marrëveshje me Presidencën")
                .contains("In force")
                .contains("name=\"parties\"");
        // The registers' quantities are figures an indicator can be bound to (no other test records anything in 2019).
        java.time.Instant from = java.time.Instant.parse("2018-12-31T23:00:00Z");
        java.time.Instant to = java.time.Instant.parse("2019-12-31T23:00:00Z");
        assertThat(figures.liveFigures().get("monitoring.trainings").value(from, to))
                .hasValue(java.math.BigDecimal.ONE);
        assertThat(figures.liveFigures().get("monitoring.training-participants").value(from, to))
                .hasValue(java.math.BigDecimal.valueOf(25));
        assertThat(figures.liveFigures().get("monitoring.awareness-activities").value(from, to))
                .hasValue(java.math.BigDecimal.ZERO);
        assertThat(figures.liveFigures()
                        .get("monitoring.agreements-signed")
                        .value(
                                java.time.Instant.parse("2023-12-31T23:00:00Z"),
                                java.time.Instant.parse("2024-12-31T23:00:00Z")))
                .hasValueSatisfying(v -> assertThat(v.intValue())
                        .isEqualTo(count("SELECT COUNT(*) FROM monitoring_agreement"
                                + " WHERE signed_on >= DATE '2024-01-01' AND signed_on < DATE '2025-01-01'"))
                        .isPositive());
        assertThat(jdbc.sql(
                                "SELECT COUNT(*) FROM audit_entries WHERE action = 'monitoring.event.created' AND actor_user_id = ?")
                        .param(coordinator.id())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    /** The SVG charts: each is drawn as one form XObject on its page. */
    private static int vectorDrawings(PDDocument document) throws java.io.IOException {
        int forms = 0;
        for (PDPage page : document.getPages()) {
            for (COSName name : page.getResources().getXObjectNames()) {
                if (page.getResources().getXObject(name) instanceof PDFormXObject) {
                    forms++;
                }
            }
        }
        return forms;
    }

    /** Whitespace as one space, and none after a hyphen where a line may have been broken. */
    private static String normalise(String text) {
        return text.replace('\u00a0', ' ')
                .replaceAll("\\s+", " ")
                .replaceAll("-\\s", "-")
                .strip();
    }

    private static String p(String value, boolean english) {
        return english ? value + "%" : value.replace('.', ',') + " %";
    }

    private static String n(String value, boolean english) {
        return english ? value : value.replace('.', ',');
    }

    private int denied(String action, TestUser user) {
        Integer count = jdbc.sql(
                        "SELECT COUNT(*) FROM audit_entries WHERE action = ? AND outcome = 'DENIED' AND actor_user_id = ?")
                .params(action, user.id())
                .query(Integer.class)
                .single();
        return count == null ? 0 : count;
    }

    private int count(String sql) {
        Long count = jdbc.sql(sql).query(Long.class).single();
        return count == null ? 0 : count.intValue();
    }

    private int audited(String action, String objectId) {
        Integer count = jdbc.sql("SELECT COUNT(*) FROM audit_entries WHERE action = ? AND object_id = ?")
                .params(action, objectId)
                .query(Integer.class)
                .single();
        return count == null ? 0 : count;
    }
}
