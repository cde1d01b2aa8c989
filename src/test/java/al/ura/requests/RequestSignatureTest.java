package al.ura.requests;

import static al.ura.requests.RequestsApi.BASE;
import static al.ura.requests.RequestsApi.as;
import static al.ura.requests.RequestsApi.text;
import static org.assertj.core.api.Assertions.assertThat;

import al.ura.directory.DocumentSigning;
import al.ura.directory.SignedDocument;
import al.ura.requests.RequestFixtures.World;
import al.ura.requests.RequestsApi.Reply;
import al.ura.testing.DatabaseTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.json.JsonMapper;

/**
 * A request's signature covers what is stored (§51): one byte changed in the database, or a
 * signature taken from another organisation's request, and the provider is shown that it does not
 * verify and may not act on it, each refusal in the ledger. An external signed request must be
 * signed by the organisation it names; an answer's signature covers its stored rows.
 */
@DatabaseTest
class RequestSignatureTest {

    /** Every action of the provider on a request, with the action code its refusal is recorded under. */
    private static final Map<String, String> PROVIDER_ACTIONS = Map.of(
            "/acknowledgement", "requests.request.acknowledge",
            "/clarification-request", "requests.request.ask-clarification",
            "/start", "requests.request.start",
            "/answer", "requests.request.answer",
            "/refusal", "requests.request.refuse");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RequestFixtures fixtures;

    @Autowired
    ProviderDesk desk;

    @Autowired
    DocumentSigning signing;

    RequestsApi api;
    RequestLedger ledger;
    World world;

    @BeforeEach
    void aPoliceUnitAndAProvider() {
        api = new RequestsApi(mvc, json);
        ledger = new RequestLedger(jdbc);
        world = fixtures.world();
    }

    @Test
    void oneChangedByteOfTheSummaryBreaksTheSignatureAndTheProviderMayNotActOnIt() {
        UUID id = fixtures.submitted(world).id();
        assertThat(api.get(as(world.compliance()), BASE + "/{id}", id)
                        .expect(200)
                        .at("/signature/valid")
                        .asBoolean())
                .isTrue();

        assertThat(jdbc.sql("UPDATE legal_request SET summary = REPLACE(summary, 'phishing', 'phishinG') WHERE id = ?")
                        .param(id)
                        .update())
                .isEqualTo(1);

        for (var reader : List.of(world.compliance(), world.officer())) {
            Reply read = api.get(as(reader), BASE + "/{id}", id).expect(200);
            assertThat(read.at("/signature/signed").asBoolean()).isTrue();
            assertThat(read.at("/signature/valid").asBoolean()).isFalse();
            assertThat(read.text("/signature/reason")).isEqualTo("SIGNATURE_MISMATCH");
        }
        everyProviderActionIsRefused(id, "SIGNATURE_MISMATCH");
    }

    @Test
    void aChangedIdentifierRowBreaksTheSignatureToo() {
        UUID id = fixtures.submitted(world).id();

        jdbc.sql("UPDATE request_identifier SET identifier = '203.0.113.26', normalised = '203.0.113.26'"
                        + " WHERE request_id = ? AND position = 0")
                .param(id)
                .update();

        Reply read = api.get(as(world.compliance()), BASE + "/{id}", id).expect(200);
        assertThat(read.text("/request/identifiers/0/value")).isEqualTo("203.0.113.26");
        assertThat(read.at("/signature/valid").asBoolean()).isFalse();
        assertThat(read.text("/signature/reason")).isEqualTo("SIGNATURE_MISMATCH");
        everyProviderActionIsRefused(id, "SIGNATURE_MISMATCH");
    }

    @Test
    void aChangedStoredCopyOfWhatWasSignedIsToldApart() {
        UUID id = fixtures.submitted(world).id();

        jdbc.sql(
                        "UPDATE legal_request SET signed_payload = REPLACE(signed_payload, 'phishing', 'phishinG') WHERE id = ?")
                .param(id)
                .update();

        Reply read = api.get(as(world.compliance()), BASE + "/{id}", id).expect(200);
        assertThat(read.at("/signature/valid").asBoolean()).isFalse();
        assertThat(read.text("/signature/reason")).isEqualTo("STORED_COPY_ALTERED");
        everyProviderActionIsRefused(id, "STORED_COPY_ALTERED");
    }

    @Test
    void aSignatureMadeByAnotherOrganisationIsRejected() {
        World other = fixtures.world();
        UUID id = fixtures.submitted(world).id();
        UUID theirs = fixtures.submitted(other).id();
        api.get(as(world.compliance()), BASE + "/{id}", id).expect(200);

        jdbc.sql(
                        "UPDATE legal_request SET signature = (SELECT o.signature FROM legal_request o WHERE o.id = ?),"
                                + " signature_key_id = (SELECT o.signature_key_id FROM legal_request o WHERE o.id = ?) WHERE id = ?")
                .params(theirs, theirs, id)
                .update();

        Reply read = api.get(as(world.compliance()), BASE + "/{id}", id).expect(200);
        assertThat(read.at("/signature/valid").asBoolean()).isFalse();
        assertThat(read.text("/signature/reason")).isEqualTo("OTHER_ORGANISATION");
        assertThat(read.text("/signature/issuer")).isEqualTo(world.police().id().toString());
        everyProviderActionIsRefused(id, read.text("/signature/reason"));
        // The other organisation's own request is untouched and still verifies.
        assertThat(api.get(as(other.compliance()), BASE + "/{id}", theirs)
                        .expect(200)
                        .at("/signature/valid")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void theVerificationEndpointRejectsAJwsOfOneOrganisationOverAPayloadNamingAnother() {
        World other = fixtures.world();
        UUID id = fixtures.submitted(world).id();
        Reply export = api.get(as(world.officer()), BASE + "/{id}/signed", id).expect(200);
        String payload = export.text("/payload");
        String jws = export.text("/jws");
        assertThat(verify(payload, jws).at("/valid").asBoolean()).isTrue();

        // The same JWS presented as if the payload named the other police organisation.
        String namingOther = payload.replace(
                world.police().id().toString(), other.police().id().toString());
        assertThat(namingOther).isNotEqualTo(payload);
        Reply renamed = verify(namingOther, jws);
        assertThat(renamed.at("/valid").asBoolean()).isFalse();
        assertThat(renamed.text("/reason")).isEqualTo("OTHER_ORGANISATION");
        assertThat(renamed.text("/issuer")).isEqualTo(other.police().id().toString());

        // A genuine JWS of this organisation over a payload that names the other one.
        SignedDocument signedByUs = signing.sign(world.police().id(), namingOther.getBytes(StandardCharsets.UTF_8));
        Reply forged = verify(namingOther, signedByUs.detachedJws());
        assertThat(forged.at("/valid").asBoolean()).isFalse();
        assertThat(forged.text("/reason")).isEqualTo("OTHER_ORGANISATION");

        assertThat(verify("not json", jws).text("/reason")).isEqualTo("MALFORMED");
        api.post(as(world.compliance()), Map.of("payload", payload), BASE + "/verification")
                .expect(400);
    }

    @Test
    void aTamperedAnswerRowShowsItsSignatureInvalidToBothSides() {
        UUID id = fixtures.submitted(world).id();
        desk.answer(
                world.compliance().actor(),
                id,
                new ProviderDesk.AnswerCommand(
                        true,
                        "All found.",
                        List.of(new ProviderDesk.ItemCommand(0, true, "Fictional subscriber: Test Subscriber", null))));
        assertThat(answerValid(world.officer(), id)).isTrue();

        jdbc.sql("UPDATE answer_item SET records = 'Fictional subscriber: Someone Else' WHERE request_id = ?")
                .param(id)
                .update();
        assertThat(answerValid(world.officer(), id)).isFalse();
        assertThat(answerValid(world.compliance(), id)).isFalse();

        // Put back, it verifies again: it is the row that the signature covers.
        jdbc.sql("UPDATE answer_item SET records = 'Fictional subscriber: Test Subscriber' WHERE request_id = ?")
                .param(id)
                .update();
        assertThat(answerValid(world.officer(), id)).isTrue();

        jdbc.sql("UPDATE request_answer SET note = 'Nothing found.' WHERE request_id = ?")
                .param(id)
                .update();
        assertThat(answerValid(world.officer(), id)).isFalse();
    }

    private void everyProviderActionIsRefused(UUID id, String reason) {
        String before = status(id);
        for (Map.Entry<String, String> action : PROVIDER_ACTIONS.entrySet()) {
            Object body = switch (action.getKey()) {
                case "/clarification-request" -> text("Which port?");
                case "/answer" ->
                    Map.of(
                            "complete",
                            true,
                            "items",
                            List.of(Map.of("position", 0, "found", true, "records", "Fictional subscriber")));
                case "/refusal" ->
                    Map.of(
                            "impossible",
                            false,
                            "reason",
                            "TOO_BROAD",
                            "explanation",
                            "The range covers every customer of the address.");
                default -> null;
            };
            String withReason = "SELECT COUNT(*) FROM audit_entries WHERE outcome = 'DENIED' AND action = ?"
                    + " AND object_id = ? AND actor_user_id = ? AND details LIKE ?";
            Object[] parameters = {
                action.getValue(), id.toString(), world.compliance().id(), "%signature-" + reason + "%"
            };
            long deniedBefore = ledger.count(withReason, parameters);
            Reply refused = api.post(as(world.compliance()), body, BASE + "/{id}" + action.getKey(), id);
            assertThat(refused.status())
                    .as(action.getKey() + " " + refused.body())
                    .isEqualTo(409);
            assertThat(refused.type()).as(action.getKey()).isEqualTo("/problems/request-signature-invalid");
            assertThat(ledger.count(withReason, parameters))
                    .as("denied entries with the reason for " + action.getKey())
                    .isEqualTo(deniedBefore + 1);
        }
        assertThat(status(id)).isEqualTo(before);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM request_answer WHERE request_id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private String status(UUID id) {
        return jdbc.sql("SELECT status FROM legal_request WHERE id = ?")
                .param(id)
                .query(String.class)
                .single();
    }

    private Reply verify(String payload, String jws) {
        return api.post(as(world.compliance()), Map.of("payload", payload, "jws", jws), BASE + "/verification")
                .expect(200);
    }

    private boolean answerValid(al.ura.identity.IdentityFixtures.TestUser reader, UUID id) {
        return api.get(as(reader), BASE + "/{id}/answer", id)
                .expect(200)
                .at("/signatureValid")
                .asBoolean();
    }
}
