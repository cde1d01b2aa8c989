package al.ura.monitoring;

import al.ura.kernel.ProblemException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;

/**
 * A figure's "how was this computed" view, in the reader's language: what the figure is, the
 * method, each input with its weight, the formula with the stored values, and the result rounded
 * once, as the period page and the public page show it. Built from {@link Realisation.Figure},
 * whose inputs come in the order of the plan (objectives of a policy, measures of an objective).
 */
record FigureExplanation(
        String title, String method, String formula, List<Row> inputs, boolean weighted, String result, int policy) {

    record Row(
            String label,
            String value,
            @Nullable String weight,
            @Nullable String product) {}

    FigureExplanation {
        inputs = List.copyOf(inputs);
    }

    static FigureExplanation of(
            MonitoringFigures.PeriodFigures figures, String path, MessageSource messages, Locale locale) {
        Realisation.Figure figure = MonitoringFigures.explain(figures, path).orElseThrow(ProblemException::notFound);
        MonitoringPageFormat format = new MonitoringPageFormat();
        String[] parts = path.split("/");
        int number = Integer.parseInt(parts[1]);
        MonitoringFigures.PolicyFigures policy = figures.policy(number).orElseThrow(ProblemException::notFound);
        List<Row> rows = new ArrayList<>();
        String title;
        String method;
        boolean weighted = false;
        if (parts.length == 2) {
            title = messages.getMessage("monitoring.page.figure.policy", new Object[] {number}, locale);
            method = messages.getMessage("monitoring.page.figure.policy.method", null, locale);
            weighted = true;
            for (int i = 0; i < figure.inputs().size(); i++) {
                Realisation.Input input = figure.inputs().get(i);
                String label = i < policy.objectives().size()
                        ? messages.getMessage(
                                "monitoring.page.figure.input.objective",
                                new Object[] {
                                    policy.objectives().get(i).objective().letter(),
                                    policy.objectives().get(i).objective().text(locale)
                                },
                                locale)
                        : input.name();
                BigDecimal weight = input.weight() == null ? BigDecimal.ZERO : input.weight();
                rows.add(new Row(
                        label,
                        format.percent(input.value()),
                        format.weight(weight),
                        format.percent(input.value().multiply(weight, Realisation.EXACT))));
            }
        } else if (parts[2].equals("objective")) {
            MonitoringFigures.ObjectiveFigures objective = policy.objectives().stream()
                    .filter(o -> o.objective().letter().equals(parts[3]))
                    .findFirst()
                    .orElseThrow(ProblemException::notFound);
            title = messages.getMessage("monitoring.page.figure.objective", new Object[] {number, parts[3]}, locale);
            method = messages.getMessage("monitoring.page.figure.objective.method", null, locale);
            for (int i = 0; i < figure.inputs().size(); i++) {
                Realisation.Input input = figure.inputs().get(i);
                String label = input.name();
                if (i < objective.measures().size()) {
                    MonitoringFigures.MeasureFigure measure =
                            objective.measures().get(i);
                    label = messages.getMessage(
                            "monitoring.page.figure.input.measure",
                            new Object[] {
                                measure.measure().code(),
                                measure.measure().text(locale),
                                messages.getMessage(
                                        "monitoring.status." + measure.status().name(), null, locale)
                            },
                            locale);
                }
                rows.add(new Row(label, format.percent(input.value()), null, null));
            }
        } else {
            String status = messages.getMessage("monitoring.status." + parts[3], null, locale);
            title = messages.getMessage("monitoring.page.figure.share", new Object[] {number, status}, locale);
            method = messages.getMessage("monitoring.page.figure.share.method", null, locale);
            if (figure.inputs().size() == 2) {
                rows.add(new Row(
                        messages.getMessage("monitoring.page.figure.input.status-count", new Object[] {status}, locale),
                        format.count(figure.inputs().get(0).value()),
                        null,
                        null));
                rows.add(new Row(
                        messages.getMessage("monitoring.page.figure.input.measures", null, locale),
                        format.count(figure.inputs().get(1).value()),
                        null,
                        null));
            }
        }
        return new FigureExplanation(
                title, method, figure.formula(), rows, weighted, format.percent(figure.value()), number);
    }
}
