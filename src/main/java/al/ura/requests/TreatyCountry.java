package al.ura.requests;

/**
 * A country's treaty settings: whether it is configured as a party of the Second Additional
 * Protocol (direct requests for domain registration data and subscriber information), and the
 * preservation periods its instrument sets.
 */
public record TreatyCountry(
        String country, boolean secondProtocol, int preservationDays, int extensionDays, int maxExtensions) {}
