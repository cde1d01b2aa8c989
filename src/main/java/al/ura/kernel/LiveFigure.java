package al.ura.kernel;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * A figure a module computes from the records it holds (requests answered in a year, institutions
 * with a verified contact point...), which other modules, such as the strategy monitoring's
 * indicators, bind to instead of a number typed by hand. Modules declare them as beans.
 */
public interface LiveFigure {

    /** Stable code an indicator stores, {@code <module>.<figure>}, e.g. {@code requests.answered}. */
    String code();

    /** Message key of the figure's name in the bundles. */
    String labelKey();

    /** What the value counts: {@code count}, {@code percent}, {@code hours}, {@code days}. */
    String unit();

    /**
     * The value over {@code [from, to)}; a figure that describes a state (how many institutions
     * have a verified contact point) gives its value at {@code to}. Empty when there is nothing to
     * compute it from (the median of no answers), never a made-up zero.
     */
    Optional<BigDecimal> value(Instant from, Instant to);
}
