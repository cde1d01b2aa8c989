package al.ura.identity;

import al.ura.kernel.SecretCipher;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** TOTP seeds are encrypted under the master key and bound to their user. */
@Component
class SecondFactorSecrets {

    private final SecretCipher cipher;

    SecondFactorSecrets(SecretCipher cipher) {
        this.cipher = cipher;
    }

    String encrypt(UUID userId, byte[] secret) {
        return cipher.encrypt(secret, "totp:" + userId);
    }

    byte[] decrypt(UUID userId, String encrypted) {
        return cipher.decrypt(encrypted, "totp:" + userId);
    }
}
