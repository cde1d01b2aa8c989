package al.ura.directory;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;

/**
 * ES256 (ECDSA on P-256 with SHA-256, RFC 7518 §3.4) with the JDK alone. The JDK's signature is
 * DER; JOSE wants the two 32-byte integers R and S side by side, so both directions are converted.
 */
final class Es256 {

    static final String ALGORITHM = "ES256";
    static final String CURVE = "P-256";
    private static final int PART = 32;
    private static final ECParameterSpec P256 = p256();

    private Es256() {}

    static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("P-256 keys are not available in this JDK", e);
        }
    }

    /** The public point's coordinates as JWK {@code x} and {@code y}: base64url of 32 bytes each. */
    static String[] coordinates(PublicKey key) {
        ECPoint point = ((ECPublicKey) key).getW();
        return new String[] {base64url(fixed(point.getAffineX())), base64url(fixed(point.getAffineY()))};
    }

    static PublicKey publicKey(String x, String y) {
        try {
            ECPoint point = new ECPoint(
                    new BigInteger(1, Base64.getUrlDecoder().decode(x)),
                    new BigInteger(1, Base64.getUrlDecoder().decode(y)));
            return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, P256));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("not a P-256 public key", e);
        }
    }

    static PrivateKey privateKey(byte[] pkcs8) {
        try {
            return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("not a P-256 private key", e);
        }
    }

    /** The JOSE signature (R || S, 64 bytes) of {@code input}. */
    static byte[] sign(PrivateKey key, byte[] input) {
        try {
            Signature signature = Signature.getInstance("SHA256withECDSA");
            signature.initSign(key);
            signature.update(input);
            return derToJose(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing failed", e);
        }
    }

    static boolean verify(PublicKey key, byte[] input, byte[] jose) {
        if (jose.length != 2 * PART) {
            return false;
        }
        try {
            Signature signature = Signature.getInstance("SHA256withECDSA");
            signature.initVerify(key);
            signature.update(input);
            return signature.verify(joseToDer(jose));
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** RFC 7638 thumbprint of the public key: a key id anyone can recompute from the JWK. */
    static String thumbprint(String x, String y) {
        String canonical = "{\"crv\":\"" + CURVE + "\",\"kty\":\"EC\",\"x\":\"" + x + "\",\"y\":\"" + y + "\"}";
        try {
            return base64url(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(canonical.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] derToJose(byte[] der) {
        // SEQUENCE { INTEGER r, INTEGER s }; lengths are below 128 for P-256, except the sequence's own may use one
        // extra byte.
        int offset = 2;
        if ((der[1] & 0xff) == 0x81) {
            offset = 3;
        }
        byte[] out = new byte[2 * PART];
        offset = copyInteger(der, offset, out, 0);
        copyInteger(der, offset, out, PART);
        return out;
    }

    private static int copyInteger(byte[] der, int offset, byte[] out, int at) {
        if (der[offset] != 0x02) {
            throw new IllegalArgumentException("not a DER ECDSA signature");
        }
        int length = der[offset + 1];
        int start = offset + 2;
        int skip = Math.max(0, length - PART);
        int copy = length - skip;
        System.arraycopy(der, start + skip, out, at + PART - copy, copy);
        return start + length;
    }

    static byte[] joseToDer(byte[] jose) {
        byte[] r = derInteger(Arrays.copyOfRange(jose, 0, PART));
        byte[] s = derInteger(Arrays.copyOfRange(jose, PART, 2 * PART));
        int length = r.length + s.length;
        byte[] der = new byte[(length > 127 ? 3 : 2) + length];
        int i = 0;
        der[i++] = 0x30;
        if (length > 127) {
            der[i++] = (byte) 0x81;
        }
        der[i++] = (byte) length;
        System.arraycopy(r, 0, der, i, r.length);
        System.arraycopy(s, 0, der, i + r.length, s.length);
        return der;
    }

    private static byte[] derInteger(byte[] unsigned) {
        int start = 0;
        while (start < unsigned.length - 1 && unsigned[start] == 0) {
            start++;
        }
        boolean pad = (unsigned[start] & 0x80) != 0;
        int length = unsigned.length - start + (pad ? 1 : 0);
        byte[] out = new byte[2 + length];
        out[0] = 0x02;
        out[1] = (byte) length;
        System.arraycopy(unsigned, start, out, 2 + (pad ? 1 : 0), unsigned.length - start);
        return out;
    }

    private static byte[] fixed(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length == PART) {
            return bytes;
        }
        byte[] out = new byte[PART];
        int copy = Math.min(bytes.length, PART);
        System.arraycopy(bytes, bytes.length - copy, out, PART - copy, copy);
        return out;
    }

    static String base64url(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static ECParameterSpec p256() {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec("secp256r1"));
            return parameters.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
