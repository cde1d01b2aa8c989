package al.ura.requests;

import static al.ura.requests.RequestsApi.BASE;
import static al.ura.requests.RequestsApi.as;
import static al.ura.requests.RequestsApi.bearer;
import static org.assertj.core.api.Assertions.assertThat;

import al.ura.directory.OrganisationView;
import al.ura.identity.IdentityFixtures;
import al.ura.identity.IdentityFixtures.TestUser;
import al.ura.requests.RequestFixtures.World;
import al.ura.requests.RequestsApi.Reply;
import al.ura.testing.DatabaseTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.json.JsonMapper;

/**
 * The refusals, for every endpoint that touches a request: people of an unrelated organisation
 * (and the platform operator's analyst) are told it does not exist; people of the right
 * organisation without a request role likewise; each side is refused the other side's actions;
 * an expired token gets no further than the filter. Every refusal is in the ledger as DENIED and
 * changes nothing. Also: four eyes on authorisation, and a provider does not see a request before
 * it is sent.
 */
@DatabaseTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RequestDenyPathTest {

    /** Whose endpoint it is: either side's, the requester's request staff's, the authoriser's or the provider's. */
    enum Owner {
        BOTH,
        REQUESTER,
        AUTHORISER,
        PROVIDER
    }

    /** The bodies the endpoints accept, so that a refusal is never a refusal of the body. */
    enum Body {
        NONE,
        DRAFT,
        TEXT,
        ANSWER,
        REFUSAL,
        FEEDBACK,
        CLAIM,
        DECISION,
        UPLOAD
    }

    /** An endpoint under {@code /api/v1/requests/{id}} and the action its refusal is recorded under. */
    record Endpoint(HttpMethod method, String path, Body body, String action, Owner owner) {
        @Override
        public String toString() {
            return method + " {id}" + path;
        }
    }

    private static final UUID CLAIM = UUID.randomUUID();
    private static final UUID FILE = UUID.randomUUID();

    static List<Endpoint> endpoints() {
        return List.of(
                new Endpoint(HttpMethod.GET, "", Body.NONE, "requests.request.read", Owner.BOTH),
                new Endpoint(HttpMethod.PUT, "", Body.DRAFT, "requests.request.update", Owner.REQUESTER),
                new Endpoint(HttpMethod.GET, "/check", Body.NONE, "requests.request.check", Owner.REQUESTER),
                new Endpoint(HttpMethod.POST, "/submission", Body.NONE, "requests.request.submit", Owner.REQUESTER),
                new Endpoint(
                        HttpMethod.POST, "/authorisation", Body.NONE, "requests.request.authorise", Owner.AUTHORISER),
                new Endpoint(HttpMethod.POST, "/return", Body.TEXT, "requests.request.return", Owner.AUTHORISER),
                new Endpoint(HttpMethod.POST, "/withdrawal", Body.TEXT, "requests.request.withdraw", Owner.REQUESTER),
                new Endpoint(HttpMethod.POST, "/clarification", Body.TEXT, "requests.request.clarify", Owner.REQUESTER),
                new Endpoint(HttpMethod.POST, "/closure", Body.NONE, "requests.request.close", Owner.REQUESTER),
                new Endpoint(
                        HttpMethod.POST, "/acknowledgement", Body.NONE, "requests.request.acknowledge", Owner.PROVIDER),
                new Endpoint(
                        HttpMethod.POST,
                        "/clarification-request",
                        Body.TEXT,
                        "requests.request.ask-clarification",
                        Owner.PROVIDER),
                new Endpoint(HttpMethod.POST, "/start", Body.NONE, "requests.request.start", Owner.PROVIDER),
                new Endpoint(HttpMethod.POST, "/answer", Body.ANSWER, "requests.request.answer", Owner.PROVIDER),
                new Endpoint(HttpMethod.POST, "/refusal", Body.REFUSAL, "requests.request.refuse", Owner.PROVIDER),
                new Endpoint(HttpMethod.GET, "/answer", Body.NONE, "requests.answer.read", Owner.BOTH),
                new Endpoint(
                        HttpMethod.POST,
                        "/preservation/extension",
                        Body.NONE,
                        "requests.preservation.extend",
                        Owner.REQUESTER),
                new Endpoint(
                        HttpMethod.POST,
                        "/preservation/release",
                        Body.NONE,
                        "requests.preservation.release",
                        Owner.REQUESTER),
                new Endpoint(HttpMethod.GET, "/history", Body.NONE, "requests.request.history", Owner.BOTH),
                new Endpoint(HttpMethod.GET, "/overlaps", Body.NONE, "requests.request.overlaps", Owner.REQUESTER),
                new Endpoint(HttpMethod.GET, "/comments", Body.NONE, "requests.comment.list", Owner.BOTH),
                new Endpoint(HttpMethod.POST, "/comments", Body.TEXT, "requests.comment.create", Owner.BOTH),
                new Endpoint(HttpMethod.GET, "/feedback", Body.NONE, "requests.feedback.list", Owner.BOTH),
                new Endpoint(HttpMethod.POST, "/feedback", Body.FEEDBACK, "requests.feedback.create", Owner.BOTH),
                new Endpoint(HttpMethod.GET, "/cost-claims", Body.NONE, "requests.cost.list", Owner.BOTH),
                new Endpoint(HttpMethod.POST, "/cost-claims", Body.CLAIM, "requests.cost.create", Owner.PROVIDER),
                new Endpoint(
                        HttpMethod.POST,
                        "/cost-claims/" + CLAIM + "/decision",
                        Body.DECISION,
                        "requests.cost.decide",
                        Owner.AUTHORISER),
                new Endpoint(HttpMethod.GET, "/attachments", Body.NONE, "requests.attachment.list", Owner.BOTH),
                new Endpoint(HttpMethod.POST, "/attachments", Body.UPLOAD, "requests.attachment.create", Owner.BOTH),
                new Endpoint(HttpMethod.GET, "/attachments/" + FILE, Body.NONE, "requests.attachment.read", Owner.BOTH),
                new Endpoint(HttpMethod.GET, "/signed", Body.NONE, "requests.request.export", Owner.BOTH),
                new Endpoint(HttpMethod.GET, "/letter.pdf", Body.NONE, "requests.request.read", Owner.BOTH));
    }

    static Stream<Endpoint> providerEndpoints() {
        return endpoints().stream().filter(e -> e.owner() == Owner.PROVIDER);
    }

    static Stream<Endpoint> requesterEndpoints() {
        return endpoints().stream().filter(e -> e.owner() == Owner.REQUESTER || e.owner() == Owner.AUTHORISER);
    }

    static Stream<Endpoint> authoriserEndpoints() {
        return endpoints().stream().filter(e -> e.owner() == Owner.AUTHORISER);
    }

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RequestFixtures fixtures;

    @Autowired
    IdentityFixtures people;

    RequestsApi api;
    RequestLedger ledger;
    World world;
    UUID id;
    World otherPolice;
    World otherProvider;
    TestUser analyst;
    TestUser requesterMember;
    TestUser providerMember;
    String expiredRequesterToken;
    String expiredProviderToken;

    @BeforeAll
    void aSentRequestAndPeopleAroundIt() {
        api = new RequestsApi(mvc, json);
        ledger = new RequestLedger(jdbc);
        world = fixtures.world();
        id = fixtures.submitted(world).id();
        otherPolice = fixtures.world();
        otherProvider = fixtures.world();
        OrganisationView operator = people.organisation();
        analyst = people.user(operator, RequestsConfiguration.ANALYST);
        requesterMember = people.user(world.police());
        providerMember = people.user(world.provider());
        Instant expired = Instant.now().minus(Duration.ofMinutes(1));
        expiredRequesterToken =
                people.token(world.police(), Set.of(RequestPermissions.DRAFT, RequestPermissions.AUTHORISE), expired);
        expiredProviderToken =
                people.token(world.provider(), Set.of(RequestPermissions.HANDLE, RequestPermissions.LEAD), expired);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void anotherOrganisationsPeopleAndTheOperatorsAnalystAreToldItDoesNotExist(Endpoint endpoint) {
        for (TestUser stranger : List.of(otherPolice.authoriser(), otherProvider.lead(), analyst)) {
            refused(endpoint, stranger, 404, "/problems/not-found");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void aMemberOfEitherSideWithoutARequestRoleIsToldItDoesNotExist(Endpoint endpoint) {
        for (TestUser member : List.of(requesterMember, providerMember)) {
            refused(endpoint, member, 404, "/problems/not-found");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("providerEndpoints")
    void theRequestersOfficerIsRefusedTheProvidersActions(Endpoint endpoint) {
        refused(endpoint, world.officer(), 403, "/problems/forbidden");
        refused(endpoint, world.authoriser(), 403, "/problems/forbidden");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requesterEndpoints")
    void theProvidersComplianceStaffIsToldTheRequestersActionsDoNotExist(Endpoint endpoint) {
        refused(endpoint, world.compliance(), 404, "/problems/not-found");
        refused(endpoint, world.lead(), 404, "/problems/not-found");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("authoriserEndpoints")
    void anOfficerWithoutTheAuthorisersRoleIsRefusedItsActions(Endpoint endpoint) {
        refused(endpoint, world.officer(), 403, "/problems/forbidden");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void anExpiredTokenOfEitherSideIsRefusedBeforeAnything(Endpoint endpoint) {
        Map<UUID, String> tokens = Map.of(
                world.police().id(), expiredRequesterToken, world.provider().id(), expiredProviderToken);
        for (Map.Entry<UUID, String> token : tokens.entrySet()) {
            String uri = BASE + "/" + id + endpoint.path();
            long before = ledger.tokenRefusals(token.getKey(), "expired", uri + "\"");
            String state = state();

            Reply reply = call(endpoint, bearer(token.getValue()));

            assertThat(reply.status()).as(endpoint + ": " + reply.body()).isEqualTo(401);
            assertThat(reply.type()).isEqualTo("/problems/invalid-token");
            assertThat(ledger.tokenRefusals(token.getKey(), "expired", uri + "\""))
                    .as("refusals of the token on " + endpoint)
                    .isEqualTo(before + 1);
            assertThat(state()).isEqualTo(state);
        }
    }

    @Test
    void theAnalystReadsTheNationalFiguresButNoOneElsesContent() {
        String period = "from=" + Instant.now().minus(Duration.ofDays(1)) + "&to="
                + Instant.now().plus(Duration.ofDays(1));
        Reply national = api.get(as(analyst), BASE + "/statistics?scope=national&" + period)
                .expect(200);
        assertThat(national.at("/total").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(national.body()).doesNotContain(world.officer().email(), "phishing", "203.0.113.25");
        api.get(
                        as(analyst),
                        BASE + "/statistics?scope=provider&organisation="
                                + world.provider().id() + "&" + period)
                .expect(200);
        assertThat(ledger.count(
                        "SELECT COUNT(*) FROM audit_entries WHERE action = 'requests.statistics.read' AND outcome = 'DONE'"
                                + " AND actor_user_id = ?",
                        analyst.id()))
                .isEqualTo(2);

        // The country's figures are the operator's; another provider's are not anyone's but its own.
        api.get(as(world.officer()), BASE + "/statistics?scope=national&" + period)
                .expect(403);
        api.get(
                        as(otherProvider.lead()),
                        BASE + "/statistics?scope=provider&organisation="
                                + world.provider().id() + "&" + period)
                .expect(403);
        api.get(as(world.lead()), BASE + "/statistics?scope=provider&" + period).expect(200);
        assertThat(ledger.count(
                        "SELECT COUNT(*) FROM audit_entries WHERE action = 'requests.statistics.read' AND outcome = 'DENIED'"
                                + " AND actor_user_id IN (?, ?)",
                        world.officer().id(),
                        otherProvider.lead().id()))
                .isEqualTo(2);

        // Nor the oral emergencies, nor the inbox or outbox of anyone.
        UUID oral = logOral();
        long before = ledger.denied(analyst.id(), "requests.oral.read", oral);
        api.get(as(analyst), BASE + "/oral/{id}", oral).expect(404);
        api.get(as(otherPolice.officer()), BASE + "/oral/{id}", oral).expect(404);
        assertThat(ledger.denied(analyst.id(), "requests.oral.read", oral)).isEqualTo(before + 1);
        api.get(as(analyst), BASE + "/inbox").expect(403);
        api.get(as(analyst), BASE + "/outbox").expect(403);
    }

    @Test
    void anAuthoriserCannotAuthoriseTheirOwnRequest() {
        TestUser drafting = people.user(world.police(), RequestsConfiguration.AUTHORISER);
        UUID own =
                api.post(as(drafting), fixtures.draft(world), BASE).expect(201).id();
        api.post(as(drafting), null, BASE + "/{id}/submission", own).expect(200);

        Reply refused =
                api.post(as(drafting), null, BASE + "/{id}/authorisation", own).expect(403);
        assertThat(refused.type()).isEqualTo("/problems/forbidden");
        assertThat(ledger.count(
                        "SELECT COUNT(*) FROM audit_entries WHERE action = 'requests.request.authorise' AND outcome = 'DENIED'"
                                + " AND actor_user_id = ? AND object_id = ? AND details LIKE '%own-request%'",
                        drafting.id(), own.toString()))
                .isEqualTo(1);
        Reply still = api.get(as(drafting), BASE + "/{id}", own).expect(200);
        assertThat(still.text("/request/status")).isEqualTo("AWAITING_AUTHORISATION");
        assertThat(still.at("/signature/signed").asBoolean()).isFalse();

        assertThat(api.post(as(world.authoriser()), null, BASE + "/{id}/authorisation", own)
                        .expect(200)
                        .text("/status"))
                .isEqualTo("SUBMITTED");
    }

    @Test
    void aMachineTokenMayDraftButNotAuthorise() {
        String token = people.token(world.police(), Set.of(RequestPermissions.DRAFT, RequestPermissions.AUTHORISE));
        UUID drafted =
                api.post(bearer(token), fixtures.draft(world), BASE).expect(201).id();
        api.post(bearer(token), null, BASE + "/{id}/submission", drafted).expect(200);
        UUID fromAnOfficer = api.post(as(world.officer()), fixtures.draft(world), BASE)
                .expect(201)
                .id();
        api.post(as(world.officer()), null, BASE + "/{id}/submission", fromAnOfficer)
                .expect(200);

        // Authorising signs with the organisation's key: a designated person does it (§22), not a program.
        for (UUID request : List.of(drafted, fromAnOfficer)) {
            assertThat(api.post(bearer(token), null, BASE + "/{id}/authorisation", request)
                            .expect(403)
                            .type())
                    .isEqualTo("/problems/forbidden");
            assertThat(ledger.count(
                            "SELECT COUNT(*) FROM audit_entries WHERE action = 'requests.request.authorise'"
                                    + " AND outcome = 'DENIED' AND actor_kind = 'API_TOKEN' AND object_id = ?"
                                    + " AND details LIKE '%not-a-person%'",
                            request.toString()))
                    .isEqualTo(1);
            assertThat(api.get(as(world.officer()), BASE + "/{id}", request).text("/request/status"))
                    .isEqualTo("AWAITING_AUTHORISATION");
        }
        assertThat(api.post(as(world.authoriser()), null, BASE + "/{id}/authorisation", drafted)
                        .expect(200)
                        .text("/status"))
                .isEqualTo("SUBMITTED");
    }

    @Test
    void aProviderDoesNotSeeARequestBeforeItIsSent() {
        UUID draft = api.post(as(world.officer()), fixtures.draft(world), BASE)
                .expect(201)
                .id();
        providerSeesNothing(draft);

        api.post(as(world.officer()), null, BASE + "/{id}/submission", draft).expect(200);
        providerSeesNothing(draft);

        api.post(
                        as(world.authoriser()),
                        RequestsApi.text("The legal basis is the wrong article."),
                        BASE + "/{id}/return",
                        draft)
                .expect(200);
        providerSeesNothing(draft);

        api.post(as(world.officer()), null, BASE + "/{id}/submission", draft).expect(200);
        api.post(as(world.authoriser()), null, BASE + "/{id}/authorisation", draft)
                .expect(200);
        assertThat(api.get(as(world.compliance()), BASE + "/{id}", draft)
                        .expect(200)
                        .text("/request/status"))
                .isEqualTo("RECEIVED");
    }

    @Test
    void theProviderDoesNotSeeTheRequestersDraftingNotesNorWhyItsAuthoriserReturnedIt() {
        UUID request = api.post(as(world.officer()), fixtures.draft(world), BASE)
                .expect(201)
                .id();
        api.post(
                        as(world.officer()),
                        RequestsApi.text("Ask the prosecutor about the second account."),
                        BASE + "/{id}/comments",
                        request)
                .expect(201);
        api.post(as(world.officer()), null, BASE + "/{id}/submission", request).expect(200);
        String returned = "Wrong article: this is 191/a, not 221.";
        api.post(as(world.authoriser()), RequestsApi.text(returned), BASE + "/{id}/return", request)
                .expect(200);
        api.post(as(world.officer()), null, BASE + "/{id}/submission", request).expect(200);
        api.post(as(world.authoriser()), null, BASE + "/{id}/authorisation", request)
                .expect(200);
        api.post(
                        as(world.officer()),
                        RequestsApi.text("Sent: please treat it first."),
                        BASE + "/{id}/comments",
                        request)
                .expect(201);

        Reply theirs =
                api.get(as(world.compliance()), BASE + "/{id}/history", request).expect(200);
        assertThat(theirs.texts("", "kind")).containsExactly("authorised");
        assertThat(theirs.body()).doesNotContain(returned);
        assertThat(api.get(as(world.compliance()), BASE + "/{id}/comments", request)
                        .texts("", "body"))
                .containsExactly("Sent: please treat it first.");

        Reply ours =
                api.get(as(world.officer()), BASE + "/{id}/history", request).expect(200);
        assertThat(ours.texts("", "kind"))
                .containsExactly(
                        "created", "sent-for-authorisation", "returned", "sent-for-authorisation", "authorised");
        assertThat(ours.texts("", "note")).contains(returned);
        assertThat(api.get(as(world.officer()), BASE + "/{id}/comments", request)
                        .texts("", "body"))
                .containsExactly("Ask the prosecutor about the second account.", "Sent: please treat it first.");
    }

    // ---- helpers ----

    private void providerSeesNothing(UUID request) {
        for (String path : List.of("", "/history", "/answer", "/signed", "/comments")) {
            long before = ledger.deniedAny(world.compliance().id());
            assertThat(api.get(as(world.compliance()), BASE + "/{id}" + path, request)
                            .status())
                    .as(path)
                    .isEqualTo(404);
            assertThat(ledger.deniedAny(world.compliance().id())).isEqualTo(before + 1);
        }
        api.post(as(world.compliance()), null, BASE + "/{id}/acknowledgement", request)
                .expect(404);
        assertThat(api.get(as(world.compliance()), BASE + "/inbox").expect(200).texts("/items", "id"))
                .doesNotContain(request.toString());
    }

    /** Calls {@code endpoint} as {@code who}; expects the refusal, exactly one DENIED entry for it and nothing changed. */
    private void refused(Endpoint endpoint, TestUser who, int status, String type) {
        long before = ledger.denied(who.id(), endpoint.action(), id);
        String state = state();

        Reply reply = call(endpoint, as(who));

        assertThat(reply.status())
                .as(endpoint + " as " + who.email() + ": " + reply.body())
                .isEqualTo(status);
        assertThat(reply.type()).as(endpoint + " problem type").isEqualTo(type);
        assertThat(ledger.denied(who.id(), endpoint.action(), id))
                .as("DENIED entries of " + endpoint.action() + " for " + endpoint)
                .isEqualTo(before + 1);
        assertThat(state()).as("the request after " + endpoint).isEqualTo(state);
    }

    private Reply call(Endpoint endpoint, RequestPostProcessor who) {
        String uri = BASE + "/{id}" + endpoint.path();
        if (endpoint.body() == Body.UPLOAD) {
            return api.upload(who, "order.txt", "Urdhri i prokurorit".getBytes(StandardCharsets.UTF_8), uri, id);
        }
        return api.call(endpoint.method(), who, body(endpoint.body()), Map.of(), uri, id);
    }

    private @Nullable Object body(Body body) {
        return switch (body) {
            case NONE, UPLOAD -> null;
            case DRAFT -> fixtures.draft(world);
            case TEXT -> RequestsApi.text("A text long enough for every endpoint that takes one.");
            case ANSWER ->
                Map.of(
                        "complete",
                        true,
                        "items",
                        List.of(Map.of("position", 0, "found", true, "records", "Fictional subscriber")));
            case REFUSAL ->
                Map.of(
                        "impossible",
                        false,
                        "reason",
                        "TOO_BROAD",
                        "explanation",
                        "The range covers every customer of the address.");
            case FEEDBACK -> Map.of("rating", 4);
            case CLAIM -> Map.of("amount", "10.00", "currency", "EUR", "description", "Retrieval");
            case DECISION -> Map.of("approve", true);
        };
    }

    /** Everything a refusal must leave as it was: the request's row and how much hangs off it. */
    private String state() {
        return jdbc.sql(
                        "SELECT r.status || '/' || r.version || '/' || COALESCE(CAST(r.received_at AS VARCHAR(40)), '-')"
                                + " || '/' || (SELECT COUNT(*) FROM request_event e WHERE e.request_id = r.id)"
                                + " || '/' || (SELECT COUNT(*) FROM request_comment c WHERE c.request_id = r.id)"
                                + " || '/' || (SELECT COUNT(*) FROM request_attachment a WHERE a.request_id = r.id)"
                                + " || '/' || (SELECT COUNT(*) FROM cost_claim k WHERE k.request_id = r.id)"
                                + " || '/' || (SELECT COUNT(*) FROM request_feedback f WHERE f.request_id = r.id)"
                                + " FROM legal_request r WHERE r.id = ?")
                .param(id)
                .query(String.class)
                .single();
    }

    private UUID logOral() {
        return api.post(
                        as(world.officer()),
                        Map.of(
                                "providerId", world.provider().id(),
                                "callerName", "Officer Test",
                                "calledContact", "Desk EMERGENCY_24_7",
                                "asked", "Who was behind 203.0.113.25:51234 an hour ago?"),
                        BASE + "/oral")
                .expect(201)
                .id();
    }
}
