package al.ura.directory;

/**
 * The sector an organisation works in, for search and for the sector-based duties of operators
 * (NIS-style sectors); names under {@code directory.sector.<NAME>}.
 */
public enum Sector {
    JUSTICE_AND_SECURITY,
    PUBLIC_ADMINISTRATION,
    DIGITAL_INFRASTRUCTURE,
    ELECTRONIC_COMMUNICATIONS,
    ONLINE_SERVICES,
    ENERGY,
    TRANSPORT,
    BANKING_AND_FINANCE,
    HEALTH,
    WATER,
    EDUCATION,
    SOCIAL_PROTECTION,
    OTHER
}
