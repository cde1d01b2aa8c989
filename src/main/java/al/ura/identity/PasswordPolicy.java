package al.ura.identity;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.zip.GZIPInputStream;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * What a password must be: at least 12 and at most 128 characters, not one of the passwords most
 * often found in breaches (the 1M most common from SecLists, MIT licence, those of 12 or more
 * characters), and not the person's e-mail address. Returns the message key of the first rule broken.
 */
@Component
class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 128;

    private final Set<String> common;

    PasswordPolicy() throws IOException {
        Set<String> words = new HashSet<>(64_000);
        try (InputStream in = new GZIPInputStream(
                        new ClassPathResource("identity/common-passwords.txt.gz").getInputStream());
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                words.add(line);
            }
        }
        this.common = Set.copyOf(words);
    }

    Optional<String> violation(String password, String email) {
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return Optional.of("validation.password.too-short");
        }
        if (length > MAX_LENGTH) {
            return Optional.of("validation.password.too-long");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (common.contains(lower)) {
            return Optional.of("validation.password.common");
        }
        String local = email.toLowerCase(Locale.ROOT);
        int at = local.indexOf('@');
        if (lower.equals(local) || (at > 3 && lower.contains(local.substring(0, at)))) {
            return Optional.of("validation.password.like-email");
        }
        if (lower.chars().distinct().count() < 4) {
            return Optional.of("validation.password.repetitive");
        }
        return Optional.empty();
    }
}
