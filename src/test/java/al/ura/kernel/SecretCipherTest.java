package al.ura.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class SecretCipherTest {

    private final SecretCipher cipher = new SecretCipher(new byte[32]);

    @Test
    void roundTripsAndUsesAFreshNonceEachTime() {
        byte[] secret = "seed".getBytes(StandardCharsets.UTF_8);
        String first = cipher.encrypt(secret, "totp:1");
        String second = cipher.encrypt(secret, "totp:1");

        assertThat(first).startsWith("v1:").isNotEqualTo(second);
        assertThat(cipher.decrypt(first, "totp:1")).isEqualTo(secret);
    }

    @Test
    void aCiphertextMovedToAnotherOwnerOrAlteredDoesNotDecrypt() {
        String sealed = cipher.encrypt("seed".getBytes(StandardCharsets.UTF_8), "totp:1");
        byte[] raw = Base64.getDecoder().decode(sealed.substring(3));
        raw[raw.length - 1] ^= 1;
        String altered = "v1:" + Base64.getEncoder().encodeToString(raw);

        assertThatThrownBy(() -> cipher.decrypt(sealed, "totp:2")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cipher.decrypt(altered, "totp:1")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new SecretCipher(new byte[31]).decrypt(sealed, "totp:1"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
