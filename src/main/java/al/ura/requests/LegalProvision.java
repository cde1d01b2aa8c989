package al.ura.requests;

import java.util.Locale;
import java.util.UUID;

/**
 * A provision of law a request may rest on. {@code instrument}: {@code CODE} (a procedure code),
 * {@code LAW}, or {@code TREATY}. {@code fictional}: invented for the demo, and shown so.
 */
public record LegalProvision(
        UUID id, String country, String code, String titleSq, String titleEn, String instrument, boolean fictional) {

    public String title(Locale locale) {
        return "en".equals(locale.getLanguage()) ? titleEn : titleSq;
    }
}
