package al.ura.directory;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A directory search: any combination of words in the name, type, country, sector, and of a
 * contact's function, language and availability now. A contact filter shows only organisations
 * (not suspended) with a contact that matches every contact filter, with those contacts.
 */
public record SearchCriteria(
        @Nullable String text,
        @Nullable OrganisationType type,
        @Nullable String country,
        @Nullable Sector sector,
        @Nullable ContactFunction function,
        @Nullable String language,
        boolean availableNow) {

    public static final SearchCriteria ALL = new SearchCriteria(null, null, null, null, null, null, false);

    public SearchCriteria {
        text = blankToNull(text);
        country = country == null || country.isBlank() ? null : country.trim().toUpperCase(Locale.ROOT);
        language =
                language == null || language.isBlank() ? null : language.trim().toLowerCase(Locale.ROOT);
    }

    public boolean filtersContacts() {
        return function != null || language != null || availableNow;
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
