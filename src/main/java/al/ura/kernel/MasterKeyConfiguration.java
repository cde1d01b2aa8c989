package al.ura.kernel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The master key: {@code URA_MASTER_KEY} (32 bytes, base64) in production. Without it, a key file
 * is used when {@code ura.master-key-file} names one; with {@code ura.master-key-generate=true}
 * (demo mode) a missing file is created. Otherwise Ura refuses to start rather than invent a key.
 */
@Configuration(proxyBeanMethods = false)
class MasterKeyConfiguration {

    @Bean
    SecretCipher secretCipher(
            @Value("${ura.master-key:}") String masterKey,
            @Value("${ura.master-key-file:}") String keyFile,
            @Value("${ura.master-key-generate:false}") boolean generate)
            throws IOException {
        return new SecretCipher(resolve(masterKey, keyFile, generate));
    }

    static byte[] resolve(@Nullable String masterKey, @Nullable String keyFile, boolean generate) throws IOException {
        if (masterKey != null && !masterKey.isBlank()) {
            return Base64.getDecoder().decode(masterKey.trim());
        }
        if (keyFile != null && !keyFile.isBlank()) {
            Path path = Path.of(keyFile);
            if (Files.exists(path)) {
                return Base64.getDecoder().decode(Files.readString(path).trim());
            }
            if (generate) {
                byte[] key = new byte[32];
                new SecureRandom().nextBytes(key);
                Path parent = path.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                Files.writeString(path, Base64.getEncoder().encodeToString(key));
                try {
                    Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // Windows: the file stays with the folder's permissions.
                }
                return key;
            }
        }
        throw new IllegalStateException("No master key: set URA_MASTER_KEY to 32 random bytes in base64"
                + " (for example: openssl rand -base64 32), or URA_MASTER_KEY_FILE to a file holding them.");
    }
}
