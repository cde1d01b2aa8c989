package al.ura.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import al.ura.directory.OrganisationView;
import al.ura.testing.DatabaseTest;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

/**
 * The refusals: another organisation's administrator, a person without the permission, an expired,
 * revoked or unknown token. Each is refused, answers without revealing what exists, and is in the
 * ledger with the outcome DENIED.
 */
@DatabaseTest
class AccessDenyPathTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    IdentityFixtures fixtures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApiTokenService tokens;

    OrganisationView a;
    OrganisationView b;
    IdentityFixtures.TestUser adminA;
    IdentityFixtures.TestUser memberA;
    IdentityFixtures.TestUser userB;

    @BeforeEach
    void twoOrganisations() {
        a = fixtures.organisation();
        b = fixtures.organisation();
        adminA = fixtures.user(a, IdentityFixtures.ORGANISATION_ADMIN);
        memberA = fixtures.user(a);
        userB = fixtures.user(b, IdentityFixtures.ORGANISATION_ADMIN);
    }

    @Test
    void anotherOrganisationsAdministratorCannotSeeAUserThere() {
        var response = mvc.get()
                .uri("/api/v1/users/{id}", userB.id())
                .with(authentication(adminA.authentication()))
                .exchange();

        assertThat(response).hasStatus(404);
        assertThat(response).bodyJson().extractingPath("$.type").isEqualTo("/problems/not-found");
        assertThat(deniedEntries(adminA, "identity.user.read", userB.id().toString()))
                .isEqualTo(1);
    }

    @Test
    void anotherOrganisationsAdministratorCannotListItsUsers() {
        var response = mvc.get()
                .uri("/api/v1/organisations/{id}/users", b.id())
                .with(authentication(adminA.authentication()))
                .exchange();

        assertThat(response).hasStatus(404);
        assertThat(deniedEntries(adminA, "identity.users.list", b.id().toString()))
                .isEqualTo(1);
    }

    @Test
    void anotherOrganisationsAdministratorCannotChangeRolesThere() {
        var response = mvc.put()
                .uri("/api/v1/users/{id}/roles", userB.id())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"roles\":[\"member\"]}")
                .with(authentication(adminA.authentication()))
                .with(csrf())
                .exchange();

        assertThat(response).hasStatus(404);
        assertThat(deniedEntries(
                        adminA, "identity.user.roles.update", userB.id().toString()))
                .isEqualTo(1);
        assertThat(jdbc.sql("SELECT role_code FROM user_role WHERE user_id = ? ORDER BY role_code")
                        .param(userB.id())
                        .query(String.class)
                        .list())
                .containsExactly("member", "organisation-admin");
    }

    @Test
    void theOwnAdministratorCanSeeTheSameKindOfRecord() {
        var response = mvc.get()
                .uri("/api/v1/users/{id}", memberA.id())
                .with(authentication(adminA.authentication()))
                .exchange();

        assertThat(response).hasStatusOk();
        assertThat(response).bodyJson().extractingPath("$.email").isEqualTo(memberA.email());
    }

    @Test
    void aPersonWithoutThePermissionCannotInvite() {
        var response = mvc.post()
                .uri("/api/v1/organisations/{id}/users", a.id())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\":\"new." + UUID.randomUUID() + "@test.example\",\"displayName\":\"New\"}")
                .with(authentication(memberA.authentication()))
                .with(csrf())
                .exchange();

        assertThat(response).hasStatus(404);
        assertThat(deniedEntries(memberA, "identity.user.invite", a.id().toString()))
                .isEqualTo(1);
    }

    @Test
    void aPersonWithoutThePermissionCannotReadTheLedger() {
        var response = mvc.get()
                .uri("/api/v1/audit/entries")
                .with(authentication(memberA.authentication()))
                .exchange();

        assertThat(response).hasStatus(403);
        assertThat(response).bodyJson().extractingPath("$.type").isEqualTo("/problems/forbidden");
        assertThat(deniedEntries(memberA, "audit.ledger.list", null)).isEqualTo(1);
    }

    @Test
    void anExpiredTokenIsRefusedAndRecorded() {
        String expired =
                fixtures.token(a, Set.of("directory.read"), Instant.now().minusSeconds(60));

        var response = mvc.get()
                .uri("/api/v1/me")
                .header("Authorization", "Bearer " + expired)
                .exchange();

        assertThat(response).hasStatus(401);
        assertThat(response).bodyJson().extractingPath("$.type").isEqualTo("/problems/invalid-token");
        assertThat(response).headers().hasValue("WWW-Authenticate", "Bearer error=\"invalid_token\"");
        assertThat(tokenRefusals(a, "expired")).isEqualTo(1);
    }

    @Test
    void aRevokedTokenIsRefusedAndRecorded() {
        String secret = fixtures.token(a, Set.of("directory.read"));
        assertThat(mvc.get().uri("/api/v1/me").header("Authorization", "Bearer " + secret))
                .hasStatusOk();
        UUID tokenId = tokens.list(adminA.actor()).stream()
                .filter(t -> secret.startsWith(t.prefix()))
                .findFirst()
                .orElseThrow()
                .id();

        assertThat(mvc.post()
                        .uri("/api/v1/tokens/{id}/revoke", tokenId)
                        .with(authentication(adminA.authentication()))
                        .with(csrf()))
                .hasStatusOk();
        var response = mvc.get()
                .uri("/api/v1/me")
                .header("Authorization", "Bearer " + secret)
                .exchange();

        assertThat(response).hasStatus(401);
        assertThat(tokenRefusals(a, "revoked")).isEqualTo(1);
    }

    @Test
    void anUnknownTokenIsRefusedAndRecorded() {
        long before = jdbc.sql(
                        "SELECT COUNT(*) FROM audit_entries WHERE action = 'identity.token.refused' AND details LIKE '%\"unknown\"%'")
                .query(Long.class)
                .single();

        var response =
                mvc.get().uri("/api/v1/directory/organisations").header("Authorization", "Bearer ura_not-a-real-token");

        assertThat(response).hasStatus(401);
        assertThat(jdbc.sql(
                                "SELECT COUNT(*) FROM audit_entries WHERE action = 'identity.token.refused' AND details LIKE '%\"unknown\"%'")
                        .query(Long.class)
                        .single())
                .isEqualTo(before + 1);
    }

    @Test
    void aTokenReadsTheApiButOnlyForItsOwnOrganisation() {
        String secret = fixtures.token(a, Set.of("directory.read", IdentityPermissions.USERS_MANAGE));

        var me = mvc.get()
                .uri("/api/v1/me")
                .header("Authorization", "Bearer " + secret)
                .exchange();
        assertThat(me).hasStatusOk();
        assertThat(me).bodyJson().extractingPath("$.organisationId").isEqualTo(a.id().toString());
        assertThat(me).bodyJson().extractingPath("$.kind").isEqualTo("API_TOKEN");
        assertThat(mvc.get()
                        .uri("/api/v1/organisations/{id}/users", a.id())
                        .header("Authorization", "Bearer " + secret))
                .hasStatusOk();

        var other =
                mvc.get().uri("/api/v1/organisations/{id}/users", b.id()).header("Authorization", "Bearer " + secret);
        assertThat(other).hasStatus(404);
        assertThat(jdbc.sql(
                                "SELECT COUNT(*) FROM audit_entries WHERE action = 'identity.users.list' AND outcome = 'DENIED'"
                                        + " AND actor_org_id = ? AND object_id = ?")
                        .params(a.id(), b.id().toString())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void noCredentialsAtAllIsUnauthenticated() {
        var response = mvc.get().uri("/api/v1/me").exchange();

        assertThat(response).hasStatus(401);
        assertThat(response).bodyJson().extractingPath("$.type").isEqualTo("/problems/unauthenticated");
    }

    @Test
    void anAdministratorCannotGrantMoreThanTheyHold() {
        var invite = mvc.post()
                .uri("/api/v1/organisations/{id}/users", a.id())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"email\":\"x." + UUID.randomUUID()
                        + "@test.example\",\"displayName\":\"X\",\"roles\":[\"platform-admin\"]}")
                .with(authentication(adminA.authentication()))
                .with(csrf())
                .exchange();
        assertThat(invite).hasStatus(400);
        assertThat(invite).bodyJson().extractingPath("$.errors[0].field").isEqualTo("roles");

        var users = mvc.get()
                .uri("/api/v1/organisations/{id}/users?limit=500", a.id())
                .with(authentication(adminA.authentication()))
                .exchange();
        assertThat(users).bodyJson().extractingPath("$.items.length()").isEqualTo(2);

        var token = mvc.post()
                .uri("/api/v1/tokens")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"serviceAccountId\":\"" + UUID.randomUUID()
                        + "\",\"name\":\"t\",\"permissions\":[\"audit.read.all\"]}")
                .with(authentication(adminA.authentication()))
                .with(csrf())
                .exchange();
        assertThat(token).hasStatus(400);
        assertThat(token)
                .bodyJson()
                .extractingPath("$.errors[*].field")
                .asArray()
                .contains("permissions", "serviceAccountId");
    }

    @Test
    void anAdministratorCanNeitherGrantNorRemoveARoleBeyondTheirOwn() {
        IdentityFixtures.TestUser auditorA = fixtures.user(a, IdentityFixtures.AUDITOR);

        var response = mvc.put()
                .uri("/api/v1/users/{id}/roles", auditorA.id())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"roles\":[\"member\"]}")
                .with(authentication(adminA.authentication()))
                .with(csrf())
                .exchange();

        assertThat(response).hasStatusOk();
        assertThat(response)
                .bodyJson()
                .extractingPath("$.roles")
                .asArray()
                .containsExactlyInAnyOrder("member", "auditor");
    }

    private long deniedEntries(
            IdentityFixtures.TestUser actor, String action, @org.jspecify.annotations.Nullable String objectId) {
        return jdbc.sql(
                        "SELECT COUNT(*) FROM audit_entries WHERE action = ? AND outcome = 'DENIED' AND actor_user_id = ?"
                                + (objectId == null ? "" : " AND object_id = '" + objectId + "'"))
                .params(action, actor.id())
                .query(Long.class)
                .single();
    }

    private long tokenRefusals(OrganisationView organisation, String reason) {
        return jdbc.sql(
                        "SELECT COUNT(*) FROM audit_entries WHERE action = 'identity.token.refused' AND outcome = 'DENIED'"
                                + " AND subject_org_id = ? AND details LIKE ?")
                .params(organisation.id(), "%\"reason\":\"" + reason + "\"%")
                .query(Long.class)
                .single();
    }
}
