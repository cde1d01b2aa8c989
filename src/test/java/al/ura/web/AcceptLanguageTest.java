package al.ura.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class AcceptLanguageTest {

    @Test
    void picksTheFirstSupportedLanguageElseAlbanian() {
        assertThat(WebConfiguration.fromAcceptLanguage("en-GB,en;q=0.9")).isEqualTo(Locale.ENGLISH);
        assertThat(WebConfiguration.fromAcceptLanguage("fr;q=0.9, en;q=0.8")).isEqualTo(Locale.ENGLISH);
        assertThat(WebConfiguration.fromAcceptLanguage("sq-AL,en;q=0.5").getLanguage())
                .isEqualTo("sq");
        assertThat(WebConfiguration.fromAcceptLanguage("de").getLanguage()).isEqualTo("sq");
        assertThat(WebConfiguration.fromAcceptLanguage(null).getLanguage()).isEqualTo("sq");
        assertThat(WebConfiguration.fromAcceptLanguage(";;;").getLanguage()).isEqualTo("sq");
    }
}
