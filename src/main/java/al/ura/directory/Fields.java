package al.ura.directory;

import al.ura.kernel.ProblemException.FieldProblem;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Field-by-field checks of what people type into the directory. Each adds a problem naming the
 * field and returns the cleaned value, so one submission reports every wrong field at once.
 */
final class Fields {

    private static final Pattern DOMAIN =
            Pattern.compile("(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]");
    private static final Pattern PHONE = Pattern.compile("\\+[0-9][0-9 ()-]{5,25}");
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2}");
    private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,253}");
    static final int MAX_DOMAINS = 10;
    static final int MAX_PHONES = 5;
    static final int MAX_LANGUAGES = 10;

    private Fields() {}

    static String required(@Nullable String value, String field, int maxLength, List<FieldProblem> problems) {
        String trimmed = value == null ? "" : value.trim();
        if (trimmed.isEmpty()) {
            problems.add(FieldProblem.of(field, "validation.required"));
        } else if (trimmed.length() > maxLength) {
            problems.add(FieldProblem.of(field, "directory.validation.too-long", maxLength));
        }
        return trimmed;
    }

    static @Nullable String optional(@Nullable String value, String field, int maxLength, List<FieldProblem> problems) {
        String trimmed = value == null ? "" : value.trim();
        if (trimmed.isEmpty()) {
            return null;
        }
        if (trimmed.length() > maxLength) {
            problems.add(FieldProblem.of(field, "directory.validation.too-long", maxLength));
        }
        return trimmed;
    }

    /** Lower-cased domains without duplicates; {@code www.} and a trailing dot are not part of a domain. */
    static List<String> domains(@Nullable List<String> values, String field, List<FieldProblem> problems) {
        LinkedHashSet<String> domains = new LinkedHashSet<>();
        for (String value : split(values)) {
            String domain = value.toLowerCase(Locale.ROOT);
            if (domain.endsWith(".")) {
                domain = domain.substring(0, domain.length() - 1);
            }
            if (!DOMAIN.matcher(domain).matches()) {
                problems.add(FieldProblem.of(field, "directory.validation.domain", value));
            } else {
                domains.add(domain);
            }
        }
        if (domains.size() > MAX_DOMAINS) {
            problems.add(FieldProblem.of(field, "directory.validation.too-many", MAX_DOMAINS));
        }
        return List.copyOf(domains);
    }

    static @Nullable String phone(@Nullable String value, String field, List<FieldProblem> problems) {
        String trimmed = value == null ? "" : value.trim();
        if (trimmed.isEmpty()) {
            return null;
        }
        if (!PHONE.matcher(trimmed).matches()) {
            problems.add(FieldProblem.of(field, "directory.validation.phone"));
        }
        return trimmed;
    }

    static List<String> phones(@Nullable List<String> values, String field, List<FieldProblem> problems) {
        List<String> phones = new ArrayList<>();
        for (String value : split(values)) {
            String phone = phone(value, field, problems);
            if (phone != null && !phones.contains(phone)) {
                phones.add(phone);
            }
        }
        if (phones.isEmpty()) {
            problems.add(FieldProblem.of(field, "directory.validation.phone-required"));
        } else if (phones.size() > MAX_PHONES) {
            problems.add(FieldProblem.of(field, "directory.validation.too-many", MAX_PHONES));
        }
        return phones;
    }

    static @Nullable String website(@Nullable String value, String field, List<FieldProblem> problems) {
        String trimmed = value == null ? "" : value.trim();
        if (trimmed.isEmpty()) {
            return null;
        }
        try {
            URI uri = new URI(trimmed);
            String scheme = uri.getScheme();
            if (scheme == null
                    || !(scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"))
                    || uri.getHost() == null
                    || trimmed.length() > 300) {
                problems.add(FieldProblem.of(field, "directory.validation.url"));
            }
        } catch (URISyntaxException e) {
            problems.add(FieldProblem.of(field, "directory.validation.url"));
        }
        return trimmed;
    }

    static List<String> languages(
            @Nullable List<String> values, String field, boolean required, List<FieldProblem> problems) {
        LinkedHashSet<String> languages = new LinkedHashSet<>();
        for (String value : split(values)) {
            String code = value.toLowerCase(Locale.ROOT);
            if (!LANGUAGE.matcher(code).matches()) {
                problems.add(FieldProblem.of(field, "directory.validation.language", value));
            } else {
                languages.add(code);
            }
        }
        if (required && languages.isEmpty()) {
            problems.add(FieldProblem.of(field, "directory.validation.language-required"));
        } else if (languages.size() > MAX_LANGUAGES) {
            problems.add(FieldProblem.of(field, "directory.validation.too-many", MAX_LANGUAGES));
        }
        return List.copyOf(languages);
    }

    static String email(@Nullable String value, String field, List<FieldProblem> problems) {
        String trimmed = value == null ? "" : value.trim();
        if (trimmed.isEmpty()) {
            problems.add(FieldProblem.of(field, "validation.required"));
        } else if (trimmed.length() > 254 || !EMAIL.matcher(trimmed).matches()) {
            problems.add(FieldProblem.of(field, "directory.validation.email"));
        }
        return trimmed;
    }

    /** Items of a list field; a single item may itself hold several separated by commas, semicolons or new lines. */
    static List<String> split(@Nullable List<String> values) {
        List<String> items = new ArrayList<>();
        if (values == null) {
            return items;
        }
        for (String value : values) {
            if (value == null) {
                continue;
            }
            for (String part : value.split("[,;\\n\\r]+")) {
                String trimmed = part.trim();
                if (!trimmed.isEmpty()) {
                    items.add(trimmed);
                }
            }
        }
        return items;
    }

    /** A list kept in one column: {@code " a b "}, so one item is found with {@code LIKE '% a %'}. */
    static String column(List<String> values) {
        return values.isEmpty() ? "" : " " + String.join(" ", values) + " ";
    }

    static List<String> fromColumn(@Nullable String column) {
        if (column == null || column.isBlank()) {
            return List.of();
        }
        return List.of(column.trim().split(" +"));
    }
}
