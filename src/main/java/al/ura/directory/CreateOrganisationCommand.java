package al.ura.directory;

import org.jspecify.annotations.Nullable;

/** Onboard an organisation; every field is checked by the directory, which names the field that is wrong. */
public record CreateOrganisationCommand(
        @Nullable String shortName,
        @Nullable String nameSq,
        @Nullable String nameEn,
        @Nullable OrganisationType type,
        @Nullable String country) {}
