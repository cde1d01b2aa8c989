package al.ura.monitoring;

import al.ura.kernel.ProblemException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The open progress page (the 2024 report's recommendation of an open mechanism for sharing
 * progress with civil society): for a published period only, without signing in, per policy its
 * goal, number of measures, status shares, objectives' realisation and overall realisation, each
 * with how it was computed. Figures only: no people, no institution's own words. A period not
 * yet published does not exist here.
 */
@Controller
class ProgressPageController {

    private final StrategyPlans plans;
    private final ProgressReporting reporting;
    private final MonitoringFigures figures;
    private final MessageSource messages;

    ProgressPageController(
            StrategyPlans plans, ProgressReporting reporting, MonitoringFigures figures, MessageSource messages) {
        this.plans = plans;
        this.reporting = reporting;
        this.figures = figures;
        this.messages = messages;
    }

    record Published(StrategyView strategy, List<PeriodView> periods) {}

    @GetMapping("/progress")
    String index(Model model) {
        Map<UUID, List<PeriodView>> byStrategy = new LinkedHashMap<>();
        for (PeriodView period : reporting.published()) {
            byStrategy
                    .computeIfAbsent(period.strategyId(), k -> new ArrayList<>())
                    .add(period);
        }
        List<Published> published = new ArrayList<>();
        byStrategy.forEach((id, periods) -> plans.load(id).ifPresent(s -> published.add(new Published(s, periods))));
        model.addAttribute("published", published);
        return "monitoring/progress-index";
    }

    @GetMapping("/progress/{code}/{year}")
    String progress(@PathVariable String code, @PathVariable int year, Model model) {
        MonitoringFigures.PeriodFigures computed = published(code, year);
        model.addAttribute("figures", computed);
        model.addAttribute("strategy", computed.strategy());
        model.addAttribute("period", computed.period());
        model.addAttribute("statuses", MeasureStatus.values());
        model.addAttribute("figureBase", "/progress/" + computed.strategy().code() + "/" + year + "/figures");
        return "monitoring/progress";
    }

    @GetMapping("/progress/{code}/{year}/figures")
    String figure(@PathVariable String code, @PathVariable int year, @RequestParam String figure, Model model) {
        MonitoringFigures.PeriodFigures computed = published(code, year);
        model.addAttribute(
                "explanation", FigureExplanation.of(computed, figure, messages, LocaleContextHolder.getLocale()));
        model.addAttribute("period", computed.period());
        model.addAttribute("strategy", computed.strategy());
        model.addAttribute("back", "/progress/" + computed.strategy().code() + "/" + year);
        return "monitoring/figure";
    }

    private MonitoringFigures.PeriodFigures published(String code, int year) {
        StrategyView strategy = plans.byCode(code).orElseThrow(ProblemException::notFound);
        PeriodView period = reporting.published(strategy.id(), year).orElseThrow(ProblemException::notFound);
        return figures.compute(period.id());
    }
}
