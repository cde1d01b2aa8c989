package al.ura.monitoring;

import al.ura.kernel.ProblemException;
import al.ura.kernel.ProblemException.FieldProblem;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.util.MultiValueMap;

/**
 * The contact point's report form as typed: every field a string, so whatever was typed is shown
 * again next to its error. Activity rows left wholly blank are dropped, so the rows shown again
 * are the ones the error messages count ({@code activities[i]}); one blank row always follows.
 */
record SubmissionForm(
        String realisation,
        String percent,
        String budgetSpent,
        List<Row> activities,
        String problems,
        String forecast,
        String evidenceLinks,
        int blankRows) {

    record Row(String doneOn, String description) {}

    SubmissionForm {
        activities = List.copyOf(activities);
    }

    /** The rows the form shows: the typed ones, then the blank ones to fill in. */
    public List<Row> rows() {
        List<Row> rows = new ArrayList<>(activities);
        for (int i = 0; i < blankRows; i++) {
            rows.add(new Row("", ""));
        }
        return rows;
    }

    SubmissionForm withAnotherRow() {
        return new SubmissionForm(
                realisation, percent, budgetSpent, activities, problems, forecast, evidenceLinks, blankRows + 1);
    }

    static SubmissionForm of(@Nullable SubmissionView submission) {
        if (submission == null) {
            return new SubmissionForm("", "", "", List.of(), "", "", "", 1);
        }
        MonitoringPageFormat format = new MonitoringPageFormat();
        return new SubmissionForm(
                submission.realisation() == null ? "" : submission.realisation().name(),
                submission.percent() == null
                        ? ""
                        : submission.percent().stripTrailingZeros().toPlainString(),
                submission.budgetSpent() == null ? "" : submission.budgetSpent().toPlainString(),
                submission.activities().stream()
                        .map(a -> new Row(format.date(a.doneOn()), a.description()))
                        .toList(),
                orEmpty(submission.problems()),
                orEmpty(submission.forecast()),
                String.join("\n", submission.evidenceLinks()),
                1);
    }

    static SubmissionForm of(MultiValueMap<String, String> params) {
        List<String> dates = params.getOrDefault("activityDate", List.of());
        List<String> texts = params.getOrDefault("activityText", List.of());
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < Math.max(dates.size(), texts.size()); i++) {
            String date = i < dates.size() ? orEmpty(dates.get(i)).trim() : "";
            String text = i < texts.size() ? orEmpty(texts.get(i)).trim() : "";
            if (!date.isEmpty() || !text.isEmpty()) {
                rows.add(new Row(date, text));
            }
        }
        return new SubmissionForm(
                value(params, "realisation"),
                value(params, "percent"),
                value(params, "budgetSpent"),
                rows,
                value(params, "problems"),
                value(params, "forecast"),
                value(params, "evidenceLinks"),
                1);
    }

    /** The command the service takes; a number or date that cannot be read is refused here, with its field named. */
    SubmissionCommand command() {
        List<FieldProblem> errors = new ArrayList<>();
        MeasureStatus status = null;
        if (!realisation.isBlank()) {
            try {
                status = MeasureStatus.valueOf(realisation.trim());
            } catch (IllegalArgumentException unknown) {
                errors.add(FieldProblem.of("realisation", "monitoring.page.validation.choice"));
            }
        }
        BigDecimal percentValue = number(percent, "percent", errors);
        BigDecimal spent = number(budgetSpent, "budgetSpent", errors);
        List<SubmissionCommand.ActivityCommand> done = new ArrayList<>();
        for (int i = 0; i < activities.size(); i++) {
            Row row = activities.get(i);
            done.add(new SubmissionCommand.ActivityCommand(
                    date(row.doneOn(), "activities[" + i + "].doneOn", errors), row.description()));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.validation(errors);
        }
        List<String> links = Arrays.stream(evidenceLinks.split("\\R"))
                .map(String::trim)
                .filter(l -> !l.isEmpty())
                .toList();
        return new SubmissionCommand(status, percentValue, spent, done, problems(), forecast, links);
    }

    static @Nullable BigDecimal number(@Nullable String text, String field, List<FieldProblem> problems) {
        String trimmed = text == null
                ? ""
                : text.trim().replace(" ", "").replace("\u00a0", "").replace("%", "");
        if (trimmed.isEmpty()) {
            return null;
        }
        try {
            return new BigDecimal(trimmed.replace(',', '.'));
        } catch (NumberFormatException unreadable) {
            problems.add(FieldProblem.of(field, "monitoring.page.validation.number"));
            return null;
        }
    }

    /** A date as people here write it ({@code dd.MM.yyyy}), or as a date field sends it ({@code yyyy-MM-dd}). */
    static @Nullable LocalDate date(@Nullable String text, String field, List<FieldProblem> problems) {
        String trimmed = text == null ? "" : text.trim();
        if (trimmed.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(trimmed, DateTimeFormatter.ofPattern("d.M.uuuu"));
        } catch (DateTimeParseException notOurs) {
            try {
                return LocalDate.parse(trimmed);
            } catch (DateTimeParseException unreadable) {
                problems.add(FieldProblem.of(field, "monitoring.page.validation.date"));
                return null;
            }
        }
    }

    private static String value(MultiValueMap<String, String> params, String name) {
        return orEmpty(params.getFirst(name));
    }

    private static String orEmpty(@Nullable String value) {
        return value == null ? "" : value;
    }
}
