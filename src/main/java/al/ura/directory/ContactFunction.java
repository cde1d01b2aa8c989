package al.ura.directory;

/** What a point of contact is for; names under {@code directory.contact-function.<NAME>}. */
public enum ContactFunction {
    EMERGENCY_24_7,
    LEGAL_REQUESTS,
    INCIDENT_REPORTING,
    CASE_REFERRAL,
    TRANSNATIONAL,
    STRATEGY,
    GENERAL
}
