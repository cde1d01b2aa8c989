package al.ura.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import al.ura.directory.OrganisationView;
import al.ura.testing.DatabaseTest;
import jakarta.servlet.http.Cookie;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/** Signing in through the form: password, then TOTP; the lockout; sessions in the database. */
@DatabaseTest
class SignInFlowTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    IdentityFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AccountService accounts;

    @Test
    void passwordThenTotpGivesAFullSessionUnderANewId() {
        OrganisationView organisation = fixtures.organisation();
        IdentityFixtures.TestUser admin = fixtures.user(organisation, IdentityFixtures.ORGANISATION_ADMIN);

        MvcTestResult password = signIn(admin.email(), IdentityFixtures.PASSWORD);
        assertThat(password).hasStatus(302).headers().hasValue("Location", "/login/second-factor");
        Cookie pending = sessionCookie(password);

        // Half signed in: nothing but the next step.
        assertThat(mvc.get().uri("/").cookie(pending).exchange())
                .hasStatus(302)
                .headers()
                .hasValue("Location", "/login/second-factor");
        assertThat(mvc.get().uri("/api/v1/me").cookie(pending).exchange()).hasStatus(403);

        MvcTestResult wrong = mvc.post()
                .uri("/login/second-factor")
                .cookie(pending)
                .param("code", "000000")
                .with(csrf())
                .exchange();
        assertThat(wrong).hasStatus(422);

        MvcTestResult code = mvc.post()
                .uri("/login/second-factor")
                .cookie(pending)
                .param("code", IdentityFixtures.codeAt(Instant.now()))
                .with(csrf())
                .exchange();
        assertThat(code).hasStatus(302).headers().hasValue("Location", "/");
        Cookie full = sessionCookie(code);
        assertThat(full.getValue()).isNotEqualTo(pending.getValue());

        MvcTestResult me = mvc.get().uri("/api/v1/me").cookie(full).exchange();
        assertThat(me).hasStatusOk();
        assertThat(me)
                .bodyJson()
                .extractingPath("$.userId")
                .isEqualTo(admin.id().toString());
        assertThat(mvc.get().uri("/api/v1/me").cookie(pending).exchange()).hasStatus(401);
        assertThat(count(
                        "SELECT COUNT(*) FROM audit_entries WHERE action = 'identity.login.succeeded' AND actor_user_id = ?",
                        admin))
                .isEqualTo(1);
    }

    @Test
    void aCodeWorksOnlyOnce() {
        IdentityFixtures.TestUser admin = fixtures.user(fixtures.organisation(), IdentityFixtures.AUDITOR);
        String code = IdentityFixtures.codeAt(Instant.now());

        Cookie first = sessionCookie(signIn(admin.email(), IdentityFixtures.PASSWORD));
        assertThat(mvc.post()
                        .uri("/login/second-factor")
                        .cookie(first)
                        .param("code", code)
                        .with(csrf())
                        .exchange())
                .hasStatus(302);
        Cookie second = sessionCookie(signIn(admin.email(), IdentityFixtures.PASSWORD));
        assertThat(mvc.post()
                        .uri("/login/second-factor")
                        .cookie(second)
                        .param("code", code)
                        .with(csrf())
                        .exchange())
                .hasStatus(422);
    }

    @Test
    void aRecoveryCodeStandsInForALostAuthenticatorOnce() {
        IdentityFixtures.TestUser admin = fixtures.user(fixtures.organisation(), IdentityFixtures.ORGANISATION_ADMIN);
        String recovery = accounts.regenerateRecoveryCodes(admin.actor()).getFirst();

        Cookie first = sessionCookie(signIn(admin.email(), IdentityFixtures.PASSWORD));
        assertThat(mvc.post()
                        .uri("/login/second-factor")
                        .cookie(first)
                        .param("code", recovery.toUpperCase(java.util.Locale.ROOT))
                        .with(csrf())
                        .exchange())
                .hasStatus(302)
                .headers()
                .hasValue("Location", "/");
        Cookie second = sessionCookie(signIn(admin.email(), IdentityFixtures.PASSWORD));
        assertThat(mvc.post()
                        .uri("/login/second-factor")
                        .cookie(second)
                        .param("code", recovery)
                        .with(csrf())
                        .exchange())
                .hasStatus(422);
        assertThat(accounts.remainingRecoveryCodes(admin.actor())).isEqualTo(RecoveryCodes.COUNT - 1);
        assertThat(count(
                        "SELECT COUNT(*) FROM audit_entries WHERE action = 'identity.login.succeeded' AND actor_user_id = ?"
                                + " AND details LIKE '%recovery-code%'",
                        admin))
                .isEqualTo(1);
    }

    @Test
    void aMemberWithoutConfidentialRolesNeedsNoSecondFactor() {
        IdentityFixtures.TestUser member = fixtures.user(fixtures.organisation());

        MvcTestResult result = signIn(member.email(), IdentityFixtures.PASSWORD);

        assertThat(result).hasStatus(302).headers().hasValue("Location", "/");
        assertThat(mvc.get().uri("/api/v1/me").cookie(sessionCookie(result)).exchange())
                .hasStatusOk();
    }

    @Test
    void aConfidentialRoleWithoutAnAuthenticatorMustEnrolFirst() {
        IdentityFixtures.TestUser admin =
                fixtures.user(fixtures.organisation(), false, IdentityFixtures.ORGANISATION_ADMIN);

        MvcTestResult result = signIn(admin.email(), IdentityFixtures.PASSWORD);

        assertThat(result).hasStatus(302).headers().hasValue("Location", "/account/second-factor/enrol");
        Cookie pending = sessionCookie(result);
        assertThat(mvc.get().uri("/admin/users").cookie(pending).exchange())
                .hasStatus(302)
                .headers()
                .hasValue("Location", "/account/second-factor/enrol");
        MvcTestResult enrol =
                mvc.get().uri("/account/second-factor/enrol").cookie(pending).exchange();
        assertThat(enrol).hasStatusOk();
        assertThat(enrol).bodyText().contains("data:image/svg+xml;base64,");
    }

    @Test
    void fiveWrongPasswordsLockTheAccountEvenAgainstTheRightOne() {
        IdentityFixtures.TestUser user = fixtures.user(fixtures.organisation());

        for (int i = 0; i < 4; i++) {
            assertThat(signIn(user.email(), "wrong-password-" + i)).headers().hasValue("Location", "/login?error=bad");
        }
        assertThat(signIn(user.email(), "wrong-password-5")).headers().hasValue("Location", "/login?error=locked");
        assertThat(signIn(user.email(), IdentityFixtures.PASSWORD))
                .headers()
                .hasValue("Location", "/login?error=locked");

        assertThat(count(
                        "SELECT COUNT(*) FROM audit_entries WHERE action = 'identity.login.failed' AND outcome = 'DONE'"
                                + " AND actor_user_id = ? AND details LIKE '%\"locked\":\"true\"%'",
                        user))
                .isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM app_user WHERE id = ? AND locked_until IS NOT NULL", user))
                .isEqualTo(1);
    }

    @Test
    void anUnknownEmailIsAnsweredLikeAWrongPassword() {
        assertThat(signIn("nobody-" + System.nanoTime() + "@test.example", "whatever-password"))
                .hasStatus(302)
                .headers()
                .hasValue("Location", "/login?error=bad");
    }

    @Test
    void sessionsLiveInTheDatabaseAndEndEverywhere() {
        IdentityFixtures.TestUser member = fixtures.user(fixtures.organisation());
        Cookie laptop = sessionCookie(signIn(member.email(), IdentityFixtures.PASSWORD));
        Cookie phone = sessionCookie(signIn(member.email(), IdentityFixtures.PASSWORD));
        assertThat(count("SELECT COUNT(*) FROM SPRING_SESSION WHERE PRINCIPAL_NAME = ?", member))
                .isEqualTo(2);

        MvcTestResult out = mvc.post()
                .uri("/account/logout-everywhere")
                .cookie(laptop)
                .with(csrf())
                .exchange();

        assertThat(out).hasStatus(302).headers().hasValue("Location", "/login?signedOutEverywhere");
        assertThat(count("SELECT COUNT(*) FROM SPRING_SESSION WHERE PRINCIPAL_NAME = ?", member))
                .isZero();
        assertThat(mvc.get().uri("/api/v1/me").cookie(phone).exchange()).hasStatus(401);
        assertThat(count(
                        "SELECT COUNT(*) FROM audit_entries WHERE action = 'identity.sessions.revoked' AND actor_user_id = ?",
                        member))
                .isEqualTo(1);
    }

    @Test
    void signingOutIsRecorded() {
        IdentityFixtures.TestUser member = fixtures.user(fixtures.organisation());
        Cookie session = sessionCookie(signIn(member.email(), IdentityFixtures.PASSWORD));

        assertThat(mvc.post().uri("/logout").cookie(session).with(csrf()).exchange())
                .hasStatus(302)
                .headers()
                .hasValue("Location", "/login?signedOut");
        assertThat(count(
                        "SELECT COUNT(*) FROM audit_entries WHERE action = 'identity.logout' AND actor_user_id = ?",
                        member))
                .isEqualTo(1);
    }

    private MvcTestResult signIn(String email, String password) {
        return mvc.post()
                .uri("/login")
                .param("email", email)
                .param("password", password)
                .with(csrf())
                .exchange();
    }

    private static Cookie sessionCookie(MvcTestResult result) {
        Cookie cookie = result.getResponse().getCookie("SESSION");
        assertThat(cookie).as("a SESSION cookie").isNotNull();
        return cookie;
    }

    private long count(String sql, IdentityFixtures.TestUser user) {
        Object parameter = sql.contains("PRINCIPAL_NAME") ? user.id().toString() : user.id();
        return jdbc.sql(sql).param(parameter).query(Long.class).single();
    }
}
