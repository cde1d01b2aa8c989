package al.ura.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.Test;

/**
 * Every string a person sees comes from the message bundles, in Albanian and English: no
 * hard-coded words in templates, every key used exists in both languages, and the bundles agree.
 */
class UserVisibleTextTest {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Path SOURCES = Path.of("src/main/java");
    /** Text that carries a word: a letter of any alphabet. */
    private static final Pattern WORDS = Pattern.compile("\\p{L}");

    private static final Set<String> TEXT_ATTRIBUTES = Set.of("title", "alt", "placeholder", "aria-label", "label");
    private static final Set<String> REPLACING = Set.of("th:text", "th:utext", "th:replace", "th:insert");
    private static final Pattern TEMPLATE_KEY = Pattern.compile("#\\{([a-z][a-z0-9.-]*[a-z0-9])(?:\\(|})");
    private static final Pattern SOURCE_KEY = Pattern.compile(
            "\"((?:validation|problem|signin|admin|account|mail|nav|error|invitation)\\.[a-z0-9.-]*[a-z0-9])\"");

    @Test
    void templatesHaveNoHardCodedText() throws IOException {
        List<String> offences = new ArrayList<>();
        for (Path template : templates()) {
            Document document = Jsoup.parse(Files.readString(template), "", Parser.xmlParser());
            for (Element element : document.getAllElements()) {
                if (replacedByThymeleaf(element)) {
                    continue;
                }
                for (Node child : element.childNodes()) {
                    if (child instanceof TextNode text
                            && WORDS.matcher(text.text()).find()) {
                        offences.add(TEMPLATES.relativize(template) + ": <" + element.tagName() + "> \""
                                + text.text().strip() + "\"");
                    }
                }
                for (String attribute : TEXT_ATTRIBUTES) {
                    if (element.hasAttr(attribute)
                            && WORDS.matcher(element.attr(attribute)).find()
                            && !element.hasAttr("th:" + attribute)) {
                        offences.add(TEMPLATES.relativize(template) + ": " + attribute + "=\"" + element.attr(attribute)
                                + "\"");
                    }
                }
            }
        }
        assertThat(offences)
                .as("user-visible text must come from messages_*.properties")
                .isEmpty();
    }

    @Test
    void bundlesHaveTheSameKeysInBothLanguages() throws IOException {
        for (String name : bundleNames()) {
            Properties albanian = bundle("i18n/" + name + ".properties");
            Properties english = bundle("i18n/" + name + "_en.properties");
            assertThat(albanian.stringPropertyNames()).as(name).isEqualTo(english.stringPropertyNames());
        }
        assertThat(albanian().stringPropertyNames()).isNotEmpty();
    }

    /** Every bundle file is one Spring reads, and a key lives in one bundle only. */
    @Test
    void everyBundleIsConfiguredAndNoKeyIsInTwo() throws IOException {
        String configured = Files.readString(Path.of("src/main/resources/application.yml"));
        Set<String> seen = new TreeSet<>();
        List<String> twice = new ArrayList<>();
        for (String name : bundleNames()) {
            assertThat(configured)
                    .as("spring.messages.basename lists i18n/" + name)
                    .contains("i18n/" + name);
            for (String key : bundle("i18n/" + name + ".properties").stringPropertyNames()) {
                if (!seen.add(key)) {
                    twice.add(name + ": " + key);
                }
            }
        }
        assertThat(twice).isEmpty();
    }

    @Test
    void everyKeyUsedInTemplatesAndCodeExistsInBothLanguages() throws IOException {
        Properties albanian = albanian();
        Properties english = english();
        Set<String> used = new TreeSet<>();
        for (Path template : templates()) {
            collect(TEMPLATE_KEY, Files.readString(template), used);
        }
        try (Stream<Path> sources = Files.walk(SOURCES)) {
            for (Path source :
                    sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                collect(SOURCE_KEY, Files.readString(source), used);
            }
        }
        assertThat(used).hasSizeGreaterThan(100);
        assertThat(used.stream().filter(key -> !albanian.containsKey(key)).toList())
                .as("missing in Albanian")
                .isEmpty();
        assertThat(used.stream().filter(key -> !english.containsKey(key)).toList())
                .as("missing in English")
                .isEmpty();
    }

    /**
     * Spring formats a message with arguments through MessageFormat (an apostrophe is written '')
     * and one without arguments as it is (an apostrophe is written ').
     */
    @Test
    void apostrophesFollowMessageFormatRules() throws IOException {
        List<String> offences = new ArrayList<>();
        List<String> files = new ArrayList<>();
        for (String bundle : bundleNames()) {
            files.add("i18n/" + bundle + ".properties");
            files.add("i18n/" + bundle + "_en.properties");
        }
        for (String name : files) {
            Properties messages = bundle(name);
            for (String key : messages.stringPropertyNames()) {
                String value = messages.getProperty(key);
                boolean arguments = value.matches("(?s).*\\{\\d.*");
                if (arguments && value.replace("''", "").contains("'")) {
                    offences.add(name + " " + key + ": single apostrophe in a message with arguments");
                }
                if (!arguments && value.contains("''")) {
                    offences.add(name + " " + key + ": doubled apostrophe in a message without arguments");
                }
            }
        }
        assertThat(offences).isEmpty();
    }

    @Test
    void theCheckCatchesHardCodedText() throws IOException {
        Document document = Jsoup.parse("<p>Hello <span th:text=\"#{x}\">fallback</span></p>", "", Parser.xmlParser());
        Element paragraph = document.selectFirst("p");
        assertThat(paragraph).isNotNull();
        assertThat(replacedByThymeleaf(paragraph)).isFalse();
        assertThat(paragraph.textNodes().getFirst().text()).containsPattern(WORDS);
    }

    private static boolean replacedByThymeleaf(Element element) {
        for (Element current = element; current != null; current = current.parent()) {
            for (String attribute : REPLACING) {
                if (current.hasAttr(attribute)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void collect(Pattern pattern, String text, Set<String> into) {
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            into.add(matcher.group(1));
        }
    }

    private static List<Path> templates() throws IOException {
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
        }
    }

    /** The bundles' base names: every file in i18n/ that is not the English one. */
    private static List<String> bundleNames() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/i18n"))) {
            return files.map(p -> p.getFileName().toString())
                    .filter(name -> name.endsWith(".properties") && !name.endsWith("_en.properties"))
                    .map(name -> name.substring(0, name.length() - ".properties".length()))
                    .sorted()
                    .toList();
        }
    }

    private static Properties albanian() throws IOException {
        Properties all = new Properties();
        for (String name : bundleNames()) {
            all.putAll(bundle("i18n/" + name + ".properties"));
        }
        return all;
    }

    private static Properties english() throws IOException {
        Properties all = new Properties();
        for (String name : bundleNames()) {
            all.putAll(bundle("i18n/" + name + "_en.properties"));
        }
        return all;
    }

    private static Properties bundle(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = UserVisibleTextTest.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("missing bundle " + name);
            }
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }
}
