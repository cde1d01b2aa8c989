package al.ura.monitoring;

import al.ura.kernel.CurrentActor;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The strategy-monitoring REST API: the plan, the periods, the submissions, the figures and how each was computed. */
@RestController
@RequestMapping("/api/v1/monitoring")
@Tag(name = "Strategy monitoring")
class MonitoringApiController {

    private final StrategyPlans plans;
    private final ProgressReporting reporting;
    private final MonitoringFigures figures;

    MonitoringApiController(StrategyPlans plans, ProgressReporting reporting, MonitoringFigures figures) {
        this.plans = plans;
        this.reporting = reporting;
        this.figures = figures;
    }

    @GetMapping("/strategies")
    List<StrategyView> strategies() {
        return plans.strategies(CurrentActor.get());
    }

    @GetMapping("/strategies/{id}")
    StrategyView strategy(@PathVariable UUID id) {
        return plans.strategy(CurrentActor.get(), id);
    }

    @PostMapping("/strategies/import")
    @Operation(
            summary =
                    "Import a whole plan (JSON): creates the strategy or updates the one with the same code (coordinator)")
    PlanDocument.Imported importPlan(@RequestBody PlanDocument plan) {
        return plans.importPlan(CurrentActor.get(), plan);
    }

    @GetMapping("/strategies/{id}/export")
    @Operation(summary = "The plan as the JSON document import takes")
    PlanDocument export(@PathVariable UUID id) {
        return plans.export(CurrentActor.get(), id);
    }

    @GetMapping(value = "/strategies/{id}/measures.csv", produces = "text/csv")
    ResponseEntity<String> measuresCsv(@PathVariable UUID id) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("text/csv; charset=UTF-8"))
                .body(plans.exportCsv(CurrentActor.get(), id));
    }

    @PostMapping(
            value = "/strategies/{id}/measures.csv",
            consumes = {"text/csv", "text/plain"})
    @Operation(summary = "Import the measures as CSV, in the shape the export writes; checked whole (coordinator)")
    PlanDocument.Imported importCsv(@PathVariable UUID id, @RequestBody String csv) {
        return plans.importMeasuresCsv(CurrentActor.get(), id, csv);
    }

    @GetMapping("/strategies/{id}/history")
    List<StrategyPlans.ChangeView> history(@PathVariable UUID id) {
        return plans.history(CurrentActor.get(), id);
    }

    @PutMapping("/strategies/{id}/policies/{number}/weights")
    @Operation(summary = "Set the weights of a policy's objectives (by letter); they must sum to 1 (coordinator)")
    StrategyView weights(
            @PathVariable UUID id, @PathVariable int number, @RequestBody Map<String, BigDecimal> weights) {
        return plans.setWeights(CurrentActor.get(), id, number, weights);
    }

    @GetMapping("/strategies/{id}/periods")
    List<PeriodView> periods(@PathVariable UUID id) {
        return reporting.periods(CurrentActor.get(), id);
    }

    record OpenPeriod(@Nullable Integer year, @Nullable LocalDate deadline) {}

    @PostMapping("/strategies/{id}/periods")
    @Operation(summary = "Open a reporting period for a year, with a deadline (coordinator)")
    ResponseEntity<PeriodView> open(@PathVariable UUID id, @RequestBody OpenPeriod command) {
        return ResponseEntity.status(201)
                .body(reporting.openPeriod(
                        CurrentActor.get(), id, command.year() == null ? 0 : command.year(), command.deadline()));
    }

    @GetMapping("/periods/{id}")
    PeriodView period(@PathVariable UUID id) {
        return reporting.period(CurrentActor.get(), id);
    }

    @PostMapping("/periods/{id}/lock")
    PeriodView lock(@PathVariable UUID id) {
        return reporting.lock(CurrentActor.get(), id);
    }

    record Reason(@Nullable String reason) {}

    @PostMapping("/periods/{id}/reopen")
    PeriodView reopen(@PathVariable UUID id, @RequestBody Reason reason) {
        return reporting.reopen(CurrentActor.get(), id, reason.reason());
    }

    @PostMapping("/periods/{id}/publication")
    PeriodView publish(@PathVariable UUID id) {
        return figures.publish(CurrentActor.get(), id);
    }

    record Texts(
            @Nullable String prefaceSq,
            @Nullable String prefaceEn,
            @Nullable String recommendationsSq,
            @Nullable String recommendationsEn) {}

    @PutMapping("/periods/{id}/texts")
    PeriodView texts(@PathVariable UUID id, @RequestBody Texts texts) {
        return reporting.writeTexts(
                CurrentActor.get(),
                id,
                texts.prefaceSq(),
                texts.prefaceEn(),
                texts.recommendationsSq(),
                texts.recommendationsEn());
    }

    @GetMapping("/periods/{id}/due")
    @Operation(summary = "The measures due in the period that the caller's institution reports on")
    List<ProgressReporting.Due> due(@PathVariable UUID id) {
        return reporting.due(CurrentActor.get(), id);
    }

    @GetMapping("/periods/{id}/submissions")
    List<SubmissionView> submissions(@PathVariable UUID id) {
        return reporting.submissions(CurrentActor.get(), id);
    }

    @PutMapping("/periods/{id}/measures/{measureId}/submission")
    @Operation(summary = "Save the institution's report on a measure (its strategy contact point)")
    SubmissionView save(@PathVariable UUID id, @PathVariable UUID measureId, @RequestBody SubmissionCommand command) {
        return reporting.save(CurrentActor.get(), id, measureId, command);
    }

    @PostMapping("/periods/{id}/measures/{measureId}/submission/sending")
    @Operation(summary = "Send the saved report to the coordinator")
    SubmissionView submit(@PathVariable UUID id, @PathVariable UUID measureId) {
        return reporting.submit(CurrentActor.get(), id, measureId);
    }

    record Review(boolean accept, @Nullable String comment) {}

    @PostMapping("/submissions/{id}/review")
    @Operation(summary = "Accept a submission, or return it with a comment (coordinator)")
    SubmissionView review(@PathVariable UUID id, @RequestBody Review review) {
        return reporting.review(CurrentActor.get(), id, review.accept(), review.comment());
    }

    @GetMapping("/periods/{id}/figures")
    @Operation(
            summary =
                    "Every figure of the period, computed from the plan and the accepted submissions, with the checks")
    MonitoringFigures.PeriodFigures figures(@PathVariable UUID id) {
        return figures.compute(CurrentActor.get(), id);
    }

    @GetMapping("/periods/{id}/figures/explanation")
    @Operation(summary = "How a figure was computed: figure=policy/1, policy/1/objective/A or policy/1/share/REALISED")
    Realisation.Figure explain(@PathVariable UUID id, @RequestParam String figure) {
        return figures.explain(CurrentActor.get(), id, figure);
    }
}
