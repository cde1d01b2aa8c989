package al.ura.identity;

/** The token's secret appears here once and is never stored or shown again. */
public record IssuedToken(ApiTokenView token, String secret) {}
