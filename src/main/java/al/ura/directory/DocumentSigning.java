package al.ura.directory;

import java.util.UUID;

/**
 * The one way modules sign what an organisation sends and check what they receive. A document is
 * signed with the organisation's current signing key as a JWS (RFC 7515) with a detached payload
 * (Appendix F: {@code header..signature}), algorithm ES256, the key's id in {@code kid}, the
 * organisation's id in the protected header parameter {@code org} and the signing time in
 * {@code iat}. Anyone can verify it with the organisation's JWKS, published without login at
 * {@code GET /api/v1/directory/organisations/{id}/jwks.json}.
 */
public interface DocumentSigning {

    /** Signs the exact bytes given (callers sign a canonical form, so the same document gives the same bytes). */
    SignedDocument sign(UUID organisationId, byte[] payload);

    /**
     * Checks that {@code detachedJws} is a valid signature over {@code payload} made by
     * {@code claimedOrganisationId} with a key of that organisation that was valid when it signed.
     */
    SignatureCheck verify(UUID claimedOrganisationId, byte[] payload, String detachedJws);
}
