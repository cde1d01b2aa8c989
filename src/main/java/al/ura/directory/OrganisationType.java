package al.ura.directory;

/** The kinds of institution that work together in Ura; names in the bundles under {@code organisation.type.<NAME>}. */
public enum OrganisationType {
    LAW_ENFORCEMENT,
    PROSECUTION,
    COURT,
    PROVIDER_ELECTRONIC_COMMUNICATIONS,
    PROVIDER_HOSTING,
    PROVIDER_PLATFORM,
    PROVIDER_DOMAIN_REGISTRAR,
    PROVIDER_OTHER,
    CSIRT_SOC,
    PUBLIC_AGENCY,
    INFRASTRUCTURE_OPERATOR,
    NGO_SOCIAL_SERVICE,
    INTERNATIONAL_ORGANISATION,
    FOREIGN_AUTHORITY,
    NATIONAL_AUTHORITY
}
