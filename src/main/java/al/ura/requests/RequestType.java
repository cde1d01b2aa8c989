package al.ura.requests;

/** What a request asks for; names in the bundles under {@code requests.type.<NAME>}. */
public enum RequestType {
    /** Hand the data over (production order). */
    DISCLOSURE,
    /** Keep the data that exists; do not disclose it yet (Budapest art. 16, 29). */
    PRESERVATION,
    /** Disclosure of data kept under an earlier preservation, linked to it. */
    DISCLOSURE_AFTER_PRESERVATION,
    /** Disclosure where life or limb is at risk (§34): 8-hour answer. */
    EMERGENCY_DISCLOSURE;

    boolean disclosure() {
        return this != PRESERVATION;
    }
}
