package al.ura.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** RFC 6238 appendix B's SHA-1 vectors, truncated to the 6 digits authenticator apps show. */
class TotpTest {

    private static final byte[] RFC_SECRET = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @Test
    void matchesTheRfcTestVectors() {
        assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(59)))).isEqualTo("287082");
        assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(1111111109))))
                .isEqualTo("081804");
        assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(1234567890))))
                .isEqualTo("005924");
        assertThat(Totp.code(RFC_SECRET, Totp.step(Instant.ofEpochSecond(2000000000))))
                .isEqualTo("279037");
    }

    @Test
    void acceptsOneStepOfDriftAndNeverTheSameStepTwice() {
        Instant now = Instant.ofEpochSecond(1234567890);
        long step = Totp.step(now);
        String previous = Totp.code(RFC_SECRET, step - 1);
        String current = Totp.code(RFC_SECRET, step);
        String tooOld = Totp.code(RFC_SECRET, step - 2);

        assertThat(Totp.matchingStep(RFC_SECRET, previous, now, 0)).hasValue(step - 1);
        assertThat(Totp.matchingStep(RFC_SECRET, current, now, 0)).hasValue(step);
        assertThat(Totp.matchingStep(RFC_SECRET, " " + current.substring(0, 3) + " " + current.substring(3), now, 0))
                .hasValue(step);
        assertThat(Totp.matchingStep(RFC_SECRET, tooOld, now, 0)).isEmpty();
        assertThat(Totp.matchingStep(RFC_SECRET, current, now, step))
                .as("replayed")
                .isEmpty();
        assertThat(Totp.matchingStep(RFC_SECRET, "12345", now, 0)).isEmpty();
        assertThat(Totp.matchingStep(RFC_SECRET, "abcdef", now, 0)).isEmpty();
    }

    @Test
    void base32RoundTripsAndMatchesTheKnownEncoding() {
        assertThat(Totp.base32("12345678901234567890".getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ");
        byte[] secret = Totp.newSecret();
        assertThat(Totp.fromBase32(Totp.base32(secret))).isEqualTo(secret);
        assertThat(Totp.fromBase32("gezd gnbv gy3t qojq gezd gnbv gy3t qojq")).isEqualTo(RFC_SECRET);
    }

    @Test
    void theEnrolmentUriNamesIssuerAndAccount() {
        assertThat(Totp.otpauthUri("Ura", "a.b@test.example", RFC_SECRET))
                .isEqualTo("otpauth://totp/Ura:a.b%40test.example?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Ura"
                        + "&algorithm=SHA1&digits=6&period=30");
    }
}
