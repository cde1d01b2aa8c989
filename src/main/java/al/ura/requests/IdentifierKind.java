package al.ura.requests;

/** What an identifier in a request is; names under {@code requests.identifier-kind.<NAME>}. */
public enum IdentifierKind {
    IPV4,
    IPV6,
    EMAIL,
    PHONE,
    URL,
    DOMAIN,
    ACCOUNT,
    DEVICE;

    boolean ipAddress() {
        return this == IPV4 || this == IPV6;
    }
}
