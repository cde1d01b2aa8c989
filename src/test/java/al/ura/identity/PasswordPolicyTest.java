package al.ura.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private final PasswordPolicy policy;

    PasswordPolicyTest() throws IOException {
        policy = new PasswordPolicy();
    }

    @Test
    void refusesWeakPasswordsWithAReasonEach() {
        assertThat(policy.violation("short-one", "a@b.example")).hasValue("validation.password.too-short");
        assertThat(policy.violation("x".repeat(129) + "yz", "a@b.example")).hasValue("validation.password.too-long");
        assertThat(policy.violation("password1234", "a@b.example")).hasValue("validation.password.common");
        assertThat(policy.violation("PASSWORD1234", "a@b.example")).hasValue("validation.password.common");
        assertThat(policy.violation("drita.hoxha-2026!", "drita.hoxha@policia.example"))
                .hasValue("validation.password.like-email");
        assertThat(policy.violation("abababababababab", "a@b.example")).hasValue("validation.password.repetitive");
    }

    @Test
    void acceptsALongPassphrase() {
        assertThat(policy.violation("ura mbi lumin e kaltër 7", "a@b.example")).isEmpty();
        assertThat(policy.violation(IdentityFixtures.PASSWORD, "user@test.example"))
                .isEmpty();
    }
}
