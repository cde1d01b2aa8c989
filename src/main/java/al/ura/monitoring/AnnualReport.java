package al.ura.monitoring;

import al.ura.audit.AuditEvent;
import al.ura.audit.AuditLog;
import al.ura.directory.OrganisationDirectory;
import al.ura.directory.OrganisationView;
import al.ura.kernel.Actor;
import al.ura.kernel.PdfRenderer;
import al.ura.kernel.ProblemException;
import al.ura.kernel.ProblemType;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * The annual monitoring report of a period, in the layout of the 2024 report (seed 002):
 * abbreviations, preface, I. introduction (the strategy, its principles, the institutions that
 * implement it, the counts), II. methodology (the classification table), III. per policy its
 * goal, objectives, measures by status with a chart, objectives' realisation with a chart, main
 * results, measures still in progress, the overall realisation with its formula, and what each
 * institution did, assembled from its accepted submissions with footnotes to the measures; IV. the
 * coordinator's recommendations; then the agreements signed and the trainings and awareness
 * activities of the year. Every figure comes from {@link MonitoringFigures} and is rounded once,
 * for display. The page and the PDF are the same template with the same SVG charts.
 */
@Service
public class AnnualReport {

    /** Where a reader who is not the coordinator asks for the report of a period still open. */
    static final ProblemType NOT_READY = ProblemType.CONFLICT;

    static final String TEMPLATE = "monitoring/report";
    static final String STYLESHEET = "static/css/report.css";

    private final MonitoringFigures figures;
    private final StrategyPlans plans;
    private final ProgressReporting reporting;
    private final MonitoringRegisters registers;
    private final OrganisationDirectory directory;
    private final SpringTemplateEngine templates;
    private final PdfRenderer pdf;
    private final MessageSource messages;
    private final AuditLog auditLog;
    private final String stylesheet;

    AnnualReport(
            MonitoringFigures figures,
            StrategyPlans plans,
            ProgressReporting reporting,
            MonitoringRegisters registers,
            OrganisationDirectory directory,
            SpringTemplateEngine templates,
            PdfRenderer pdf,
            MessageSource messages,
            AuditLog auditLog) {
        this.figures = figures;
        this.plans = plans;
        this.reporting = reporting;
        this.registers = registers;
        this.directory = directory;
        this.templates = templates;
        this.pdf = pdf;
        this.messages = messages;
        this.auditLog = auditLog;
        this.stylesheet = resource(STYLESHEET);
    }

    // ---- the model the template shows ----

    public record Report(
            UUID periodId,
            String year,
            String title,
            String strategyTitle,
            String strategyCode,
            PeriodView.Status status,
            boolean preview,
            String authority,
            List<Abbreviation> abbreviations,
            List<String> preface,
            @Nullable String decision,
            String decisionDate,
            List<String> principles,
            List<Institution> institutions,
            int policies,
            int objectives,
            int measures,
            int plannedMeasures,
            List<PolicySection> sections,
            List<String> recommendations,
            List<AgreementRow> agreements,
            List<EventRow> events,
            List<EventTotal> eventTotals,
            EventTotal eventTotal,
            int charts) {}

    public record Abbreviation(String shortName, String name) {}

    public record Institution(UUID id, String shortName, String name) {}

    /** A status's count and share in a policy; the share as the report prints it. */
    public record Share(MeasureStatus status, int count, String percent) {}

    public record ObjectiveRow(String letter, String text, String weight, int measures, String percent) {}

    /** A measure as the lists of results name it: code, text, and for one in progress its share done and forecast. */
    public record MeasureLine(
            String code,
            String text,
            MeasureStatus status,
            @Nullable String percent,
            @Nullable String forecast) {}

    public record ActivityLine(String date, String description) {}

    /** What an institution reported on one measure, with the footnote that names the measure. */
    public record NarrativeItem(String measureCode, List<ActivityLine> activities, int footnote) {}

    public record Narrative(Institution institution, List<NarrativeItem> items) {}

    public record Footnote(int number, String text) {}

    /** A measure an institution reported activities on, before its note is numbered. */
    private record Reported(StrategyView.MeasureView measure, List<SubmissionView.Activity> activities) {}

    public record PolicySection(
            int number,
            String letter,
            String goal,
            List<ObjectiveRow> objectives,
            int measures,
            List<Share> shares,
            int statusChartNumber,
            String statusChartCaption,
            String statusChart,
            int objectiveChartNumber,
            String objectiveChartCaption,
            String objectiveChart,
            List<MeasureLine> realised,
            List<MeasureLine> inProgress,
            List<MeasureLine> notRealised,
            String realisation,
            int formulaFootnote,
            List<Narrative> narratives,
            List<Footnote> footnotes) {}

    public record AgreementRow(
            UUID id,
            String title,
            String parties,
            AgreementView.Kind kind,
            AgreementView.Partner partner,
            String signedOn,
            @Nullable String scope,
            AgreementView.Status status,
            boolean document) {}

    public record EventRow(
            EventView.Kind kind,
            String title,
            String heldOn,
            String organiser,
            @Nullable String audience,
            String participants,
            String sessions) {}

    public record EventTotal(EventView.@Nullable Kind kind, int events, String participants, String sessions) {}

    // ---- access ----

    /**
     * Any monitoring reader may read the report of a locked or published period; the coordinator
     * may also preview the report of a period still open. A refusal is in the ledger.
     */
    @Transactional(readOnly = true)
    public Report report(Actor actor, UUID periodId, Locale locale) {
        plans.requireReader(actor, "monitoring.report.read");
        PeriodView period = reporting.find(periodId).orElseThrow(ProblemException::notFound);
        if (period.open() && !actor.has(MonitoringPermissions.COORDINATE)) {
            auditLog.denied(
                    actor,
                    AuditEvent.of("monitoring.report.read", "reporting_period", periodId, actor.organisationId())
                            .with("reason", "period-open"));
            throw new ProblemException(NOT_READY, "monitoring.report.problem.not-ready", String.valueOf(period.year()));
        }
        return build(periodId, locale);
    }

    /** The page's model: the report and its stylesheet, {@code printable} for the PDF (no site header, the CSS inline). */
    public Map<String, Object> model(Report report, boolean printable) {
        Map<String, Object> model = new HashMap<>();
        model.put("report", report);
        model.put("printable", printable);
        model.put("reportCss", printable ? stylesheet : "");
        return model;
    }

    /** The report as standalone printable HTML, the PDF's source. */
    public String html(Report report, Locale locale) {
        return templates.process(TEMPLATE, new Context(locale, model(report, true)));
    }

    public byte[] pdf(Report report, Locale locale) {
        return pdf.render(html(report, locale), report.title());
    }

    public byte[] pdf(Actor actor, UUID periodId, Locale locale) {
        return pdf(report(actor, periodId, locale), locale);
    }

    /** The file name of the PDF: {@code raporti-monitorimit-2024-sq.pdf}, {@code monitoring-report-2024-en.pdf}. */
    public String fileName(Report report, Locale locale) {
        return messages.getMessage("monitoring.report.file-name", new Object[] {report.year()}, locale) + "-"
                + locale.getLanguage() + ".pdf";
    }

    // ---- building it ----

    /** The report of a period, without a permission check: for the benchmark and for those who checked already. */
    @Transactional(readOnly = true)
    public Report build(UUID periodId, Locale locale) {
        MonitoringFigures.PeriodFigures computed = figures.compute(periodId);
        PeriodView period = computed.period();
        StrategyView strategy = computed.strategy();
        ChartSvg.Texts texts = (key, arguments) -> messages.getMessage(key, strings(arguments), locale);
        String year = String.valueOf(period.year());
        boolean english = ReportFormat.english(locale);
        Optional<OrganisationView> operatorOrganisation = directory.platformOperator();
        String operator = operatorOrganisation.map(o -> o.name(locale)).orElse("");

        Map<UUID, Institution> institutions = new LinkedHashMap<>();
        for (StrategyView.MeasureView measure : strategy.measures()) {
            if (measure.responsibleId() != null) {
                institution(measure.responsibleId(), locale, institutions);
            }
            measure.contributingIds().forEach(id -> institution(id, locale, institutions));
        }
        List<Institution> implementing = new ArrayList<>(institutions.values());
        // The coordinating authority is named first, as the 2024 report does.
        operatorOrganisation
                .flatMap(o ->
                        implementing.stream().filter(i -> i.id().equals(o.id())).findFirst())
                .ifPresent(i -> {
                    implementing.remove(i);
                    implementing.addFirst(i);
                });

        int footnote = 0;
        int chart = 0;
        List<PolicySection> sections = new ArrayList<>();
        for (MonitoringFigures.PolicyFigures policy : computed.policies()) {
            Realisation.PolicyResult result = policy.result();
            int number = policy.policy().number();
            List<Share> shares = new ArrayList<>();
            Map<MeasureStatus, BigDecimal> shareValues = new EnumMap<>(MeasureStatus.class);
            for (MeasureStatus status : MeasureStatus.values()) {
                Realisation.Figure share = result.shares().get(status);
                BigDecimal value = share == null ? BigDecimal.ZERO : share.value();
                shareValues.put(status, value);
                shares.add(new Share(
                        status, result.counts().getOrDefault(status, 0), ReportFormat.percent(value, locale)));
            }
            List<ObjectiveRow> objectives = new ArrayList<>();
            List<ChartSvg.Bar> bars = new ArrayList<>();
            List<String> terms = new ArrayList<>();
            List<MeasureLine> realised = new ArrayList<>();
            List<MeasureLine> inProgress = new ArrayList<>();
            List<MeasureLine> notRealised = new ArrayList<>();
            Map<UUID, List<Reported>> narratives = new LinkedHashMap<>();
            for (MonitoringFigures.ObjectiveFigures objective : policy.objectives()) {
                Realisation.ObjectiveResult objectiveResult = objective.result();
                BigDecimal value = objectiveResult.realisation().value();
                objectives.add(new ObjectiveRow(
                        objectiveResult.letter(),
                        objective.objective().text(locale),
                        ReportFormat.weight(objectiveResult.weight(), locale),
                        objectiveResult.measures(),
                        ReportFormat.percent(value, locale)));
                bars.add(new ChartSvg.Bar(objectiveResult.letter(), value));
                terms.add("(" + ReportFormat.percent(value, locale) + " × "
                        + ReportFormat.weight(objectiveResult.weight(), locale) + ")");
                for (MonitoringFigures.MeasureFigure measure : objective.measures()) {
                    SubmissionView submission = measure.submission();
                    SubmissionView accepted =
                            submission != null && submission.status() == SubmissionView.Status.ACCEPTED
                                    ? submission
                                    : null;
                    MeasureLine line = new MeasureLine(
                            measure.measure().code(),
                            measure.measure().text(locale),
                            measure.status(),
                            measure.status() == MeasureStatus.PARTIAL
                                    ? ReportFormat.percent(measure.percent(), locale)
                                    : null,
                            accepted != null && measure.status() == MeasureStatus.PARTIAL ? accepted.forecast() : null);
                    switch (measure.status()) {
                        case REALISED -> realised.add(line);
                        case PARTIAL -> inProgress.add(line);
                        case NOT_REALISED, NO_INFORMATION -> notRealised.add(line);
                    }
                    if (accepted != null && !accepted.activities().isEmpty()) {
                        narratives
                                .computeIfAbsent(accepted.organisationId(), k -> new ArrayList<>())
                                .add(new Reported(measure.measure(), accepted.activities()));
                    }
                }
            }
            // Notes numbered in the order the text calls them: the overall realisation's formula, then the narratives'.
            List<Footnote> footnotes = new ArrayList<>();
            int formulaFootnote = ++footnote;
            footnotes.add(new Footnote(
                    formulaFootnote,
                    texts.get(
                            "monitoring.report.footnote.formula",
                            (terms.isEmpty() ? "0" : String.join(" + ", terms)) + " = "
                                    + ReportFormat.percent(result.realisation().value(), locale))));
            List<Narrative> narrativeList = new ArrayList<>();
            for (Map.Entry<UUID, List<Reported>> entry : narratives.entrySet()) {
                List<NarrativeItem> items = new ArrayList<>();
                for (Reported reported : entry.getValue()) {
                    int n = ++footnote;
                    items.add(new NarrativeItem(
                            reported.measure().code(),
                            reported.activities().stream()
                                    .map(a -> new ActivityLine(ReportFormat.date(a.doneOn()), a.description()))
                                    .toList(),
                            n));
                    footnotes.add(new Footnote(
                            n,
                            texts.get(
                                    "monitoring.report.footnote.measure",
                                    reported.measure().code(),
                                    reported.measure().text(locale))));
                }
                narrativeList.add(new Narrative(institution(entry.getKey(), locale, institutions), items));
            }
            int statusChart = ++chart;
            int objectiveChart = ++chart;
            String statusCaption = texts.get("monitoring.report.chart.status.caption", statusChart, number);
            String objectiveCaption = texts.get("monitoring.report.chart.objectives.caption", objectiveChart, number);
            sections.add(new PolicySection(
                    number,
                    String.valueOf((char) ('A' + Math.min(sections.size(), 25))),
                    policy.policy().goal(locale),
                    objectives,
                    result.measures(),
                    shares,
                    statusChart,
                    statusCaption,
                    ChartSvg.statusShares(
                            "chart-" + statusChart, statusCaption, result.counts(), shareValues, locale, texts),
                    objectiveChart,
                    objectiveCaption,
                    ChartSvg.objectiveBars("chart-" + objectiveChart, objectiveCaption, bars, locale, texts),
                    realised,
                    inProgress,
                    notRealised,
                    ReportFormat.percent(result.realisation().value(), locale),
                    formulaFootnote,
                    narrativeList,
                    footnotes));
        }

        List<AgreementRow> agreements = registers.agreements(period.year()).stream()
                .map(a -> new AgreementRow(
                        a.id(),
                        a.title(),
                        a.parties(),
                        a.kind(),
                        a.partner(),
                        ReportFormat.date(a.signedOn()),
                        a.scope(),
                        a.status(),
                        a.document() != null))
                .toList();
        List<EventView> events = registers.events(period.year());
        List<EventRow> eventRows = events.stream()
                .map(e -> new EventRow(
                        e.kind(),
                        e.title(),
                        ReportFormat.date(e.heldOn()),
                        e.organiser(),
                        e.audience(),
                        String.valueOf(e.participants()),
                        String.valueOf(e.sessions())))
                .toList();
        List<EventTotal> totals = new ArrayList<>();
        for (EventView.Kind kind : EventView.Kind.values()) {
            List<EventView> ofKind =
                    events.stream().filter(e -> e.kind() == kind).toList();
            if (!ofKind.isEmpty()) {
                totals.add(total(kind, ofKind));
            }
        }

        List<Abbreviation> abbreviations = new ArrayList<>();
        abbreviations.add(new Abbreviation(strategy.code(), strategy.title(locale)));
        Set<String> seen = new LinkedHashSet<>();
        seen.add(strategy.code());
        Collator collator = Collator.getInstance(locale);
        operatorOrganisation.ifPresent(o -> institution(o.id(), locale, institutions));
        institutions.values().stream()
                .sorted((a, b) -> collator.compare(a.shortName(), b.shortName()))
                .filter(i -> seen.add(i.shortName()))
                .forEach(i -> abbreviations.add(new Abbreviation(i.shortName(), i.name())));

        String preface = english ? period.prefaceEn() : period.prefaceSq();
        String recommendations = english ? period.recommendationsEn() : period.recommendationsSq();
        String principles = english ? strategy.principlesEn() : strategy.principlesSq();
        return new Report(
                period.id(),
                year,
                texts.get("monitoring.report.title", strategy.code(), year),
                strategy.title(locale),
                strategy.code(),
                period.status(),
                period.open(),
                operator,
                abbreviations,
                preface == null
                        ? paragraphs(texts.get("monitoring.report.preface.default", operator, year))
                        : paragraphs(preface),
                strategy.decision(),
                ReportFormat.date(strategy.decisionDate()),
                principles == null ? List.of() : lines(principles),
                implementing,
                strategy.policies().size(),
                strategy.policies().stream()
                        .mapToInt(p -> p.objectives().size())
                        .sum(),
                strategy.measures().size(),
                computed.measures(),
                sections,
                recommendations == null ? List.of() : paragraphs(recommendations),
                agreements,
                eventRows,
                totals,
                total(null, events),
                chart);
    }

    private static EventTotal total(EventView.@Nullable Kind kind, List<EventView> events) {
        return new EventTotal(
                kind,
                events.size(),
                String.valueOf(
                        events.stream().mapToLong(EventView::participants).sum()),
                String.valueOf(events.stream().mapToLong(EventView::sessions).sum()));
    }

    private Institution institution(UUID id, Locale locale, Map<UUID, Institution> known) {
        return known.computeIfAbsent(id, k -> {
            Optional<OrganisationView> organisation = directory.find(k);
            return organisation
                    .map(o -> new Institution(o.id(), o.shortName(), o.name(locale)))
                    .orElse(new Institution(k, k.toString(), k.toString()));
        });
    }

    /** Text split at blank lines into paragraphs. */
    static List<String> paragraphs(String text) {
        return Arrays.stream(text.strip().split("\\R\\s*\\R"))
                .map(String::strip)
                .filter(p -> !p.isEmpty())
                .toList();
    }

    /** One item per line, without the dash or bullet a typed list starts its lines with. */
    static List<String> lines(String text) {
        return text.lines()
                .map(l -> l.strip()
                        .replaceFirst("^[-•–*]\\s*", "")
                        .replaceFirst(";$", "")
                        .strip())
                .filter(l -> !l.isEmpty())
                .toList();
    }

    /** Arguments as text, so MessageFormat does not group a year's digits (2,024) or a count's. */
    private static Object[] strings(Object[] arguments) {
        Object[] out = new Object[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            out[i] = arguments[i] instanceof Number number ? number.toString() : arguments[i];
        }
        return out;
    }

    private static String resource(String name) {
        try (InputStream in = AnnualReport.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
