package al.ura.directory;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

public record CreateOrganisationCommand(
        @NotBlank @Size(max = 40) @Nullable String shortName,
        @NotBlank @Size(max = 200) @Nullable String nameSq,
        @NotBlank @Size(max = 200) @Nullable String nameEn,
        @NotNull @Nullable OrganisationType type,

        @NotBlank @Pattern(regexp = "[A-Z]{2}", message = "{validation.country}") @Nullable
        String country) {}
