package al.ura.requests;

import static al.ura.requests.RequestLedger.audiences;
import static al.ura.requests.RequestLedger.notices;
import static al.ura.requests.RequestsApi.BASE;
import static al.ura.requests.RequestsApi.as;
import static al.ura.requests.RequestsApi.bearer;
import static al.ura.requests.RequestsApi.text;
import static org.assertj.core.api.Assertions.assertThat;

import al.ura.identity.IdentityFixtures;
import al.ura.identity.IdentityFixtures.TestUser;
import al.ura.kernel.Notice;
import al.ura.requests.RequestFixtures.World;
import al.ura.requests.RequestsApi.Reply;
import al.ura.testing.DatabaseTest;
import al.ura.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every path of a request's life, end to end through the REST API as the people on both sides use
 * it: the full and the partial answer, refusal and impossibility, the clarification loop,
 * withdrawal, preservation with extension, disclosure and lapse, emergencies that start by phone
 * (written in time, or escalated), a provider's own tooling with its token, and deconfliction.
 * Along the way: the inbox, the history, the ledger, the comments, feedback, cost claims, the
 * signed export and its verification.
 */
@DatabaseTest
@RecordApplicationEvents
class RequestLifecycleApiTest {

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

    @Autowired
    RequestClocks clocks;

    @Autowired
    TestClock clock;

    @Autowired
    ApplicationEvents events;

    RequestsApi api;
    RequestLedger ledger;
    World world;

    @BeforeEach
    void aPoliceUnitAndAProvider() {
        fixtures.holdScheduledClocks();
        api = new RequestsApi(mvc, json);
        ledger = new RequestLedger(jdbc);
        world = fixtures.world();
    }

    @AfterEach
    void releaseTheClocks() {
        fixtures.releaseScheduledClocks();
    }

    @Test
    void aRequestIsDraftedAuthorisedAnsweredInFullClosedAndTalkedAbout() {
        UUID id = api.post(as(world.officer()), fixtures.draft(world), BASE)
                .expect(201)
                .id();
        assertThat(api.get(as(world.officer()), BASE + "/{id}", id).expect(200).text("/request/status"))
                .isEqualTo("DRAFT");
        assertThat(api.get(as(world.officer()), BASE + "/{id}/check", id)
                        .expect(200)
                        .json()
                        .isEmpty())
                .isTrue();

        Reply awaiting = api.post(as(world.officer()), null, BASE + "/{id}/submission", id)
                .expect(200);
        assertThat(awaiting.text("/status")).isEqualTo("AWAITING_AUTHORISATION");
        assertThat(audiences(events, "requests.notice.awaiting-authorisation", link(id)))
                .containsExactly(new Notice.Holders(world.police().id(), RequestPermissions.AUTHORISE));

        Reply submitted = api.post(as(world.authoriser()), null, BASE + "/{id}/authorisation", id)
                .expect(200);
        assertThat(submitted.text("/status")).isEqualTo("SUBMITTED");
        assertThat(submitted.text("/authoriserId"))
                .isEqualTo(world.authoriser().id().toString());
        assertThat(submitted.at("/signatureKeyId").isString()).isTrue();
        assertThat(audiences(events, "requests.notice.received", link(id)))
                .containsExactly(new Notice.Holders(world.provider().id(), RequestPermissions.HANDLE));
        assertThat(audiences(events, "requests.notice.submitted", link(id)))
                .containsExactly(new Notice.Person(world.officer().id()));

        // The provider's inbox lists it, without the case's facts.
        Reply inbox = api.get(as(world.compliance()), BASE + "/inbox").expect(200);
        assertThat(inbox.texts("/items", "id")).contains(id.toString());
        inbox.at("/items").forEach(row -> {
            if (row.path("id").asString().equals(id.toString())) {
                assertThat(row.path("status").asString()).isEqualTo("SUBMITTED");
                assertThat(row.has("summary") || row.has("offence") || row.has("identifiers"))
                        .isFalse();
            }
        });

        // The provider's first read marks it received; the signature checks out against the directory.
        Reply read = api.get(as(world.compliance()), BASE + "/{id}", id).expect(200);
        assertThat(read.text("/request/status")).isEqualTo("RECEIVED");
        assertThat(read.at("/signature/valid").asBoolean()).isTrue();
        assertThat(read.text("/signature/issuer")).isEqualTo(world.police().id().toString());
        assertThat(read.text("/signature/authoriser"))
                .isEqualTo(world.authoriser().id().toString());

        assertThat(provider("/acknowledgement", id, null).text("/status")).isEqualTo("ACKNOWLEDGED");
        assertThat(audiences(events, "requests.notice.acknowledged", link(id)))
                .containsExactly(new Notice.Person(world.officer().id()));
        assertThat(provider("/start", id, null).text("/status")).isEqualTo("IN_PROGRESS");

        // Comments from both sides; each side is told of the other's.
        api.post(
                        as(world.officer()),
                        text("The suspect used the address between 10:00 and 11:00."),
                        BASE + "/{id}/comments",
                        id)
                .expect(201);
        api.post(as(world.compliance()), text("We are retrieving the NAT logs."), BASE + "/{id}/comments", id)
                .expect(201);
        for (TestUser reader : List.of(world.officer(), world.compliance())) {
            assertThat(api.get(as(reader), BASE + "/{id}/comments", id)
                            .expect(200)
                            .texts("", "body"))
                    .containsExactly(
                            "The suspect used the address between 10:00 and 11:00.", "We are retrieving the NAT logs.");
        }
        assertThat(audiences(events, "requests.notice.comment", link(id)))
                .containsExactly(
                        new Notice.Holders(world.provider().id(), RequestPermissions.HANDLE),
                        new Notice.Person(world.officer().id()));

        Reply answered = provider("/answer", id, answer(true, null, found(0, "Fictional subscriber: Test Subscriber")));
        assertThat(answered.text("/status")).isEqualTo("ANSWERED_FULL");
        assertThat(answered.at("/answeredAt").isString()).isTrue();
        assertThat(audiences(events, "requests.notice.answered", link(id)))
                .containsExactly(new Notice.Person(world.officer().id()));
        Reply theAnswer =
                api.get(as(world.officer()), BASE + "/{id}/answer", id).expect(200);
        assertThat(theAnswer.text("/outcome")).isEqualTo("ANSWERED_FULL");
        assertThat(theAnswer.at("/signatureValid").asBoolean()).isTrue();
        assertThat(theAnswer.texts("/items", "records")).containsExactly("Fictional subscriber: Test Subscriber");

        // Feedback once it is closed, once per side.
        assertThat(api.post(as(world.officer()), Map.of("rating", 4), BASE + "/{id}/feedback", id)
                        .expect(409)
                        .type())
                .isEqualTo("/problems/request-state");
        assertThat(api.post(as(world.officer()), null, BASE + "/{id}/closure", id)
                        .expect(200)
                        .text("/status"))
                .isEqualTo("CLOSED");
        api.post(as(world.officer()), Map.of("rating", 4, "body", "Quick and complete."), BASE + "/{id}/feedback", id)
                .expect(201);
        api.post(as(world.compliance()), Map.of("rating", 5), BASE + "/{id}/feedback", id)
                .expect(201);
        api.post(as(world.compliance()), Map.of("rating", 3), BASE + "/{id}/feedback", id)
                .expect(409);
        assertThat(api.get(as(world.officer()), BASE + "/{id}/feedback", id)
                        .expect(200)
                        .texts("", "side"))
                .containsExactly("PROVIDER", "REQUESTER");

        // The provider claims its cost; the officer may not decide it, the authoriser approves it.
        Reply claim = api.post(
                        as(world.compliance()),
                        Map.of("amount", "25.50", "currency", "eur", "description", "Two hours of NAT log retrieval"),
                        BASE + "/{id}/cost-claims",
                        id)
                .expect(201);
        assertThat(claim.text("/status")).isEqualTo("CLAIMED");
        assertThat(claim.text("/currency")).isEqualTo("EUR");
        UUID claimId = claim.id();
        assertThat(audiences(events, "requests.notice.cost-claimed", link(id)))
                .containsExactly(new Notice.Person(world.officer().id()));
        api.post(as(world.officer()), Map.of("approve", true), BASE + "/{id}/cost-claims/{claim}/decision", id, claimId)
                .expect(403);
        Reply approved = api.post(
                        as(world.authoriser()),
                        Map.of("approve", true, "note", "Within the tariff."),
                        BASE + "/{id}/cost-claims/{claim}/decision",
                        id,
                        claimId)
                .expect(200);
        assertThat(approved.text("/status")).isEqualTo("APPROVED");
        assertThat(api.get(as(world.compliance()), BASE + "/{id}/cost-claims", id)
                        .expect(200)
                        .texts("", "status"))
                .containsExactly("APPROVED");
        assertThat(audiences(events, "requests.notice.cost-decided", link(id)))
                .containsExactly(new Notice.Holders(world.provider().id(), RequestPermissions.HANDLE));

        // The history has each transition; the provider sees it from the moment it was sent.
        Reply history = api.get(as(world.officer()), BASE + "/{id}/history", id).expect(200);
        assertThat(history.texts("", "kind"))
                .containsExactly(
                        "created",
                        "sent-for-authorisation",
                        "authorised",
                        "received",
                        "acknowledged",
                        "in-progress",
                        "answered",
                        "closed");
        assertThat(history.texts("", "to"))
                .containsExactly(
                        "DRAFT",
                        "AWAITING_AUTHORISATION",
                        "SUBMITTED",
                        "RECEIVED",
                        "ACKNOWLEDGED",
                        "IN_PROGRESS",
                        "ANSWERED_FULL",
                        "CLOSED");
        assertThat(api.get(as(world.compliance()), BASE + "/{id}/history", id)
                        .expect(200)
                        .texts("", "kind"))
                .containsExactly("authorised", "received", "acknowledged", "in-progress", "answered", "closed");

        // Every transition, read, comment and feedback is in the ledger.
        assertThat(ledger.done(id))
                .containsSubsequence(
                        "requests.request.created",
                        "requests.request.sent-for-authorisation",
                        "requests.request.authorised",
                        "requests.request.submitted",
                        "requests.request.received",
                        "requests.request.acknowledged",
                        "requests.request.started",
                        "requests.request.answered",
                        "requests.request.closed")
                .contains("requests.request.read", "requests.answer.read")
                .containsOnlyOnce("requests.request.authorised", "requests.request.answered");
        assertThat(ledger.done(id).stream().filter("requests.comment.created"::equals))
                .hasSize(2);
        assertThat(ledger.done(id).stream().filter("requests.feedback.created"::equals))
                .hasSize(2);
        assertThat(ledger.done(claimId)).containsExactly("requests.cost.created", "requests.cost.decided");
        assertThat(ledger.count(
                        "SELECT COUNT(*) FROM audit_entries WHERE action = 'requests.inbox.read' AND outcome = 'DONE'"
                                + " AND actor_user_id = ?",
                        world.compliance().id()))
                .isEqualTo(1);
    }

    @Test
    void aNewRequestIsSentForAuthorisationInOneStepOrKeptAsADraftWithEveryProblem() {
        Reply sent = api.post(as(world.officer()), fixtures.draft(world), BASE + "?send=true")
                .expect(201);
        UUID id = sent.id();
        assertThat(sent.text("/status")).isEqualTo("AWAITING_AUTHORISATION");
        assertThat(sent.texts("/identifiers", "value"))
                .containsExactlyElementsOf(fixtures.draft(world).identifiers().stream()
                        .map(DraftCommand.IdentifierCommand::value)
                        .toList());
        // Both steps are in the history, in order, and in the ledger; the authorisers are told.
        Reply history = api.get(as(world.officer()), BASE + "/{id}/history", id).expect(200);
        assertThat(history.texts("", "kind")).containsExactly("created", "sent-for-authorisation");
        assertThat(history.texts("", "to")).containsExactly("DRAFT", "AWAITING_AUTHORISATION");
        assertThat(ledger.done(id))
                .containsExactly("requests.request.created", "requests.request.sent-for-authorisation");
        assertThat(audiences(events, "requests.notice.awaiting-authorisation", link(id)))
                .containsExactly(new Notice.Holders(world.police().id(), RequestPermissions.AUTHORISE));
        // What was stored is what the authoriser validates again and signs; what authorising answers
        // (not read back) is what is stored.
        Reply authorised = api.post(as(world.authoriser()), null, BASE + "/{id}/authorisation", id)
                .expect(200);
        assertThat(authorised.json())
                .isEqualTo(api.get(as(world.officer()), BASE + "/{id}", id)
                        .expect(200)
                        .at("/request"));
        Reply read = api.get(as(world.compliance()), BASE + "/{id}", id).expect(200);
        assertThat(read.text("/request/status")).isEqualTo("RECEIVED");
        assertThat(read.at("/signature/valid").asBoolean()).isTrue();

        // Not valid: kept as a draft with what was typed, every problem named, nothing sent.
        Reply kept = api.post(
                        as(world.officer()),
                        api.body(fixtures.draft(world), "officerEmail", "officer.test@gmail.com"),
                        BASE + "?send=true")
                .expect(400);
        assertThat(kept.type()).isEqualTo("/problems/validation");
        assertThat(kept.texts("/errors", "code")).contains("requests.validation.personal-email");
        assertThat(kept.text("/request/status")).isEqualTo("DRAFT");
        UUID draft = UUID.fromString(kept.text("/request/id"));
        assertThat(api.get(as(world.officer()), BASE + "/{id}", draft)
                        .expect(200)
                        .text("/request/draft/officerEmail"))
                .isEqualTo("officer.test@gmail.com");
        assertThat(ledger.done(draft)).containsExactly("requests.request.created", "requests.request.read");
        assertThat(notices(events, "requests.notice.awaiting-authorisation", link(draft)))
                .isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM request_identifier WHERE request_id = ?")
                        .param(draft)
                        .query(Long.class)
                        .single())
                .isZero();

        // Only law enforcement writes requests; the refusal is in the ledger.
        long refusals = ledger.deniedAny(world.compliance().id());
        api.post(as(world.compliance()), fixtures.draft(world), BASE + "?send=true")
                .expect(403);
        assertThat(ledger.deniedAny(world.compliance().id())).isEqualTo(refusals + 1);
    }

    @Test
    void aDraftIsSavedOverTheVersionBeingEditedAndAStaleVersionIsRefused() {
        DraftCommand draft = fixtures.draft(world);
        UUID id = api.post(as(world.officer()), draft, BASE).expect(201).id();
        int version = api.get(as(world.officer()), BASE + "/{id}", id)
                .at("/request/version")
                .asInt();
        Map<String, String> editing = Map.of("If-Match", "\"" + version + "\"");

        Reply saved = api.call(
                        org.springframework.http.HttpMethod.PUT,
                        as(world.officer()),
                        api.body(draft, "fileNumber", "PP-2026-EDITED"),
                        editing,
                        BASE + "/{id}",
                        id)
                .expect(200);
        assertThat(saved.text("/fileNumber")).isEqualTo("PP-2026-EDITED");
        assertThat(saved.at("/version").asInt()).isEqualTo(version + 1);
        assertThat(api.call(
                                org.springframework.http.HttpMethod.PUT,
                                as(world.officer()),
                                draft,
                                editing,
                                BASE + "/{id}",
                                id)
                        .expect(409)
                        .type())
                .isEqualTo("/problems/request-state");
        // Without If-Match it is saved over whatever version is there.
        assertThat(api.put(as(world.officer()), api.body(draft, "fileNumber", "PP-2026-AGAIN"), BASE + "/{id}", id)
                        .expect(200)
                        .text("/fileNumber"))
                .isEqualTo("PP-2026-AGAIN");
        assertThat(ledger.done(id).stream().filter("requests.request.updated"::equals))
                .hasSize(2);

        api.post(as(world.officer()), null, BASE + "/{id}/submission", id).expect(200);
        api.put(as(world.officer()), draft, BASE + "/{id}", id).expect(409);
    }

    @Test
    void anOrderIsAttachedToTheDraftSignedWithItAndTheProviderAnswersWithAFile() {
        // Connection records are disclosed on a prosecutor's order: the order must be attached.
        Object records = api.body(
                fixtures.ip("203.0.113.25"), "category", "TRAFFIC_DATA", "items", List.of("CONNECTION_RECORDS"));
        UUID id = api.post(as(world.officer()), api.body(fixtures.draft(world), "identifiers", List.of(records)), BASE)
                .expect(201)
                .id();
        assertThat(api.post(as(world.officer()), null, BASE + "/{id}/submission", id)
                        .expect(400)
                        .texts("/errors", "field"))
                .containsExactly("attachments");
        byte[] order = "Urdhri i prokurorit nr. 12/2026 (fiktiv)\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Reply attached = api.upload(as(world.officer()), "urdhri.txt", order, BASE + "/{id}/attachments", id)
                .expect(201);
        assertThat(attached.text("/purpose")).isEqualTo("ORDER");
        String orderSha = attached.text("/sha256");
        UUID orderId = UUID.fromString(attached.text("/fileId"));
        api.post(as(world.officer()), null, BASE + "/{id}/submission", id).expect(200);
        api.post(as(world.authoriser()), null, BASE + "/{id}/authorisation", id).expect(200);

        // The signature covers the order's digest; the provider reads and downloads it, in the ledger.
        assertThat(api.get(as(world.compliance()), BASE + "/{id}/signed", id).text("/payload"))
                .contains(orderSha);
        assertThat(api.get(as(world.compliance()), BASE + "/{id}", id)
                        .at("/signature/valid")
                        .asBoolean())
                .isTrue();
        var download = mvc.get()
                .uri(BASE + "/{id}/attachments/{file}", id, orderId)
                .with(as(world.compliance()))
                .exchange();
        assertThat(download).hasStatusOk();
        assertThat(download.getResponse().getContentAsByteArray()).isEqualTo(order);
        assertThat(ledger.done(id)).contains("requests.attachment.created", "requests.attachment.read");
        assertThat(api.upload(as(world.officer()), "late.txt", order, BASE + "/{id}/attachments", id)
                        .status())
                .isEqualTo(409);

        // An answer file: the requester sees it once the provider has answered with it.
        byte[] found =
                "start,end,address,port,subscriber\n2026-03-01T10:00Z,2026-03-01T11:00Z,203.0.113.25,51234,TS-1\n"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Reply file = api.upload(as(world.compliance()), "records.txt", found, BASE + "/{id}/attachments", id)
                .expect(201);
        assertThat(file.text("/purpose")).isEqualTo("ANSWER");
        UUID fileId = UUID.fromString(file.text("/fileId"));
        assertThat(api.get(as(world.officer()), BASE + "/{id}/attachments", id).texts("", "purpose"))
                .containsExactly("ORDER");
        provider(
                "/answer",
                id,
                answer(true, null, List.of(Map.of("position", 0, "found", true, "fileId", fileId.toString()))));
        assertThat(api.get(as(world.officer()), BASE + "/{id}/attachments", id).texts("", "purpose"))
                .containsExactlyInAnyOrder("ORDER", "ANSWER");
        Reply theAnswer =
                api.get(as(world.officer()), BASE + "/{id}/answer", id).expect(200);
        assertThat(theAnswer.text("/items/0/fileSha256")).isEqualTo(file.text("/sha256"));
        assertThat(theAnswer.at("/signatureValid").asBoolean()).isTrue();
        assertThat(api.upload(as(world.compliance()), "more.txt", found, BASE + "/{id}/attachments", id)
                        .status())
                .isEqualTo(409);
    }

    @Test
    void theSignedExportVerifiesThroughTheVerificationEndpoint() {
        UUID id = send(world, fixtures.draft(world));

        Reply signed =
                api.get(as(world.compliance()), BASE + "/{id}/signed", id).expect(200);
        assertThat(signed.text("/organisationId")).isEqualTo(world.police().id().toString());
        assertThat(signed.text("/jwksPath"))
                .isEqualTo("/api/v1/directory/organisations/" + world.police().id() + "/jwks.json");
        assertThat(json.readTree(signed.text("/payload")).path("reference").asString())
                .isEqualTo(api.get(as(world.officer()), BASE + "/{id}", id).text("/request/reference"));

        Reply verified = api.post(
                        as(world.compliance()),
                        Map.of("payload", signed.text("/payload"), "jws", signed.text("/jws")),
                        BASE + "/verification")
                .expect(200);
        assertThat(verified.at("/valid").asBoolean()).isTrue();
        assertThat(verified.text("/issuer")).isEqualTo(world.police().id().toString());
        assertThat(verified.text("/keyId")).isEqualTo(signed.text("/keyId"));

        // One byte changed in transit and it no longer verifies.
        String altered = signed.text("/payload").replace("phishing", "phishinG");
        assertThat(altered).isNotEqualTo(signed.text("/payload"));
        Reply refused = api.post(
                        as(world.compliance()),
                        Map.of("payload", altered, "jws", signed.text("/jws")),
                        BASE + "/verification")
                .expect(200);
        assertThat(refused.at("/valid").asBoolean()).isFalse();
        assertThat(refused.text("/reason")).isEqualTo("SIGNATURE_MISMATCH");
        assertThat(ledger.done(id)).contains("requests.request.exported");
    }

    @Test
    void aPartialAnswerSaysWhatIsMissing() {
        UUID id = send(
                world,
                fixtures.draft(
                        world,
                        RequestType.DISCLOSURE,
                        List.of(fixtures.ip("203.0.113.25"), fixtures.email("holder@mail.example"))));
        api.get(as(world.compliance()), BASE + "/{id}", id).expect(200);

        List<Map<String, Object>> items =
                List.of(found(0, "Fictional subscriber of the address").getFirst(), notFound(1));
        Reply withoutNote = provider("/answer", id, answer(false, null, items), 400);
        assertThat(withoutNote.texts("/errors", "field")).containsExactly("note");
        Reply notEveryIdentifier =
                provider("/answer", id, answer(false, "The mailbox is unknown.", List.of(items.getFirst())), 400);
        assertThat(notEveryIdentifier.texts("/errors", "field")).containsExactly("items");
        assertThat(status(world.officer(), id)).isEqualTo("RECEIVED");

        Reply answered = provider("/answer", id, answer(false, "The mailbox is not one of ours.", items));
        assertThat(answered.text("/status")).isEqualTo("ANSWERED_PART");
        Reply theAnswer =
                api.get(as(world.officer()), BASE + "/{id}/answer", id).expect(200);
        assertThat(theAnswer.text("/outcome")).isEqualTo("ANSWERED_PART");
        assertThat(theAnswer.text("/note")).isEqualTo("The mailbox is not one of ours.");
        assertThat(theAnswer.at("/signatureValid").asBoolean()).isTrue();
        assertThat(theAnswer.texts("/items", "found")).containsExactly("true", "false");
        assertThat(notices(events, "requests.notice.answered", link(id))).isEqualTo(1);
        assertThat(ledger.count(
                        "SELECT COUNT(*) FROM audit_entries WHERE action = 'requests.request.answered' AND object_id = ?"
                                + " AND details LIKE '%ANSWERED_PART%'",
                        id.toString()))
                .isEqualTo(1);
        assertThat(api.post(as(world.officer()), null, BASE + "/{id}/closure", id)
                        .expect(200)
                        .text("/status"))
                .isEqualTo("CLOSED");
    }

    @Test
    void aRefusalNeedsAReasonCodeAndAnExplanation() {
        UUID id = send(world, fixtures.draft(world));

        Reply nothing = provider("/refusal", id, Map.of("impossible", false), 400);
        assertThat(nothing.texts("/errors", "field")).containsExactlyInAnyOrder("reason", "explanation");
        Reply tooShort = provider(
                "/refusal", id, Map.of("impossible", false, "reason", "TOO_BROAD", "explanation", "Too wide"), 400);
        assertThat(tooShort.texts("/errors", "field")).containsExactly("explanation");
        assertThat(status(world.officer(), id)).isEqualTo("SUBMITTED");

        String explanation = "The range covers every customer behind the same NAT address.";
        Reply refused = provider(
                "/refusal", id, Map.of("impossible", false, "reason", "TOO_BROAD", "explanation", explanation));
        assertThat(refused.text("/status")).isEqualTo("REFUSED");
        assertThat(refused.text("/reason")).isEqualTo("TOO_BROAD");
        assertThat(refused.text("/reasonText")).isEqualTo(explanation);
        Reply theAnswer =
                api.get(as(world.officer()), BASE + "/{id}/answer", id).expect(200);
        assertThat(theAnswer.text("/outcome")).isEqualTo("REFUSED");
        assertThat(theAnswer.text("/note")).isEqualTo(explanation);
        assertThat(theAnswer.at("/signatureValid").asBoolean()).isTrue();
        assertThat(audiences(events, "requests.notice.refused", link(id)))
                .containsExactly(new Notice.Person(world.officer().id()));
        assertThat(ledger.done(id))
                .containsOnlyOnce("requests.request.refused")
                .doesNotContain("requests.request.answered");
        assertThat(lastEvent(id)).isEqualTo("refused");
        assertThat(api.post(as(world.officer()), null, BASE + "/{id}/closure", id)
                        .expect(200)
                        .text("/status"))
                .isEqualTo("CLOSED");
    }

    @Test
    void anImpossibilityIsExplainedToo() {
        UUID id = send(world, fixtures.draft(world));
        provider("/acknowledgement", id, null);

        Reply impossible = provider(
                "/refusal",
                id,
                Map.of(
                        "impossible", true,
                        "reason", "NO_LONGER_RETAINED",
                        "explanation", "NAT logs are kept for 6 months; this time is older."));
        assertThat(impossible.text("/status")).isEqualTo("IMPOSSIBLE");
        assertThat(impossible.text("/reason")).isEqualTo("NO_LONGER_RETAINED");
        assertThat(ledger.done(id)).containsOnlyOnce("requests.request.impossible");
        Reply history = api.get(as(world.officer()), BASE + "/{id}/history", id).expect(200);
        assertThat(history.texts("", "kind")).endsWith("impossible");
        assertThat(history.texts("", "note"))
                .last()
                .isEqualTo("NO_LONGER_RETAINED: NAT logs are kept for 6 months; this time is older.");
        assertThat(api.get(as(world.officer()), BASE + "/{id}/answer", id)
                        .expect(200)
                        .text("/outcome"))
                .isEqualTo("IMPOSSIBLE");
    }

    @Test
    void theProviderAsksTheRequesterClarifiesAndTheRequestGoesBackToWhereItWas() {
        UUID id = send(world, fixtures.draft(world));
        provider("/acknowledgement", id, null);

        Reply asked = provider("/clarification-request", id, text("Which source port, and in which time zone?"));
        assertThat(asked.text("/status")).isEqualTo("CLARIFICATION_REQUESTED");
        assertThat(audiences(events, "requests.notice.clarification-asked", link(id)))
                .containsExactly(new Notice.Person(world.officer().id()));
        api.post(as(world.officer()), text(" "), BASE + "/{id}/clarification", id)
                .expect(400);
        Reply clarified = api.post(
                        as(world.officer()), text("Port 51234, time in UTC+1."), BASE + "/{id}/clarification", id)
                .expect(200);
        assertThat(clarified.text("/status")).isEqualTo("ACKNOWLEDGED");
        assertThat(audiences(events, "requests.notice.clarified", link(id)))
                .containsExactly(new Notice.Holders(world.provider().id(), RequestPermissions.HANDLE));
        assertThat(api.post(as(world.officer()), text("Again."), BASE + "/{id}/clarification", id)
                        .expect(409)
                        .type())
                .isEqualTo("/problems/request-state");

        // Asked again while at work: it goes back to work.
        provider("/start", id, null);
        provider("/clarification-request", id, text("Is the customer to be told?"));
        assertThat(api.post(as(world.officer()), text("No, not before 2027."), BASE + "/{id}/clarification", id)
                        .expect(200)
                        .text("/status"))
                .isEqualTo("IN_PROGRESS");
        assertThat(provider("/answer", id, answer(true, null, found(0, "Fictional subscriber")))
                        .text("/status"))
                .isEqualTo("ANSWERED_FULL");

        Reply history = api.get(as(world.officer()), BASE + "/{id}/history", id).expect(200);
        assertThat(history.texts("", "kind"))
                .containsSubsequence(
                        "acknowledged",
                        "clarification-asked",
                        "clarified",
                        "in-progress",
                        "clarification-asked",
                        "clarified",
                        "answered");
        assertThat(history.texts("", "note"))
                .contains(
                        "Which source port, and in which time zone?",
                        "Port 51234, time in UTC+1.",
                        "Is the customer to be told?",
                        "No, not before 2027.");
        assertThat(ledger.done(id).stream().filter("requests.request.clarification-asked"::equals))
                .hasSize(2);
        assertThat(ledger.done(id).stream().filter("requests.request.clarified"::equals))
                .hasSize(2);
    }

    @Test
    void theRequesterWithdrawsBeforeTheAnswerAndTheProviderIsTold() {
        UUID id = send(world, fixtures.draft(world));
        provider("/acknowledgement", id, null);

        api.post(as(world.officer()), text(""), BASE + "/{id}/withdrawal", id).expect(400);
        Reply withdrawn = api.post(
                        as(world.officer()),
                        text("The suspect was identified by other means."),
                        BASE + "/{id}/withdrawal",
                        id)
                .expect(200);
        assertThat(withdrawn.text("/status")).isEqualTo("WITHDRAWN");
        assertThat(withdrawn.at("/withdrawnAt").isString()).isTrue();
        assertThat(audiences(events, "requests.notice.withdrawn", link(id)))
                .containsExactly(new Notice.Holders(world.provider().id(), RequestPermissions.HANDLE));

        // The provider stops: nothing more can be done on it, and it still sees why.
        assertThat(provider("/answer", id, answer(true, null, found(0, "Too late")), 409)
                        .type())
                .isEqualTo("/problems/request-state");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM request_answer WHERE request_id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(status(world.compliance(), id)).isEqualTo("WITHDRAWN");
        assertThat(api.get(as(world.compliance()), BASE + "/{id}/history", id)
                        .expect(200)
                        .texts("", "note"))
                .last()
                .isEqualTo("The suspect was identified by other means.");
        api.post(as(world.officer()), text("Twice."), BASE + "/{id}/withdrawal", id)
                .expect(409);
        assertThat(ledger.count(
                        "SELECT COUNT(*) FROM audit_entries WHERE action = 'requests.request.withdrawn' AND object_id = ?"
                                + " AND details LIKE '%ACKNOWLEDGED%'",
                        id.toString()))
                .isEqualTo(1);

        // A draft withdrawn was never the provider's business.
        UUID draft = api.post(as(world.officer()), fixtures.draft(world), BASE)
                .expect(201)
                .id();
        api.post(as(world.officer()), text("Not needed."), BASE + "/{id}/withdrawal", draft)
                .expect(200);
        assertThat(notices(events, "requests.notice.withdrawn", link(draft))).isZero();
    }

    @Test
    void aPreservationIsExtendedThenFollowedByADisclosureThatConvertsIt() {
        UUID preservation =
                send(world, fixtures.draft(world, RequestType.PRESERVATION, List.of(fixtures.ip("203.0.113.25"))));
        Reply kept = provider("/answer", preservation, answer(true, null, found(0, "Preserved: 1 NAT record")));
        assertThat(kept.text("/status")).isEqualTo("ANSWERED_FULL");
        assertThat(kept.text("/preservationState")).isEqualTo("ACTIVE");
        Instant answeredAt = Instant.parse(kept.text("/answeredAt"));
        Instant expires = Instant.parse(kept.text("/preservationExpiresAt"));
        assertThat(expires).isEqualTo(answeredAt.plus(Duration.ofDays(90)));
        assertThat(api.post(as(world.officer()), null, BASE + "/{id}/closure", preservation)
                        .expect(409)
                        .type())
                .isEqualTo("/problems/request-state");

        Reply extended = api.post(as(world.officer()), null, BASE + "/{id}/preservation/extension", preservation)
                .expect(200);
        assertThat(Instant.parse(extended.text("/preservationExpiresAt"))).isEqualTo(expires.plus(Duration.ofDays(90)));
        assertThat(extended.at("/preservationExtensions").asInt()).isEqualTo(1);
        assertThat(audiences(events, "requests.notice.preservation-extended", link(preservation)))
                .containsExactly(new Notice.Holders(world.provider().id(), RequestPermissions.HANDLE));
        api.post(as(world.officer()), null, BASE + "/{id}/preservation/extension", preservation)
                .expect(409);

        UUID disclosure = send(
                world,
                api.body(
                        fixtures.draft(
                                world, RequestType.DISCLOSURE_AFTER_PRESERVATION, List.of(fixtures.ip("203.0.113.25"))),
                        "preservationRequestId",
                        preservation));
        Reply followed =
                api.get(as(world.compliance()), BASE + "/{id}", preservation).expect(200);
        assertThat(followed.text("/request/preservationState")).isEqualTo("FOLLOWED");
        Reply sent = api.get(as(world.compliance()), BASE + "/{id}", disclosure).expect(200);
        assertThat(sent.text("/request/type")).isEqualTo("DISCLOSURE_AFTER_PRESERVATION");
        assertThat(sent.text("/request/preservationRequestId")).isEqualTo(preservation.toString());
        assertThat(sent.at("/signature/valid").asBoolean()).isTrue();
        // A followed preservation cannot be followed twice.
        UUID second = api.post(
                        as(world.officer()),
                        api.body(
                                fixtures.draft(
                                        world,
                                        RequestType.DISCLOSURE_AFTER_PRESERVATION,
                                        List.of(fixtures.ip("203.0.113.25"))),
                                "preservationRequestId",
                                preservation),
                        BASE)
                .expect(201)
                .id();
        assertThat(api.post(as(world.officer()), null, BASE + "/{id}/submission", second)
                        .expect(400)
                        .texts("/errors", "field"))
                .containsExactly("preservationRequestId");

        provider("/answer", disclosure, answer(true, null, found(0, "Fictional subscriber: Test Subscriber")));
        Reply converted =
                api.get(as(world.officer()), BASE + "/{id}", preservation).expect(200);
        assertThat(converted.text("/request/preservationState")).isEqualTo("CONVERTED");
        assertThat(converted.text("/request/status")).isEqualTo("CLOSED");
        assertThat(api.get(as(world.officer()), BASE + "/{id}/history", preservation)
                        .expect(200)
                        .texts("", "kind"))
                .containsSubsequence("answered", "preservation-extended", "disclosure-followed", "converted");
        assertThat(ledger.done(preservation)).contains("requests.preservation.extended");
    }

    @Test
    void aWithdrawnDisclosureLeavesThePreservationItFollowedActiveAgain() {
        UUID preservation =
                send(world, fixtures.draft(world, RequestType.PRESERVATION, List.of(fixtures.ip("203.0.113.25"))));
        provider("/answer", preservation, answer(true, null, found(0, "Preserved: 1 NAT record")));
        UUID disclosure = send(
                world,
                api.body(
                        fixtures.draft(
                                world, RequestType.DISCLOSURE_AFTER_PRESERVATION, List.of(fixtures.ip("203.0.113.25"))),
                        "preservationRequestId",
                        preservation));
        assertThat(api.get(as(world.officer()), BASE + "/{id}", preservation).text("/request/preservationState"))
                .isEqualTo("FOLLOWED");

        api.post(as(world.officer()), text("The order named the wrong account."), BASE + "/{id}/withdrawal", disclosure)
                .expect(200);
        Reply again = api.get(as(world.officer()), BASE + "/{id}", preservation).expect(200);
        assertThat(again.text("/request/preservationState")).isEqualTo("ACTIVE");
        assertThat(api.get(as(world.compliance()), BASE + "/{id}/history", preservation)
                        .texts("", "kind"))
                .endsWith("disclosure-withdrawn");

        // Kept again, it can be released, and the provider is told it may stop keeping the data.
        Reply released = api.post(as(world.officer()), null, BASE + "/{id}/preservation/release", preservation)
                .expect(200);
        assertThat(released.text("/preservationState")).isEqualTo("RELEASED");
        assertThat(released.text("/status")).isEqualTo("CLOSED");
        assertThat(audiences(events, "requests.notice.preservation-released", link(preservation)))
                .containsExactly(new Notice.Holders(world.provider().id(), RequestPermissions.HANDLE));
    }

    @Test
    void aPreservationNobodyFollowsLapsesAndTheProviderIsTold() {
        clock.set(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        UUID preservation =
                send(world, fixtures.draft(world, RequestType.PRESERVATION, List.of(fixtures.ip("203.0.113.25"))));
        Reply kept = provider("/answer", preservation, answer(true, null, found(0, "Preserved: 1 NAT record")));
        Instant expires = Instant.parse(kept.text("/preservationExpiresAt"));

        clock.set(expires.minusSeconds(1));
        clocks.run();
        assertThat(notices(events, "requests.notice.preservation-lapsed", link(preservation)))
                .isZero();
        assertThat(status(world.officer(), preservation)).isEqualTo("ANSWERED_FULL");

        clock.set(expires.plus(Duration.ofMinutes(1)));
        clocks.run();
        clocks.run();
        assertThat(audiences(events, "requests.notice.preservation-lapsed", link(preservation)))
                .containsExactlyInAnyOrder(
                        new Notice.Holders(world.provider().id(), RequestPermissions.HANDLE),
                        new Notice.Person(world.officer().id()));
        Reply lapsed =
                api.get(as(world.compliance()), BASE + "/{id}", preservation).expect(200);
        assertThat(lapsed.text("/request/preservationState")).isEqualTo("LAPSED");
        assertThat(lapsed.text("/request/status")).isEqualTo("CLOSED");
        assertThat(ledger.done(preservation)).containsOnlyOnce("requests.preservation.lapsed");

        // Too late to follow it now.
        UUID late = api.post(
                        as(world.officer()),
                        api.body(
                                fixtures.draft(
                                        world,
                                        RequestType.DISCLOSURE_AFTER_PRESERVATION,
                                        List.of(fixtures.ip("203.0.113.25"))),
                                "preservationRequestId",
                                preservation),
                        BASE)
                .expect(201)
                .id();
        assertThat(api.post(as(world.officer()), null, BASE + "/{id}/submission", late)
                        .expect(400)
                        .texts("/errors", "code"))
                .containsExactly("requests.validation.preservation-not-active");
    }

    @Test
    void anEmergencyByPhoneIsWrittenInTimeAndNotEscalated() {
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.set(start);
        Reply oral = logOral(world);
        UUID oralId = oral.id();
        assertThat(Instant.parse(oral.text("/writtenDueAt"))).isEqualTo(start.plus(Duration.ofHours(24)));
        assertThat(audiences(events, "requests.notice.oral-logged", "/requests/oral/" + oralId))
                .containsExactly(new Notice.Holders(world.provider().id(), RequestPermissions.HANDLE));
        assertThat(api.get(as(world.officer()), BASE + "/oral").expect(200).texts("", "id"))
                .contains(oralId.toString());
        assertThat(api.get(as(world.compliance()), BASE + "/oral/{id}", oralId)
                        .expect(200)
                        .text("/asked"))
                .startsWith("Who was behind 203.0.113.25");

        clock.advance(Duration.ofHours(2));
        UUID written = send(
                world,
                api.body(
                        fixtures.draft(world, RequestType.EMERGENCY_DISCLOSURE, List.of(fixtures.ip("203.0.113.25"))),
                        "oralRequestId",
                        oralId));
        Reply sent = api.get(as(world.compliance()), BASE + "/{id}", written).expect(200);
        Instant submittedAt = Instant.parse(sent.text("/request/submittedAt"));
        assertThat(sent.text("/request/oralRequestId")).isEqualTo(oralId.toString());
        assertThat(sent.at("/request/emergency").asBoolean()).isTrue();
        assertThat(Instant.parse(sent.text("/request/acknowledgeDueAt")))
                .isEqualTo(submittedAt.plus(Duration.ofHours(1)));
        assertThat(Instant.parse(sent.text("/request/answerDueAt"))).isEqualTo(submittedAt.plus(Duration.ofHours(8)));
        assertThat(audiences(events, "requests.notice.emergency-received", link(written)))
                .containsExactly(new Notice.Holders(world.provider().id(), RequestPermissions.HANDLE));
        assertThat(api.get(as(world.compliance()), BASE + "/oral/{id}", oralId)
                        .expect(200)
                        .text("/requestId"))
                .isEqualTo(written.toString());
        assertThat(api.get(as(world.officer()), BASE + "/oral").expect(200).texts("", "id"))
                .doesNotContain(oralId.toString());

        clock.set(start.plus(Duration.ofHours(25)));
        clocks.run();
        assertThat(notices(events, "requests.notice.oral-escalated", "/requests/oral/" + oralId))
                .isZero();
        assertThat(api.get(as(world.officer()), BASE + "/oral/{id}", oralId)
                        .expect(200)
                        .at("/escalatedAt")
                        .isMissingNode())
                .isTrue();
    }

    @Test
    void anEmergencyByPhoneWithoutItsWrittenRequestIsEscalatedOnce() {
        Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        clock.set(start);
        UUID oralId = logOral(world).id();

        clock.set(start.plus(Duration.ofHours(24)).plusSeconds(60));
        clocks.run();
        clocks.run();
        assertThat(audiences(events, "requests.notice.oral-escalated", "/requests/oral/" + oralId))
                .containsExactlyInAnyOrder(
                        new Notice.Holders(world.police().id(), RequestPermissions.AUTHORISE),
                        new Notice.Holders(world.provider().id(), RequestPermissions.LEAD));
        assertThat(Instant.parse(api.get(as(world.lead()), BASE + "/oral/{id}", oralId)
                        .expect(200)
                        .text("/escalatedAt")))
                .isEqualTo(start.plus(Duration.ofHours(24)).plusSeconds(60));
        assertThat(ledger.done(oralId)).containsOnlyOnce("requests.oral.escalated");
    }

    @Test
    void aProvidersOwnToolingPullsTheInboxAndAcknowledgesWithItsToken() {
        UUID id = send(world, fixtures.draft(world));
        String token = people.token(world.provider(), Set.of(RequestPermissions.HANDLE));

        Reply inbox = api.get(bearer(token), BASE + "/inbox?status=SUBMITTED").expect(200);
        assertThat(inbox.texts("/items", "id")).contains(id.toString());
        assertThat(api.get(bearer(token), BASE + "/{id}", id).expect(200).text("/request/status"))
                .isEqualTo("RECEIVED");
        Reply acknowledged = api.post(bearer(token), null, BASE + "/{id}/acknowledgement", id)
                .expect(200);
        assertThat(acknowledged.text("/status")).isEqualTo("ACKNOWLEDGED");
        assertThat(ledger.count(
                        "SELECT COUNT(*) FROM audit_entries WHERE action = 'requests.request.acknowledged' AND object_id = ?"
                                + " AND actor_kind = 'API_TOKEN'",
                        id.toString()))
                .isEqualTo(1);

        // Its tooling may ask a question straight away, without reading the request first.
        UUID unread = send(world, fixtures.draft(world));
        assertThat(api.post(
                                bearer(token),
                                RequestsApi.text("Which time zone?"),
                                BASE + "/{id}/clarification-request",
                                unread)
                        .expect(200)
                        .text("/status"))
                .isEqualTo("CLARIFICATION_REQUESTED");

        // A token of the provider without the permission sees no inbox.
        String reader = people.token(world.provider(), Set.of("directory.read"));
        api.get(bearer(reader), BASE + "/inbox").expect(403);
    }

    @Test
    void theQueuesArePagedNewestFirstWithoutLosingOrRepeatingARequestSentAtTheSameTime() {
        clock.set(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        List<UUID> sameTime = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            sameTime.add(fixtures.submitted(world).id());
        }
        clock.advance(Duration.ofMinutes(1));
        UUID newest = fixtures.submitted(world).id();

        for (var queue : List.of(Map.entry(world.compliance(), "/inbox"), Map.entry(world.officer(), "/outbox"))) {
            List<String> seen = new ArrayList<>();
            String cursor = null;
            int pages = 0;
            do {
                Reply page = api.get(
                                as(queue.getKey()),
                                BASE + queue.getValue() + "?limit=2" + (cursor == null ? "" : "&cursor=" + cursor))
                        .expect(200);
                seen.addAll(page.texts("/items", "id"));
                cursor = page.at("/nextCursor").isString() ? page.text("/nextCursor") : null;
                pages++;
            } while (cursor != null && pages < 10);
            assertThat(seen).as(queue.getValue()).doesNotHaveDuplicates().hasSize(6);
            assertThat(seen.getFirst()).as(queue.getValue()).isEqualTo(newest.toString());
            assertThat(seen)
                    .as(queue.getValue())
                    .containsAll(sameTime.stream().map(UUID::toString).toList());
            assertThat(pages).as(queue.getValue()).isEqualTo(3);
        }
    }

    @Test
    void twoUnitsAskingAboutTheSameAddressLearnWhomToCallButNothingOfEachOthersCase() {
        World other = fixtures.otherPolice(world);
        UUID first = send(world, fixtures.draft(world));
        String secondSummary = "Fictional: an extortion by e-mail from the same address.";
        UUID second = send(
                other,
                api.body(
                        fixtures.draft(other),
                        "requestingUnit",
                        "Drejtoria e Hetimit të Krimit Ekonomik",
                        "officerName",
                        "Second Officer",
                        "officerPhone",
                        "+355 4 222 4444",
                        "offence",
                        "Shantazh (neni 109/b KP)",
                        "summary",
                        secondSummary));
        String firstReference =
                api.get(as(world.officer()), BASE + "/{id}", first).text("/request/reference");
        String secondReference =
                api.get(as(other.officer()), BASE + "/{id}", second).text("/request/reference");

        Reply seenByFirst =
                api.get(as(world.officer()), BASE + "/{id}/overlaps", first).expect(200);
        assertThat(seenByFirst.json().size()).isEqualTo(1);
        assertThat(seenByFirst.text("/0/otherReference")).isEqualTo(secondReference);
        assertThat(seenByFirst.text("/0/officerName")).isEqualTo("Second Officer");
        assertThat(seenByFirst.text("/0/unit")).isEqualTo("Drejtoria e Hetimit të Krimit Ekonomik");
        assertThat(seenByFirst.text("/0/phone")).isEqualTo("+355 4 222 4444");
        assertThat(seenByFirst.text("/0/email"))
                .endsWith("@" + other.police().officialDomains().getFirst());
        assertThat(seenByFirst.text("/0/organisationId"))
                .isEqualTo(other.police().id().toString());
        List<String> members = new ArrayList<>();
        seenByFirst.at("/0").propertyNames().forEach(members::add);
        assertThat(members)
                .containsExactlyInAnyOrder(
                        "otherReference", "officerName", "unit", "phone", "email", "organisationId", "foundAt");
        assertThat(seenByFirst.body()).doesNotContain(secondSummary, "Shantazh", "203.0.113.25", second.toString());

        Reply seenBySecond =
                api.get(as(other.officer()), BASE + "/{id}/overlaps", second).expect(200);
        assertThat(seenBySecond.texts("", "otherReference")).containsExactly(firstReference);
        assertThat(seenBySecond.texts("", "officerName")).containsExactly("Officer Test");
        assertThat(seenBySecond.body()).doesNotContain("phishing", first.toString());

        // Neither may read the other's request.
        api.get(as(world.officer()), BASE + "/{id}", second).expect(404);
        api.get(as(other.officer()), BASE + "/{id}", first).expect(404);
        assertThat(audiences(events, "requests.notice.deconfliction", link(first)))
                .containsExactly(new Notice.Person(world.officer().id()));
        assertThat(audiences(events, "requests.notice.deconfliction", link(second)))
                .containsExactly(new Notice.Person(other.officer().id()));
    }

    // ---- helpers ----

    /** Drafted by the world's officer, sent for authorisation and authorised, through the API. */
    private UUID send(World w, Object draft) {
        UUID id = api.post(as(w.officer()), draft, BASE).expect(201).id();
        api.post(as(w.officer()), null, BASE + "/{id}/submission", id).expect(200);
        assertThat(api.post(as(w.authoriser()), null, BASE + "/{id}/authorisation", id)
                        .expect(200)
                        .text("/status"))
                .isEqualTo("SUBMITTED");
        return id;
    }

    /** A provider action by the compliance officer that must succeed. */
    private Reply provider(String action, UUID id, @org.jspecify.annotations.Nullable Object body) {
        return provider(action, id, body, 200);
    }

    private Reply provider(String action, UUID id, @org.jspecify.annotations.Nullable Object body, int expected) {
        return api.post(as(world.compliance()), body, BASE + "/{id}" + action, id)
                .expect(expected);
    }

    private String status(TestUser reader, UUID id) {
        return api.get(as(reader), BASE + "/{id}", id).expect(200).text("/request/status");
    }

    private String lastEvent(UUID id) {
        List<String> kinds = api.get(as(world.officer()), BASE + "/{id}/history", id)
                .expect(200)
                .texts("", "kind");
        return kinds.getLast();
    }

    private Reply logOral(World w) {
        return api.post(
                        as(w.officer()),
                        Map.of(
                                "providerId", w.provider().id(),
                                "callerName", "Officer Test",
                                "calledContact", "Desk EMERGENCY_24_7, +355 69 555 0101",
                                "asked",
                                        "Who was behind 203.0.113.25:51234 an hour ago: a person threatens self-harm tonight.",
                                "requestingUnit", "Sektori i Krimeve Kibernetike"),
                        BASE + "/oral")
                .expect(201);
    }

    private static Map<String, Object> answer(
            boolean complete, @org.jspecify.annotations.Nullable String note, List<Map<String, Object>> items) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("complete", complete);
        if (note != null) {
            body.put("note", note);
        }
        body.put("items", items);
        return body;
    }

    private static List<Map<String, Object>> found(int position, String records) {
        return List.of(Map.of("position", position, "found", true, "records", records));
    }

    private static Map<String, Object> notFound(int position) {
        return Map.of("position", position, "found", false);
    }

    private static String link(UUID id) {
        return "/requests/" + id;
    }
}
