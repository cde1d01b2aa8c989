package al.ura.requests;

/** Where a preservation stands once the provider keeps the data; names under {@code requests.preservation.<NAME>}. */
public enum PreservationState {
    /** The provider keeps the data until it expires. */
    ACTIVE,
    /** A disclosure order followed; the data is kept until it is answered. */
    FOLLOWED,
    /** It expired without a disclosure or an extension; the provider was told. */
    LAPSED,
    /** The requester said the data is no longer needed. */
    RELEASED,
    /** The disclosure that followed it was answered. */
    CONVERTED
}
