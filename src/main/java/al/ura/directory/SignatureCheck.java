package al.ura.directory;

import java.time.Instant;
import java.util.UUID;

/** The outcome of checking a signed document; an invalid one says why, for a message to the reader. */
public sealed interface SignatureCheck {

    record Valid(UUID organisationId, String keyId, Instant signedAt) implements SignatureCheck {}

    record Invalid(Reason reason) implements SignatureCheck {}

    enum Reason {
        /** Not a JWS with a detached payload, or a header Ura does not issue. */
        MALFORMED,
        /** The organisation publishes no key with that id. */
        UNKNOWN_KEY,
        /** The signature names, or was made by a key of, another organisation than the one claimed. */
        OTHER_ORGANISATION,
        /** The key was not valid at the signing time (before its validity, or after it was retired). */
        KEY_NOT_VALID_AT_SIGNING_TIME,
        /** Signed after the organisation was suspended. */
        ORGANISATION_SUSPENDED,
        /** The bytes are not the ones that were signed, or the signature is not the key's. */
        SIGNATURE_MISMATCH
    }

    default boolean valid() {
        return this instanceof Valid;
    }
}
