package al.ura.monitoring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * How the report writes its numbers: a figure is rounded once, half up, to two places
 * ({@link Realisation#display}); Albanian writes a decimal comma and a space before the percent
 * sign ({@code 43,75 %}), English a decimal point and none ({@code 43.75%}). Dates as
 * {@code dd.MM.yyyy} in both.
 */
public final class ReportFormat {

    static final int DECIMALS = 2;
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    private ReportFormat() {}

    public static String number(BigDecimal value, Locale locale) {
        String plain = Realisation.display(value, DECIMALS);
        return english(locale) ? plain : plain.replace('.', ',');
    }

    public static String percent(BigDecimal value, Locale locale) {
        return number(value, locale) + (english(locale) ? "%" : " %");
    }

    /** A weight as stored (0.4, 0.25), without trailing zeros, in the reader's notation. */
    public static String weight(BigDecimal weight, Locale locale) {
        String plain = weight.stripTrailingZeros().toPlainString();
        return english(locale) ? plain : plain.replace('.', ',');
    }

    public static String date(@Nullable LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    static boolean english(Locale locale) {
        return "en".equals(locale.getLanguage());
    }
}
