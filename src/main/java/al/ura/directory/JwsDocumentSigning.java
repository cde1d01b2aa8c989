package al.ura.directory;

import al.ura.kernel.ProblemException;
import al.ura.kernel.ProblemType;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link DocumentSigning} as its contract says: JWS compact serialisation with a detached payload
 * (RFC 7515 Appendix F), ES256, protected header {@code alg}, {@code kid}, {@code org}, {@code iat}.
 */
@Service
class JwsDocumentSigning implements DocumentSigning {

    private static final Set<String> HEADER_MEMBERS = Set.of("alg", "kid", "org", "iat");
    /** How far a signing time may lie ahead of this node's clock (clocks of nodes differ a little). */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    static final ProblemType SUSPENDED = new ProblemType("organisation-suspended", 409);

    private final SigningKeys keys;
    private final OrganisationRepository organisations;
    private final JsonMapper json;
    private final Clock clock;

    JwsDocumentSigning(SigningKeys keys, OrganisationRepository organisations, JsonMapper json, Clock clock) {
        this.keys = keys;
        this.organisations = organisations;
        this.json = json;
        this.clock = clock;
    }

    @Override
    @Transactional
    public SignedDocument sign(UUID organisationId, byte[] payload) {
        OrganisationView organisation = organisations.find(organisationId).orElseThrow(ProblemException::notFound);
        if (organisation.suspended()) {
            throw new ProblemException(SUSPENDED, "directory.problem.organisation-suspended");
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        SigningKeys.SigningKey key = keys.current(organisationId, now).orElseGet(() -> keys.generate(organisationId));
        Map<String, Object> header = new LinkedHashMap<>();
        header.put("alg", Es256.ALGORITHM);
        header.put("kid", key.kid());
        header.put("org", organisationId.toString());
        header.put("iat", now.getEpochSecond());
        String encodedHeader = Es256.base64url(json.writeValueAsBytes(header));
        byte[] signature = Es256.sign(keys.privateKey(key), signingInput(encodedHeader, payload));
        return new SignedDocument(encodedHeader + ".." + Es256.base64url(signature), key.kid(), organisationId, now);
    }

    @Override
    @Transactional(readOnly = true)
    public SignatureCheck verify(UUID claimedOrganisationId, byte[] payload, String detachedJws) {
        Optional<Parsed> parsed = parse(detachedJws);
        if (parsed.isEmpty()) {
            return invalid(SignatureCheck.Reason.MALFORMED);
        }
        Parsed jws = parsed.get();
        if (jws.signedAt().isAfter(clock.instant().plus(CLOCK_SKEW))) {
            return invalid(SignatureCheck.Reason.MALFORMED);
        }
        if (!jws.organisationId().equals(claimedOrganisationId)) {
            return invalid(SignatureCheck.Reason.OTHER_ORGANISATION);
        }
        Optional<SigningKeys.SigningKey> found = keys.find(jws.kid());
        if (found.isEmpty()) {
            return invalid(SignatureCheck.Reason.UNKNOWN_KEY);
        }
        SigningKeys.SigningKey key = found.get();
        if (!key.organisationId().equals(claimedOrganisationId)) {
            return invalid(SignatureCheck.Reason.OTHER_ORGANISATION);
        }
        if (!Es256.verify(
                Es256.publicKey(key.x(), key.y()), signingInput(jws.encodedHeader(), payload), jws.signature())) {
            return invalid(SignatureCheck.Reason.SIGNATURE_MISMATCH);
        }
        if (!key.validAt(jws.signedAt())) {
            return invalid(SignatureCheck.Reason.KEY_NOT_VALID_AT_SIGNING_TIME);
        }
        if (organisations.suspendedAt(claimedOrganisationId, jws.signedAt())) {
            return invalid(SignatureCheck.Reason.ORGANISATION_SUSPENDED);
        }
        return new SignatureCheck.Valid(claimedOrganisationId, key.kid(), jws.signedAt());
    }

    private record Parsed(String encodedHeader, String kid, UUID organisationId, Instant signedAt, byte[] signature) {}

    /** Only what Ura issues: three parts with an empty middle, a header with exactly our members, a 64-byte signature. */
    private Optional<Parsed> parse(String jws) {
        String[] parts = jws.split("\\.", -1);
        if (parts.length != 3 || !parts[1].isEmpty() || parts[0].isEmpty() || parts[2].isEmpty()) {
            return Optional.empty();
        }
        try {
            Base64.Decoder decoder = Base64.getUrlDecoder();
            Map<?, ?> header = json.readValue(decoder.decode(parts[0]), Map.class);
            byte[] signature = decoder.decode(parts[2]);
            if (!HEADER_MEMBERS.equals(header.keySet())
                    || !Es256.ALGORITHM.equals(header.get("alg"))
                    || !(header.get("kid") instanceof String kid)
                    || !(header.get("org") instanceof String org)
                    || !(header.get("iat") instanceof Number iat)
                    || signature.length != 64) {
                return Optional.empty();
            }
            return Optional.of(
                    new Parsed(parts[0], kid, UUID.fromString(org), Instant.ofEpochSecond(iat.longValue()), signature));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static byte[] signingInput(String encodedHeader, byte[] payload) {
        return (encodedHeader + "." + Es256.base64url(payload)).getBytes(StandardCharsets.US_ASCII);
    }

    private static SignatureCheck invalid(SignatureCheck.Reason reason) {
        return new SignatureCheck.Invalid(reason);
    }
}
