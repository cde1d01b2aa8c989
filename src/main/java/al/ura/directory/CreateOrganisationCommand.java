package al.ura.directory;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Onboard an organisation; every field is checked by the directory, which names the field that is
 * wrong. The profile fields after {@code country} may be left empty and filled in later.
 */
public record CreateOrganisationCommand(
        @Nullable String shortName,
        @Nullable String nameSq,
        @Nullable String nameEn,
        @Nullable OrganisationType type,
        @Nullable String country,
        @Nullable Sector sector,
        @Nullable List<String> officialDomains,
        @Nullable String switchboardPhone,
        @Nullable String website,
        @Nullable String postalAddress,
        @Nullable List<String> languages) {

    /** The five fields every organisation needs; the profile is filled in later. */
    public CreateOrganisationCommand(
            @Nullable String shortName,
            @Nullable String nameSq,
            @Nullable String nameEn,
            @Nullable OrganisationType type,
            @Nullable String country) {
        this(shortName, nameSq, nameEn, type, country, null, null, null, null, null, null);
    }
}
