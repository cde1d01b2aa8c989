package al.ura.monitoring;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * How the monitoring pages print figures, amounts and dates; templates call it as
 * {@code @monitoringPageFormat}. Figures are rounded once, here, for display ({@link
 * Realisation#display}), so a page and its "how computed" view show the same value.
 */
@Component("monitoringPageFormat")
public class MonitoringPageFormat {

    /** Decimals a percentage is shown with, everywhere on the pages. */
    public static final int DECIMALS = 2;

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

    public String percent(@Nullable BigDecimal value) {
        return value == null ? "" : Realisation.display(value, DECIMALS) + " %";
    }

    public String number(@Nullable BigDecimal value) {
        return value == null ? "" : Realisation.display(value, DECIMALS);
    }

    /** A weight as stored, without rounding: the weights of a policy must visibly sum to 1. */
    public String weight(@Nullable BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }

    public String count(@Nullable BigDecimal value) {
        return value == null ? "" : value.stripTrailingZeros().toPlainString();
    }

    public String amount(@Nullable BigDecimal value) {
        return value == null
                ? ""
                : value.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    public String date(@Nullable LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    /** Width of a status's share in a 100-unit bar, for the server-rendered SVG charts. */
    public String width(@Nullable BigDecimal share) {
        return share == null ? "0" : Realisation.display(share, 3);
    }
}
