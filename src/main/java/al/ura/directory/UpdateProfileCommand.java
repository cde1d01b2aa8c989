package al.ura.directory;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The profile an organisation's administrator maintains. {@code version} is the version the form
 * was loaded at: a save over someone else's newer change is refused rather than silently lost.
 */
public record UpdateProfileCommand(
        @Nullable String nameSq,
        @Nullable String nameEn,
        @Nullable Sector sector,
        @Nullable List<String> officialDomains,
        @Nullable String switchboardPhone,
        @Nullable String website,
        @Nullable String postalAddress,
        @Nullable List<String> languages,
        @Nullable Integer version) {}
