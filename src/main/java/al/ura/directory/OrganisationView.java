package al.ura.directory;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

public record OrganisationView(
        UUID id,
        String shortName,
        String nameSq,
        String nameEn,
        OrganisationType type,
        String country,
        OrganisationStatus status,
        boolean platformOperator,
        Instant createdAt) {

    /** The name in the reader's language: Albanian by default, English for English readers. */
    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameSq;
    }
}
