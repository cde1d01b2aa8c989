package al.ura.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The report's SVG charts: well-formed, deterministic, accessible, in the reader's language, geometry from the figures. */
class ChartSvgTest {

    private static final Locale SQ = Locale.forLanguageTag("sq");

    /** The bundles' patterns for the keys the charts use, in the two languages. */
    private static final Map<String, String> ALBANIAN = Map.of(
            "monitoring.status.REALISED", "E realizuar",
            "monitoring.status.PARTIAL", "Realizuar pjesërisht / në proces",
            "monitoring.status.NOT_REALISED", "E parealizuar",
            "monitoring.status.NO_INFORMATION", "Nuk ka informacion",
            "monitoring.report.chart.status-value", "{0}: {1} masa ({2})",
            "monitoring.report.chart.status-count", "{0} masa · {1}",
            "monitoring.report.chart.objective-value", "Objektivi {0}: {1}",
            "monitoring.report.chart.objective", "Objektivi {0}",
            "monitoring.report.chart.no-measures", "Asnjë masë në planin e vitit");

    private static final Map<String, String> ENGLISH = Map.of(
            "monitoring.status.REALISED", "Realised",
            "monitoring.status.PARTIAL", "Partially realised / in progress",
            "monitoring.status.NOT_REALISED", "Not realised",
            "monitoring.status.NO_INFORMATION", "No information",
            "monitoring.report.chart.status-value", "{0}: {1} measures ({2})",
            "monitoring.report.chart.status-count", "{0} measures · {1}",
            "monitoring.report.chart.objective-value", "Objective {0}: {1}",
            "monitoring.report.chart.objective", "Objective {0}",
            "monitoring.report.chart.no-measures", "No measure in this year's plan");

    @Test
    void statusSharesArePieSlicesWithALegendOfCountsAndSharesRoundedOnce() throws Exception {
        // The 2024 report's Policy 1: 16 measures, 7 realised, 6 in progress, 3 without information.
        String svg = shares("chart-1", "Grafiku 1. Realizimi i masave të Politikës 1", 7, 6, 0, 3, SQ);
        Element root = parse(svg);

        assertThat(root.getAttribute("role")).isEqualTo("img");
        assertThat(root.getAttribute("aria-label")).isEqualTo("Grafiku 1. Realizimi i masave të Politikës 1");
        assertThat(text(root, "title")).containsExactly("Grafiku 1. Realizimi i masave të Politikës 1");
        assertThat(text(root, "desc"))
                .containsExactly("E realizuar: 7 masa (43,75 %); Realizuar pjesërisht / në proces: 6 masa (37,5 %);"
                        + " E parealizuar: 0 masa (0 %); Nuk ka informacion: 3 masa (18,75 %)");
        // A slice per status with measures (none for the empty one), in the status's colour.
        NodeList paths = root.getElementsByTagName("path");
        assertThat(paths.getLength()).isEqualTo(3);
        assertThat(((Element) paths.item(0)).getAttribute("fill"))
                .isEqualTo(ChartSvg.COLOURS.get(MeasureStatus.REALISED));
        assertThat(((Element) paths.item(2)).getAttribute("fill"))
                .isEqualTo(ChartSvg.COLOURS.get(MeasureStatus.NO_INFORMATION));
        // The realised slice is 7/16 of the circle: from twelve o'clock to 157.5°, a small arc.
        assertThat(((Element) paths.item(0)).getAttribute("d"))
                .isEqualTo("M110.00 110.00 L110.00 15.00 A95.00 95.00 0 0 1 146.35 197.77 Z");
        // The legend names all four statuses, with count and share.
        assertThat(text(root, "text"))
                .contains(
                        "E realizuar",
                        "7 masa · 43,75 %",
                        "E parealizuar",
                        "0 masa · 0 %",
                        "Nuk ka informacion",
                        "3 masa · 18,75 %");
    }

    @Test
    void theSameFiguresGiveTheSameSvgAndTheReadersLanguageChangesOnlyTheWords() {
        String first = shares("chart-3", "Chart 3", 1, 1, 1, 0, Locale.ENGLISH);
        String again = shares("chart-3", "Chart 3", 1, 1, 1, 0, Locale.ENGLISH);
        assertThat(first).isEqualTo(again);
        assertThat(first)
                .contains("33.33%")
                .contains("Partially realised / in progress")
                .doesNotContain("33,33");
        String albanian = shares("chart-3", "Chart 3", 1, 1, 1, 0, SQ);
        assertThat(albanian).contains("33,33 %").contains("E parealizuar");
        assertThat(albanian.replaceAll(">[^<]*<", "><").replaceAll("aria-label=\"[^\"]*\"", ""))
                .isEqualTo(first.replaceAll(">[^<]*<", "><").replaceAll("aria-label=\"[^\"]*\"", ""));
    }

    @Test
    void aPolicyWithAllMeasuresOfOneStatusIsAWholeCircleAndOneWithoutMeasuresSaysSo() throws Exception {
        Element whole = parse(shares("c", "All", 4, 0, 0, 0, Locale.ENGLISH));
        assertThat(whole.getElementsByTagName("path").getLength()).isZero();
        assertThat(((Element) whole.getElementsByTagName("circle").item(0)).getAttribute("fill"))
                .isEqualTo(ChartSvg.COLOURS.get(MeasureStatus.REALISED));
        assertThat(text(whole, "text")).contains("100%");
        Element none = parse(shares("c", "None", 0, 0, 0, 0, Locale.ENGLISH));
        assertThat(text(none, "text")).contains("No measure in this year's plan");
    }

    @Test
    void objectiveBarsRunFromZeroToAHundredWithTheValueAboveEach() throws Exception {
        Element root = parse(ChartSvg.objectiveBars(
                "chart-2",
                "Grafiku 2. Përmbushja e objektivave specifikë për Politikën 1 <&>",
                List.of(
                        new ChartSvg.Bar("A", new BigDecimal("17.8")),
                        new ChartSvg.Bar("B", new BigDecimal("76.5")),
                        new ChartSvg.Bar("C", new BigDecimal("72.7")),
                        new ChartSvg.Bar("D", new BigDecimal("75")),
                        new ChartSvg.Bar(
                                "E", BigDecimal.valueOf(100).divide(BigDecimal.valueOf(3), MathContext.DECIMAL128))),
                SQ,
                ChartSvgTest::albanian));

        // The caption is escaped, not markup.
        assertThat(text(root, "title"))
                .containsExactly("Grafiku 2. Përmbushja e objektivave specifikë për Politikën 1 <&>");
        assertThat(text(root, "desc"))
                .containsExactly(
                        "Objektivi A: 17,8 %; Objektivi B: 76,5 %; Objektivi C: 72,7 %; Objektivi D: 75 %; Objektivi E: 33,33 %");
        NodeList bars = root.getElementsByTagName("rect");
        assertThat(bars.getLength()).isEqualTo(5);
        // The plot is 190 units high: 75 % is 142.5 of it, standing on the axis at 214.
        Element d = (Element) bars.item(3);
        assertThat(d.getAttribute("height")).isEqualTo("142.50");
        assertThat(d.getAttribute("y")).isEqualTo("71.50");
        assertThat(text(root, "text"))
                .contains("0 %", "25 %", "50 %", "75 %", "100 %", "17,8 %", "33,33 %", "Objektivi A", "Objektivi E");
    }

    private static String shares(
            String id, String caption, int realised, int partial, int notRealised, int none, Locale locale) {
        Map<MeasureStatus, Integer> counts = new EnumMap<>(MeasureStatus.class);
        counts.put(MeasureStatus.REALISED, realised);
        counts.put(MeasureStatus.PARTIAL, partial);
        counts.put(MeasureStatus.NOT_REALISED, notRealised);
        counts.put(MeasureStatus.NO_INFORMATION, none);
        int total = realised + partial + notRealised + none;
        Map<MeasureStatus, BigDecimal> shares = new EnumMap<>(MeasureStatus.class);
        counts.forEach((status, count) -> shares.put(
                status,
                total == 0
                        ? BigDecimal.ZERO
                        : BigDecimal.valueOf(count * 100L).divide(BigDecimal.valueOf(total), Realisation.EXACT)));
        return ChartSvg.statusShares(
                id,
                caption,
                counts,
                shares,
                locale,
                locale.getLanguage().equals("en") ? ChartSvgTest::english : ChartSvgTest::albanian);
    }

    private static String albanian(String key, Object... arguments) {
        return format(ALBANIAN, key, arguments);
    }

    private static String english(String key, Object... arguments) {
        return format(ENGLISH, key, arguments);
    }

    private static String format(Map<String, String> bundle, String key, Object... arguments) {
        String pattern = bundle.get(key);
        assertThat(pattern).as(key).isNotNull();
        return arguments.length == 0
                ? pattern
                : new MessageFormat(pattern.replace("'", "''"), Locale.ROOT).format(arguments);
    }

    private static Element parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document document =
                factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        Element root = document.getDocumentElement();
        assertThat(root.getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
        return root;
    }

    private static List<String> text(Element root, String tag) {
        NodeList nodes = root.getElementsByTagName(tag);
        return java.util.stream.IntStream.range(0, nodes.getLength())
                .mapToObj(i -> nodes.item(i).getTextContent())
                .toList();
    }
}
