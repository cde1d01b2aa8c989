package al.ura.directory;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An organisation's directory entry. {@code officialDomains}: the web and mail domains it owns
 * (lower case); a contact's e-mail address must be on one of them. {@code languages}: ISO 639-1
 * codes of the languages it corresponds in. {@code verifiedBy}/{@code verifiedAt}: the operator's
 * person who verified it and when; {@code suspendedAt}: since when it is suspended, if it is.
 */
public record OrganisationView(
        UUID id,
        String shortName,
        String nameSq,
        String nameEn,
        OrganisationType type,
        String country,
        OrganisationStatus status,
        boolean platformOperator,
        Instant createdAt,
        @Nullable Sector sector,
        List<String> officialDomains,
        @Nullable String switchboardPhone,
        @Nullable String website,
        @Nullable String postalAddress,
        List<String> languages,
        VerificationLevel verificationLevel,
        @Nullable UUID verifiedBy,
        @Nullable Instant verifiedAt,
        @Nullable Instant suspendedAt,
        @Nullable UUID logoFileId,
        int version) {

    public OrganisationView {
        officialDomains = List.copyOf(officialDomains);
        languages = List.copyOf(languages);
    }

    /** The entry as it was before the profile existed: registered, with no profile fields yet. */
    public OrganisationView(
            UUID id,
            String shortName,
            String nameSq,
            String nameEn,
            OrganisationType type,
            String country,
            OrganisationStatus status,
            boolean platformOperator,
            Instant createdAt) {
        this(
                id,
                shortName,
                nameSq,
                nameEn,
                type,
                country,
                status,
                platformOperator,
                createdAt,
                null,
                List.of(),
                null,
                null,
                null,
                List.of(),
                status == OrganisationStatus.SUSPENDED ? VerificationLevel.SUSPENDED : VerificationLevel.REGISTERED,
                null,
                null,
                null,
                null,
                0);
    }

    /** The name in the reader's language: Albanian by default, English for English readers. */
    public String name(Locale locale) {
        return "en".equals(locale.getLanguage()) ? nameEn : nameSq;
    }

    public boolean suspended() {
        return status == OrganisationStatus.SUSPENDED;
    }

    public boolean verified() {
        return verificationLevel == VerificationLevel.VERIFIED;
    }

    public boolean isProvider() {
        return type.name().startsWith("PROVIDER_");
    }

    /** Whether an e-mail address is on one of the official domains (the domain itself or a subdomain of it). */
    public boolean ownsAddress(String email) {
        int at = email.lastIndexOf('@');
        if (at < 0) {
            return false;
        }
        String domain = email.substring(at + 1).toLowerCase(Locale.ROOT);
        return officialDomains.stream().anyMatch(d -> domain.equals(d) || domain.endsWith("." + d));
    }
}
