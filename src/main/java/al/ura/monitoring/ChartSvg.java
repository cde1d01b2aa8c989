package al.ura.monitoring;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The report's two kinds of chart as SVG drawn on the server, so the page and the PDF show the
 * same picture: a policy's measures by status (a pie with a legend of counts and shares) and its
 * objectives' realisation (bars from 0 to 100 % with the value above each). The output depends
 * only on the inputs (fixed geometry, coordinates printed with two decimals, no random ids), and
 * is accessible: {@code role="img"}, an {@code aria-label} and a {@code <title>} with the caption,
 * a {@code <desc>} with every value in words, all in the reader's language.
 */
public final class ChartSvg {

    /** Resolves a message key with its arguments in the reader's language. */
    @FunctionalInterface
    public interface Texts {
        String get(String key, Object... arguments);
    }

    /** An objective's bar: its letter and its realisation (exact; rounded here, once, for display). */
    public record Bar(String letter, BigDecimal value) {}

    static final Map<MeasureStatus, String> COLOURS = Map.of(
            MeasureStatus.REALISED, "#2e7d32",
            MeasureStatus.PARTIAL, "#f2a900",
            MeasureStatus.NOT_REALISED, "#c62828",
            MeasureStatus.NO_INFORMATION, "#8c96a3");

    private static final int PIE_WIDTH = 560;
    private static final int PIE_HEIGHT = 220;
    private static final double CX = 110;
    private static final double CY = 110;
    private static final double R = 95;

    private static final int BAR_WIDTH = 560;
    private static final int BAR_HEIGHT = 260;
    private static final double PLOT_LEFT = 56;
    private static final double PLOT_RIGHT = 545;
    private static final double PLOT_TOP = 24;
    private static final double PLOT_BOTTOM = 214;

    private static final String FONT = "font-family=\"DejaVu Sans, Ura Sans, sans-serif\"";

    private ChartSvg() {}

    /**
     * The measures of a policy by status: a slice per status with measures, and a legend of all
     * four with their count and share. {@code caption} is the chart's numbered title.
     */
    public static String statusShares(
            String id,
            String caption,
            Map<MeasureStatus, Integer> counts,
            Map<MeasureStatus, BigDecimal> shares,
            Locale locale,
            Texts texts) {
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        List<String> summary = new ArrayList<>();
        for (MeasureStatus status : MeasureStatus.values()) {
            summary.add(texts.get(
                    "monitoring.report.chart.status-value",
                    texts.get("monitoring.status." + status.name()),
                    counts.getOrDefault(status, 0),
                    ReportFormat.percent(shares.getOrDefault(status, BigDecimal.ZERO), locale)));
        }
        StringBuilder svg = open(id, caption, String.join("; ", summary), PIE_WIDTH, PIE_HEIGHT);
        if (total == 0) {
            svg.append("<circle cx=\"")
                    .append(fmt(CX))
                    .append("\" cy=\"")
                    .append(fmt(CY))
                    .append("\" r=\"")
                    .append(fmt(R))
                    .append("\" fill=\"#eef1f5\" stroke=\"#8c96a3\"/>");
            text(svg, CX, CY + 5, "middle", 13, "#3b4452", texts.get("monitoring.report.chart.no-measures"));
        } else {
            double start = 0;
            for (MeasureStatus status : MeasureStatus.values()) {
                int count = counts.getOrDefault(status, 0);
                if (count == 0) {
                    continue;
                }
                double end = start + 360.0 * count / total;
                String colour = COLOURS.get(status);
                if (count == total) {
                    svg.append("<circle cx=\"")
                            .append(fmt(CX))
                            .append("\" cy=\"")
                            .append(fmt(CY))
                            .append("\" r=\"")
                            .append(fmt(R))
                            .append("\" fill=\"")
                            .append(colour)
                            .append("\" stroke=\"#ffffff\" stroke-width=\"1\"/>");
                } else {
                    svg.append("<path d=\"M")
                            .append(fmt(CX))
                            .append(' ')
                            .append(fmt(CY))
                            .append(" L")
                            .append(fmt(x(start, R)))
                            .append(' ')
                            .append(fmt(y(start, R)))
                            .append(" A")
                            .append(fmt(R))
                            .append(' ')
                            .append(fmt(R))
                            .append(" 0 ")
                            .append(end - start > 180 ? 1 : 0)
                            .append(" 1 ")
                            .append(fmt(x(end, R)))
                            .append(' ')
                            .append(fmt(y(end, R)))
                            .append(" Z\" fill=\"")
                            .append(colour)
                            .append("\" stroke=\"#ffffff\" stroke-width=\"1\"/>");
                }
                // The share on the slice itself when there is room for it.
                if (end - start >= 30) {
                    double middle = (start + end) / 2;
                    double radius = count == total ? 0 : R * 0.62;
                    text(
                            svg,
                            x(middle, radius),
                            y(middle, radius) + 4,
                            "middle",
                            12,
                            status == MeasureStatus.PARTIAL ? "#1d2430" : "#ffffff",
                            ReportFormat.percent(shares.getOrDefault(status, BigDecimal.ZERO), locale));
                }
                start = end;
            }
        }
        double legendY = 42;
        for (MeasureStatus status : MeasureStatus.values()) {
            svg.append("<rect x=\"232\" y=\"")
                    .append(fmt(legendY - 11))
                    .append("\" width=\"14\" height=\"14\" fill=\"")
                    .append(COLOURS.get(status))
                    .append("\"/>");
            text(svg, 254, legendY, "start", 12, "#1d2430", texts.get("monitoring.status." + status.name()));
            text(
                    svg,
                    254,
                    legendY + 16,
                    "start",
                    11,
                    "#3b4452",
                    texts.get(
                            "monitoring.report.chart.status-count",
                            counts.getOrDefault(status, 0),
                            ReportFormat.percent(shares.getOrDefault(status, BigDecimal.ZERO), locale)));
            legendY += 44;
        }
        return svg.append("</svg>").toString();
    }

    /** The realisation of each objective of a policy, as bars on a scale of 0 to 100 %. */
    public static String objectiveBars(String id, String caption, List<Bar> bars, Locale locale, Texts texts) {
        List<String> summary = new ArrayList<>();
        for (Bar bar : bars) {
            summary.add(texts.get(
                    "monitoring.report.chart.objective-value",
                    bar.letter(),
                    ReportFormat.percent(bar.value(), locale)));
        }
        StringBuilder svg = open(id, caption, String.join("; ", summary), BAR_WIDTH, BAR_HEIGHT);
        for (int tick = 0; tick <= 100; tick += 25) {
            double y = PLOT_BOTTOM - (PLOT_BOTTOM - PLOT_TOP) * tick / 100.0;
            svg.append("<line x1=\"")
                    .append(fmt(PLOT_LEFT))
                    .append("\" y1=\"")
                    .append(fmt(y))
                    .append("\" x2=\"")
                    .append(fmt(PLOT_RIGHT))
                    .append("\" y2=\"")
                    .append(fmt(y))
                    .append("\" stroke=\"")
                    .append(tick == 0 ? "#3b4452" : "#d5dae1")
                    .append("\" stroke-width=\"1\"/>");
            text(
                    svg,
                    PLOT_LEFT - 6,
                    y + 4,
                    "end",
                    11,
                    "#3b4452",
                    ReportFormat.percent(BigDecimal.valueOf(tick), locale));
        }
        if (bars.isEmpty()) {
            text(
                    svg,
                    (PLOT_LEFT + PLOT_RIGHT) / 2,
                    (PLOT_TOP + PLOT_BOTTOM) / 2,
                    "middle",
                    13,
                    "#3b4452",
                    texts.get("monitoring.report.chart.no-measures"));
        }
        double slot = (PLOT_RIGHT - PLOT_LEFT) / Math.max(1, bars.size());
        double width = Math.min(64, slot * 0.6);
        for (int i = 0; i < bars.size(); i++) {
            Bar bar = bars.get(i);
            double value = clamp(bar.value().doubleValue());
            double height = (PLOT_BOTTOM - PLOT_TOP) * value / 100.0;
            double centre = PLOT_LEFT + slot * i + slot / 2;
            svg.append("<rect x=\"")
                    .append(fmt(centre - width / 2))
                    .append("\" y=\"")
                    .append(fmt(PLOT_BOTTOM - height))
                    .append("\" width=\"")
                    .append(fmt(width))
                    .append("\" height=\"")
                    .append(fmt(height))
                    .append("\" fill=\"#1f5f99\"/>");
            text(
                    svg,
                    centre,
                    PLOT_BOTTOM - height - 6,
                    "middle",
                    12,
                    "#1d2430",
                    ReportFormat.percent(bar.value(), locale));
            text(
                    svg,
                    centre,
                    PLOT_BOTTOM + 18,
                    "middle",
                    12,
                    "#1d2430",
                    texts.get("monitoring.report.chart.objective", bar.letter()));
        }
        return svg.append("</svg>").toString();
    }

    private static StringBuilder open(String id, String caption, String description, int width, int height) {
        StringBuilder svg = new StringBuilder(4096);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" id=\"")
                .append(escape(id))
                .append("\" role=\"img\" width=\"")
                .append(width)
                .append("\" height=\"")
                .append(height)
                .append("\" viewBox=\"0 0 ")
                .append(width)
                .append(' ')
                .append(height)
                .append("\" aria-label=\"")
                .append(escape(caption))
                .append("\" aria-describedby=\"")
                .append(escape(id))
                .append("-desc\" ")
                .append(FONT)
                .append('>')
                .append("<title>")
                .append(escape(caption))
                .append("</title>")
                .append("<desc id=\"")
                .append(escape(id))
                .append("-desc\">")
                .append(escape(description))
                .append("</desc>");
        return svg;
    }

    private static void text(
            StringBuilder svg, double x, double y, String anchor, int size, String colour, String text) {
        svg.append("<text x=\"")
                .append(fmt(x))
                .append("\" y=\"")
                .append(fmt(y))
                .append("\" text-anchor=\"")
                .append(anchor)
                .append("\" font-size=\"")
                .append(size)
                .append("\" fill=\"")
                .append(colour)
                .append("\">")
                .append(escape(text))
                .append("</text>");
    }

    /** Clockwise from twelve o'clock. */
    private static double x(double degrees, double radius) {
        return CX + radius * StrictMath.sin(StrictMath.toRadians(degrees));
    }

    private static double y(double degrees, double radius) {
        return CY - radius * StrictMath.cos(StrictMath.toRadians(degrees));
    }

    private static double clamp(double value) {
        return Math.max(0, Math.min(100, value));
    }

    static String fmt(double value) {
        String text = String.format(Locale.ROOT, "%.2f", value);
        return text.equals("-0.00") ? "0.00" : text;
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
