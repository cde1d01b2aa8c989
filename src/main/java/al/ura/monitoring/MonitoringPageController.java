package al.ura.monitoring;

import al.ura.directory.OrganisationDirectory;
import al.ura.directory.OrganisationView;
import al.ura.kernel.Actor;
import al.ura.kernel.CurrentActor;
import al.ura.kernel.PeopleNames;
import al.ura.kernel.ProblemException;
import al.ura.kernel.ProblemException.FieldProblem;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * The strategy-monitoring pages for signed-in people: the strategies and their periods, the plan
 * with its import and export, weights and history; a period with the coordinator's cycle (lock,
 * reopen with a reason, publish), texts, consistency checks, review of every submission, the
 * computed figures with how each was computed and a preview of what the institutions reported;
 * and the contact point's report form. Each action goes through the same use case as the API.
 */
@Controller
class MonitoringPageController {

    /** The largest plan file taken: a whole strategy is some hundred kilobytes. */
    static final long MAX_PLAN_BYTES = 5L * 1024 * 1024;

    private final StrategyPlans plans;
    private final ProgressReporting reporting;
    private final MonitoringFigures figures;
    private final OrganisationDirectory directory;
    private final PeopleNames people;
    private final MessageSource messages;
    private final JsonMapper json;

    MonitoringPageController(
            StrategyPlans plans,
            ProgressReporting reporting,
            MonitoringFigures figures,
            OrganisationDirectory directory,
            PeopleNames people,
            MessageSource messages,
            JsonMapper json) {
        this.plans = plans;
        this.reporting = reporting;
        this.figures = figures;
        this.directory = directory;
        this.people = people;
        this.messages = messages;
        this.json = json;
    }

    // ---- strategies ---------------------------------------------------------------------------------

    /** A reporting period with what its reader has to do in it. */
    record PeriodRow(PeriodView period, List<ProgressReporting.Due> due, long awaitingReview) {}

    record StrategyRow(StrategyView strategy, List<PeriodRow> periods) {}

    @GetMapping("/monitoring")
    String index(Model model) {
        Actor actor = CurrentActor.get();
        boolean coordinator = actor.has(MonitoringPermissions.COORDINATE);
        boolean reporter = actor.has(MonitoringPermissions.REPORT);
        List<StrategyRow> rows = new ArrayList<>();
        for (StrategyView strategy : plans.strategies(actor)) {
            List<PeriodRow> periods = new ArrayList<>();
            for (PeriodView period : reporting.periods(actor, strategy.id())) {
                List<ProgressReporting.Due> due =
                        reporter && period.open() ? reporting.due(actor, period.id()) : List.of();
                long awaiting = coordinator && period.open()
                        ? reporting.submissions(actor, period.id()).stream()
                                .filter(s -> s.status() == SubmissionView.Status.SUBMITTED)
                                .count()
                        : 0;
                periods.add(new PeriodRow(period, due, awaiting));
            }
            rows.add(new StrategyRow(strategy, periods));
        }
        model.addAttribute("strategies", rows);
        model.addAttribute("coordinator", coordinator);
        model.addAttribute("reporter", reporter);
        return "monitoring/index";
    }

    @GetMapping("/monitoring/strategies/{id}")
    String strategy(@PathVariable UUID id, Model model) {
        Actor actor = CurrentActor.get();
        StrategyView strategy = plans.strategy(actor, id);
        List<StrategyPlans.ChangeView> history = plans.history(actor, id);
        Map<UUID, String> institutions = new HashMap<>();
        Map<UUID, List<Integer>> years = new HashMap<>();
        for (int year = strategy.firstYear(); year <= strategy.lastYear(); year++) {
            for (UUID measure : plans.actionPlan(id, year)) {
                years.computeIfAbsent(measure, k -> new ArrayList<>()).add(year);
            }
        }
        for (StrategyView.MeasureView measure : strategy.measures()) {
            institution(measure.responsibleId(), institutions);
            measure.contributingIds().forEach(c -> institution(c, institutions));
        }
        model.addAttribute("strategy", strategy);
        model.addAttribute(
                "names",
                people.displayNames(history.stream()
                        .map(StrategyPlans.ChangeView::actorId)
                        .filter(Objects::nonNull)
                        .collect(java.util.stream.Collectors.toSet())));
        model.addAttribute("periods", reporting.periods(actor, id));
        model.addAttribute("institutions", institutions);
        model.addAttribute("years", years);
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, String> liveFigures = new HashMap<>();
        figures.liveFigures()
                .forEach((code, figure) ->
                        liveFigures.put(code, messages.getMessage(figure.labelKey(), null, code, locale)));
        model.addAttribute("liveFigures", liveFigures);
        model.addAttribute(
                "changes",
                history.stream().map(h -> new Change(h, what(h.what(), locale))).toList());
        model.addAttribute("coordinator", actor.has(MonitoringPermissions.COORDINATE));
        if (!model.containsAttribute("openYear")) {
            model.addAttribute("openYear", "");
            model.addAttribute("openDeadline", "");
        }
        return "monitoring/strategy";
    }

    /** A change of the plan as the history lists it, in the reader's language. */
    record Change(StrategyPlans.ChangeView change, String what) {}

    private String what(String stored, Locale locale) {
        if (stored.equals("plan imported")) {
            return messages.getMessage("monitoring.page.history.imported", null, locale);
        }
        if (stored.matches("weights of policy \\d+")) {
            return messages.getMessage(
                    "monitoring.page.history.weights",
                    new Object[] {stored.substring("weights of policy ".length())},
                    locale);
        }
        return stored;
    }

    @GetMapping("/monitoring/strategies/{id}/plan.json")
    ResponseEntity<PlanDocument> exportPlan(@PathVariable UUID id) {
        PlanDocument plan = plans.export(CurrentActor.get(), id);
        return ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_JSON)
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        attachment(Objects.requireNonNullElse(plan.code(), "plan") + "-plan.json"))
                .body(plan);
    }

    @GetMapping("/monitoring/strategies/{id}/measures.csv")
    ResponseEntity<byte[]> exportCsv(@PathVariable UUID id) {
        StrategyView strategy = plans.strategy(CurrentActor.get(), id);
        // Spreadsheets read the file as UTF-8 only with the byte order mark.
        String csv = "\ufeff" + plans.exportCsv(CurrentActor.get(), id);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("text/csv; charset=UTF-8"))
                .header(HttpHeaders.CONTENT_DISPOSITION, attachment(strategy.code() + "-measures.csv"))
                .body(csv.getBytes(StandardCharsets.UTF_8));
    }

    /** Imports a plan file (the JSON the export gives); refused whole, with every field's error, if anything is wrong. */
    @PostMapping("/monitoring/strategies/import")
    String importPlan(
            @RequestParam(name = "file", required = false) @Nullable MultipartFile file,
            @RequestParam(required = false) @Nullable UUID strategy,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        try {
            PlanDocument.Imported imported = strategy != null && file != null && isCsv(file)
                    ? plans.importMeasuresCsv(CurrentActor.get(), strategy, readText(file))
                    : plans.importPlan(CurrentActor.get(), read(file));
            redirect.addFlashAttribute("notice", "monitoring.page.import.done");
            return "redirect:/monitoring/strategies/" + imported.strategyId();
        } catch (ProblemException problem) {
            if (problem.fieldProblems().isEmpty()) {
                throw problem;
            }
            response.setStatus(422);
            model.addAttribute("importProblem", problem);
            return strategy == null ? index(model) : strategy(strategy, model);
        }
    }

    private static boolean isCsv(MultipartFile file) {
        String name = Objects.requireNonNullElse(file.getOriginalFilename(), "").toLowerCase(java.util.Locale.ROOT);
        String type = Objects.requireNonNullElse(file.getContentType(), "");
        return name.endsWith(".csv") || type.startsWith("text/csv");
    }

    private static String readText(MultipartFile file) {
        if (file.getSize() > MAX_PLAN_BYTES) {
            throw ProblemException.validation(List.of(FieldProblem.of("file", "monitoring.page.import.too-large")));
        }
        try (InputStream in = file.getInputStream()) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException unreadable) {
            throw ProblemException.validation(List.of(FieldProblem.of("file", "monitoring.page.import.no-file")));
        }
    }

    private PlanDocument read(@Nullable MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw ProblemException.validation(List.of(FieldProblem.of("file", "monitoring.page.import.no-file")));
        }
        if (file.getSize() > MAX_PLAN_BYTES) {
            throw ProblemException.validation(List.of(FieldProblem.of("file", "monitoring.page.import.too-large")));
        }
        try (InputStream in = file.getInputStream()) {
            PlanDocument plan = json.readValue(in, PlanDocument.class);
            if (plan == null) {
                throw ProblemException.validation(
                        List.of(FieldProblem.of("file", "monitoring.page.import.unreadable")));
            }
            return plan;
        } catch (JacksonException | IOException unreadable) {
            throw ProblemException.validation(List.of(FieldProblem.of("file", "monitoring.page.import.unreadable")));
        }
    }

    @PostMapping("/monitoring/strategies/{id}/policies/{number}/weights")
    String weights(
            @PathVariable UUID id,
            @PathVariable int number,
            @RequestParam MultiValueMap<String, String> params,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        Map<String, String> typed = new LinkedHashMap<>();
        params.forEach((name, values) -> {
            if (name.startsWith("weight_") && !values.isEmpty()) {
                typed.put(name.substring("weight_".length()), Objects.requireNonNullElse(values.getFirst(), ""));
            }
        });
        try {
            List<FieldProblem> problems = new ArrayList<>();
            Map<String, BigDecimal> weights = new LinkedHashMap<>();
            typed.forEach((letter, text) -> {
                BigDecimal weight = SubmissionForm.number(text, "weights", problems);
                if (weight != null) {
                    weights.put(letter, weight);
                } else if (problems.isEmpty()) {
                    problems.add(FieldProblem.of("weights", "monitoring.validation.weights-every-objective"));
                }
            });
            if (!problems.isEmpty()) {
                throw ProblemException.validation(List.of(problems.getFirst()));
            }
            plans.setWeights(CurrentActor.get(), id, number, weights);
            redirect.addFlashAttribute("notice", "monitoring.page.weights.saved");
            return "redirect:/monitoring/strategies/" + id + "#weights-" + number;
        } catch (ProblemException problem) {
            if (problem.fieldProblems().isEmpty()) {
                throw problem;
            }
            response.setStatus(422);
            model.addAttribute("problem", problem);
            model.addAttribute("weightsPolicy", number);
            model.addAttribute("weightsTyped", typed);
            return strategy(id, model);
        }
    }

    @PostMapping("/monitoring/strategies/{id}/periods")
    String openPeriod(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String year,
            @RequestParam(required = false) @Nullable String deadline,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        try {
            List<FieldProblem> problems = new ArrayList<>();
            int periodYear = 0;
            String yearText = year == null ? "" : year.trim();
            if (yearText.isEmpty()) {
                problems.add(FieldProblem.of("year", "validation.required"));
            } else if (!yearText.matches("\\d{4}")) {
                problems.add(FieldProblem.of("year", "monitoring.validation.plan-year"));
            } else {
                periodYear = Integer.parseInt(yearText);
            }
            LocalDate due = SubmissionForm.date(deadline, "deadline", problems);
            if (!problems.isEmpty()) {
                throw ProblemException.validation(problems);
            }
            PeriodView period = reporting.openPeriod(CurrentActor.get(), id, periodYear, due);
            redirect.addFlashAttribute("notice", "monitoring.page.period.opened");
            return "redirect:/monitoring/periods/" + period.id();
        } catch (ProblemException problem) {
            if (problem.fieldProblems().isEmpty()) {
                throw problem;
            }
            response.setStatus(422);
            model.addAttribute("problem", problem);
            model.addAttribute("openYear", Objects.requireNonNullElse(year, ""));
            model.addAttribute("openDeadline", Objects.requireNonNullElse(deadline, ""));
            return strategy(id, model);
        }
    }

    // ---- a period -----------------------------------------------------------------------------------

    /** A submission as the period page lists it: with its measure, where it sits in the plan, and its institution. */
    record SubmissionRow(
            SubmissionView submission,
            StrategyView.MeasureView measure,
            int policy,
            String objective,
            String institution) {}

    record InstitutionPreview(String institution, List<SubmissionRow> submissions) {}

    @GetMapping("/monitoring/periods/{id}")
    String period(@PathVariable UUID id, Model model) {
        Actor actor = CurrentActor.get();
        PeriodView period = reporting.period(actor, id);
        MonitoringFigures.PeriodFigures computed = figures.compute(actor, id);
        StrategyView strategy = computed.strategy();
        boolean coordinator = actor.has(MonitoringPermissions.COORDINATE);
        Map<UUID, String> institutions = new HashMap<>();
        record Place(StrategyView.MeasureView measure, int policy, String objective) {}
        Map<UUID, Place> places = new HashMap<>();
        for (StrategyView.PolicyView policy : strategy.policies()) {
            for (StrategyView.ObjectiveView objective : policy.objectives()) {
                for (StrategyView.MeasureView measure : objective.measures()) {
                    places.put(measure.id(), new Place(measure, policy.number(), objective.letter()));
                }
            }
        }
        List<SubmissionRow> submissions = new ArrayList<>();
        for (SubmissionView submission : reporting.submissions(actor, id)) {
            Place place = places.get(submission.measureId());
            if (place != null) {
                submissions.add(new SubmissionRow(
                        submission,
                        place.measure(),
                        place.policy(),
                        place.objective(),
                        institution(submission.organisationId(), institutions)));
            }
        }
        submissions.sort(Comparator.comparing((SubmissionRow r) -> r.measure().code()));
        Map<String, List<SubmissionRow>> byInstitution = new LinkedHashMap<>();
        submissions.stream()
                .filter(r -> r.submission().status() == SubmissionView.Status.ACCEPTED)
                .sorted(Comparator.comparing(SubmissionRow::institution)
                        .thenComparing(r -> r.measure().code()))
                .forEach(r -> byInstitution
                        .computeIfAbsent(r.institution(), k -> new ArrayList<>())
                        .add(r));
        List<InstitutionPreview> preview = byInstitution.entrySet().stream()
                .map(e -> new InstitutionPreview(e.getKey(), e.getValue()))
                .toList();
        computed.institutions().forEach(b -> institution(b.organisationId(), institutions));
        Set<UUID> reviewers = new HashSet<>();
        submissions.forEach(r -> {
            if (r.submission().submittedBy() != null) {
                reviewers.add(r.submission().submittedBy());
            }
            if (r.submission().reviewedBy() != null) {
                reviewers.add(r.submission().reviewedBy());
            }
        });
        model.addAttribute("period", period);
        model.addAttribute("strategy", strategy);
        model.addAttribute("figures", computed);
        model.addAttribute("figureBase", "/monitoring/periods/" + id + "/figures");
        model.addAttribute("statuses", MeasureStatus.values());
        model.addAttribute("coordinator", coordinator);
        model.addAttribute("blocking", computed.checks().stream().anyMatch(MonitoringFigures.Check::blocking));
        model.addAttribute("submissions", submissions);
        model.addAttribute("preview", preview);
        model.addAttribute("institutions", institutions);
        model.addAttribute("names", coordinator ? people.displayNames(reviewers) : Map.of());
        model.addAttribute("due", actor.has(MonitoringPermissions.REPORT) ? reporting.due(actor, id) : List.of());
        if (!model.containsAttribute("reason")) {
            model.addAttribute("reason", "");
        }
        return "monitoring/period";
    }

    @PostMapping("/monitoring/periods/{id}/lock")
    String lock(@PathVariable UUID id, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        return act(
                id,
                response,
                model,
                redirect,
                "monitoring.page.period.locked",
                () -> reporting.lock(CurrentActor.get(), id));
    }

    @PostMapping("/monitoring/periods/{id}/reopen")
    String reopen(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String reason,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        model.addAttribute("reason", Objects.requireNonNullElse(reason, ""));
        return act(
                id,
                response,
                model,
                redirect,
                "monitoring.page.period.reopened",
                () -> reporting.reopen(CurrentActor.get(), id, reason));
    }

    /** Publishes the period, unless a blocking consistency check stands: the page shows them first. */
    @PostMapping("/monitoring/periods/{id}/publication")
    String publish(@PathVariable UUID id, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        return act(
                id,
                response,
                model,
                redirect,
                "monitoring.page.period.published",
                () -> figures.publish(CurrentActor.get(), id));
    }

    @PostMapping("/monitoring/periods/{id}/texts")
    String texts(
            @PathVariable UUID id,
            @RequestParam(required = false) @Nullable String prefaceSq,
            @RequestParam(required = false) @Nullable String prefaceEn,
            @RequestParam(required = false) @Nullable String recommendationsSq,
            @RequestParam(required = false) @Nullable String recommendationsEn,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        return act(
                id,
                response,
                model,
                redirect,
                "monitoring.page.texts.saved",
                () -> reporting.writeTexts(
                        CurrentActor.get(), id, prefaceSq, prefaceEn, recommendationsSq, recommendationsEn));
    }

    @PostMapping("/monitoring/submissions/{id}/review")
    String review(
            @PathVariable UUID id,
            @RequestParam UUID period,
            @RequestParam(required = false) @Nullable String decision,
            @RequestParam(required = false) @Nullable String comment,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        boolean accept = "accept".equals(decision);
        model.addAttribute("reviewing", id);
        model.addAttribute("reviewComment", Objects.requireNonNullElse(comment, ""));
        try {
            SubmissionView reviewed = reporting.review(CurrentActor.get(), id, accept, comment);
            redirect.addFlashAttribute(
                    "notice", accept ? "monitoring.page.review.accepted" : "monitoring.page.review.returned");
            return "redirect:/monitoring/periods/" + reviewed.periodId() + "#submission-" + id;
        } catch (ProblemException problem) {
            return reshow(problem, response, model, () -> period(period, model));
        }
    }

    private String act(
            UUID id,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect,
            String notice,
            java.util.function.Supplier<PeriodView> action) {
        try {
            PeriodView unused = action.get();
            redirect.addFlashAttribute("notice", notice);
            return "redirect:/monitoring/periods/" + id;
        } catch (ProblemException problem) {
            return reshow(problem, response, model, () -> period(id, model));
        }
    }

    /** How a figure of the period was computed: its inputs, weights and formula, and the same result the page shows. */
    @GetMapping("/monitoring/periods/{id}/figures")
    String figure(@PathVariable UUID id, @RequestParam String figure, Model model) {
        Actor actor = CurrentActor.get();
        MonitoringFigures.PeriodFigures computed = figures.compute(actor, id);
        model.addAttribute(
                "explanation", FigureExplanation.of(computed, figure, messages, LocaleContextHolder.getLocale()));
        model.addAttribute("period", computed.period());
        model.addAttribute("strategy", computed.strategy());
        model.addAttribute("back", "/monitoring/periods/" + id);
        return "monitoring/figure";
    }

    // ---- the contact point's report -----------------------------------------------------------------

    @GetMapping("/monitoring/periods/{id}/measures/{measureId}")
    String submissionForm(@PathVariable UUID id, @PathVariable UUID measureId, Model model) {
        Actor actor = CurrentActor.get();
        ProgressReporting.Due due = reporting.dueFor(actor, id, measureId);
        PeriodView period = reporting.period(actor, id);
        StrategyView strategy = plans.strategy(actor, period.strategyId());
        SubmissionView submission = due.submission();
        boolean editable = period.open()
                && (submission == null
                        || submission.status() == SubmissionView.Status.DRAFT
                        || submission.status() == SubmissionView.Status.RETURNED);
        model.addAttribute("due", due);
        model.addAttribute("period", period);
        model.addAttribute("strategy", strategy);
        model.addAttribute("submission", submission);
        model.addAttribute("editable", editable);
        model.addAttribute(
                "choices", List.of(MeasureStatus.REALISED, MeasureStatus.PARTIAL, MeasureStatus.NOT_REALISED));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", SubmissionForm.of(submission));
        }
        return "monitoring/submission";
    }

    /** Saves the report, sends it (saving first: nothing typed is lost), or adds an activity row. */
    @PostMapping("/monitoring/periods/{id}/measures/{measureId}")
    String saveSubmission(
            @PathVariable UUID id,
            @PathVariable UUID measureId,
            @RequestParam MultiValueMap<String, String> params,
            HttpServletResponse response,
            Model model,
            RedirectAttributes redirect) {
        SubmissionForm form = SubmissionForm.of(params);
        String action = Objects.requireNonNullElse(params.getFirst("action"), "save");
        if (action.equals("add-row")) {
            model.addAttribute("form", form.withAnotherRow());
            return submissionForm(id, measureId, model);
        }
        Actor actor = CurrentActor.get();
        try {
            reporting.save(actor, id, measureId, form.command());
            if (action.equals("send")) {
                reporting.submit(actor, id, measureId);
                redirect.addFlashAttribute("notice", "monitoring.page.submission.sent");
            } else {
                redirect.addFlashAttribute("notice", "monitoring.page.submission.saved");
            }
            return "redirect:/monitoring/periods/" + id + "/measures/" + measureId;
        } catch (ProblemException problem) {
            model.addAttribute("form", form);
            return reshow(problem, response, model, () -> submissionForm(id, measureId, model));
        }
    }

    // ---- helpers ------------------------------------------------------------------------------------

    /**
     * A refusal the person can act on is shown on the page they were on, with what they typed;
     * not found and forbidden go to the error page.
     */
    private static String reshow(
            ProblemException problem,
            HttpServletResponse response,
            Model model,
            java.util.function.Supplier<String> page) {
        int status = problem.type().status();
        if (status == 404 || status == 403 || status >= 500) {
            throw problem;
        }
        response.setStatus(problem.fieldProblems().isEmpty() ? status : 422);
        model.addAttribute("problem", problem);
        return page.get();
    }

    private String institution(@Nullable UUID id, Map<UUID, String> names) {
        if (id == null) {
            return "";
        }
        Locale locale = LocaleContextHolder.getLocale();
        return names.computeIfAbsent(
                id, k -> directory.find(k).map(o -> label(o, locale)).orElse(k.toString()));
    }

    private static String label(OrganisationView organisation, Locale locale) {
        return organisation.name(locale) + " (" + organisation.shortName() + ")";
    }

    private static String attachment(String name) {
        return ContentDisposition.attachment()
                .filename(name, StandardCharsets.UTF_8)
                .build()
                .toString();
    }
}
