package al.ura.web;

import static org.assertj.core.api.Assertions.assertThat;

import al.ura.directory.DirectoryFixtures;
import al.ura.directory.DocumentSigning;
import al.ura.directory.OrganisationView;
import al.ura.directory.SignedDocument;
import al.ura.directory.SigningKeyService;
import al.ura.identity.IdentityFixtures;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * Criterion 3 from the outside: a document signed through {@link DocumentSigning} is verified by
 * independent code here — its own JSON reading, its own ES256 check with the JDK, its own
 * validity rule — using only the JWKS fetched over HTTP without signing in. Runs with the browser
 * tests on the same running server (same context configuration).
 */
@Tag("browser")
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"ura.master-key=AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="})
class DirectoryEndToEndTest {

    @LocalServerPort
    int port;

    @Autowired
    DocumentSigning signing;

    @Autowired
    SigningKeyService keys;

    @Autowired
    DirectoryFixtures fixtures;

    @Autowired
    IdentityFixtures people;

    private final HttpClient http = HttpClient.newHttpClient();
    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void aSignedDocumentVerifiesWithOnlyThePublicJwksFetchedOverHttp() throws Exception {
        OrganisationView a = fixtures.organisation();
        OrganisationView b = fixtures.organisation();
        IdentityFixtures.TestUser adminA = people.user(a, IdentityFixtures.ORGANISATION_ADMIN);
        byte[] payload = "{\"request\":\"R-2026-0042\",\"data\":\"subscriber\"}".getBytes(StandardCharsets.UTF_8);

        SignedDocument before = signing.sign(a.id(), payload);
        keys.rotate(adminA.actor(), a.id());
        SignedDocument after = signing.sign(a.id(), payload);

        Map<String, Object> jwksOfA = fetchJwks(a);
        Map<String, Object> jwksOfB = fetchJwks(b);

        assertThat(after.keyId()).isNotEqualTo(before.keyId());
        assertThat(Verifier.verify(jwksOfA, a.id().toString(), payload, after.detachedJws()))
                .isEqualTo("valid");
        // Signed with the key that was rotated out: valid, it signed within its validity.
        assertThat(Verifier.verify(jwksOfA, a.id().toString(), payload, before.detachedJws()))
                .isEqualTo("valid");
        // Other bytes: refused.
        assertThat(Verifier.verify(
                        jwksOfA, a.id().toString(), "{}".getBytes(StandardCharsets.UTF_8), after.detachedJws()))
                .isEqualTo("bad signature");
        // Claimed to come from B: B's published keys do not have it, and the header names A.
        assertThat(Verifier.verify(jwksOfB, b.id().toString(), payload, after.detachedJws()))
                .isEqualTo("other organisation");
        // The retired key, as published, ends where the new one starts.
        List<?> published = (List<?>) jwksOfA.get("keys");
        assertThat(published).hasSize(2);
    }

    @Test
    void theJwksNeedsNoSignInAndAnUnknownOrganisationIsNotFound() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(base() + "/api/v1/directory/organisations/"
                                + java.util.UUID.randomUUID() + "/jwks.json"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(404);
        HttpResponse<String> protectedPage = http.send(
                HttpRequest.newBuilder(URI.create(base() + "/api/v1/directory/organisations"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(protectedPage.statusCode()).isEqualTo(401);
    }

    private Map<String, Object> fetchJwks(OrganisationView organisation) throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create(
                                base() + "/api/v1/directory/organisations/" + organisation.id() + "/jwks.json"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/jwk-set+json"));
        @SuppressWarnings("unchecked")
        Map<String, Object> set = json.readValue(response.body(), Map.class);
        return set;
    }

    private String base() {
        return "http://localhost:" + port;
    }

    /** A verifier written from RFC 7515/7518/7517 alone, sharing no code with Ura's signing. */
    static final class Verifier {

        static String verify(Map<String, Object> jwks, String claimedOrganisation, byte[] payload, String jws)
                throws Exception {
            String[] parts = jws.split("\\.", -1);
            if (parts.length != 3 || !parts[1].isEmpty()) {
                return "malformed";
            }
            Base64.Decoder b64 = Base64.getUrlDecoder();
            @SuppressWarnings("unchecked")
            Map<String, Object> header = JsonMapper.builder().build().readValue(b64.decode(parts[0]), Map.class);
            if (!"ES256".equals(header.get("alg"))) {
                return "malformed";
            }
            if (!claimedOrganisation.equals(header.get("org"))) {
                return "other organisation";
            }
            Map<?, ?> jwk = null;
            for (Object key : (List<?>) jwks.get("keys")) {
                if (((Map<?, ?>) key).get("kid").equals(header.get("kid"))) {
                    jwk = (Map<?, ?>) key;
                }
            }
            if (jwk == null) {
                return "unknown key";
            }
            long iat = ((Number) header.get("iat")).longValue();
            if (iat < ((Number) jwk.get("ura_valid_from")).longValue()
                    || iat > ((Number) jwk.get("ura_valid_until")).longValue()) {
                return "key not valid then";
            }
            byte[] input = (parts[0] + "."
                            + Base64.getUrlEncoder().withoutPadding().encodeToString(payload))
                    .getBytes(StandardCharsets.US_ASCII);
            byte[] raw = b64.decode(parts[2]);
            Signature ecdsa = Signature.getInstance("SHA256withECDSA");
            ecdsa.initVerify(publicKey((String) jwk.get("x"), (String) jwk.get("y")));
            ecdsa.update(input);
            return ecdsa.verify(der(raw)) ? "valid" : "bad signature";
        }

        private static PublicKey publicKey(String x, String y) throws Exception {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec("secp256r1"));
            ECPoint point = new ECPoint(
                    new BigInteger(1, Base64.getUrlDecoder().decode(x)),
                    new BigInteger(1, Base64.getUrlDecoder().decode(y)));
            return KeyFactory.getInstance("EC")
                    .generatePublic(new ECPublicKeySpec(point, parameters.getParameterSpec(ECParameterSpec.class)));
        }

        /** R || S (32 bytes each) to an ASN.1 DER SEQUENCE of two INTEGERs. */
        private static byte[] der(byte[] raw) {
            byte[] r = new BigInteger(1, Arrays.copyOfRange(raw, 0, 32)).toByteArray();
            byte[] s = new BigInteger(1, Arrays.copyOfRange(raw, 32, 64)).toByteArray();
            byte[] out = new byte[6 + r.length + s.length];
            out[0] = 0x30;
            out[1] = (byte) (4 + r.length + s.length);
            out[2] = 0x02;
            out[3] = (byte) r.length;
            System.arraycopy(r, 0, out, 4, r.length);
            out[4 + r.length] = 0x02;
            out[5 + r.length] = (byte) s.length;
            System.arraycopy(s, 0, out, 6 + r.length, s.length);
            return out;
        }
    }
}
