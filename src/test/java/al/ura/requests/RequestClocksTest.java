package al.ura.requests;

import static al.ura.requests.RequestLedger.audiences;
import static al.ura.requests.RequestLedger.notices;
import static al.ura.requests.RequestsApi.BASE;
import static al.ura.requests.RequestsApi.as;
import static org.assertj.core.api.Assertions.assertThat;

import al.ura.kernel.Notice;
import al.ura.requests.RequestFixtures.World;
import al.ura.testing.DatabaseTest;
import al.ura.testing.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
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
 * The requests' clocks on a fixed {@link TestClock}: deadlines set at authorisation by priority,
 * the reminder before the answer is due and the overdue notices (each sent once however often the
 * clocks run), the overdue flag and filter, the preservation reminders before expiry (again after
 * an extension) and the lapse, and the escalation of an oral emergency exactly 24 hours after the
 * call. Notices are counted by message key and link.
 */
@DatabaseTest
@RecordApplicationEvents
class RequestClocksTest {

    private static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");

    @Autowired
    MockMvcTester mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RequestFixtures fixtures;

    @Autowired
    LegalRequests requests;

    @Autowired
    ProviderDesk desk;

    @Autowired
    Preservations preservations;

    @Autowired
    OralEmergencies oral;

    @Autowired
    RequestClocks clocks;

    @Autowired
    TestClock clock;

    @Autowired
    ApplicationEvents events;

    RequestsApi api;
    World world;

    @BeforeEach
    void atAFixedTime() {
        fixtures.holdScheduledClocks();
        clock.set(T0);
        api = new RequestsApi(mvc, json);
        world = fixtures.world();
    }

    @AfterEach
    void releaseTheClocks() {
        fixtures.releaseScheduledClocks();
    }

    @Test
    void theDeadlinesAreSetAtAuthorisationByPriority() {
        RequestView normal = fixtures.submitted(world);
        assertThat(normal.submittedAt()).isEqualTo(T0);
        assertThat(normal.acknowledgeDueAt()).isEqualTo(T0.plus(Duration.ofDays(2)));
        assertThat(normal.answerDueAt()).isEqualTo(T0.plus(Duration.ofDays(10)));

        RequestView high = fixtures.submitted(world, draft(RequestType.DISCLOSURE, "priority", "HIGH"));
        assertThat(high.acknowledgeDueAt()).isEqualTo(T0.plus(Duration.ofDays(1)));
        assertThat(high.answerDueAt()).isEqualTo(T0.plus(Duration.ofDays(5)));

        RequestView emergency = fixtures.submitted(world, draft(RequestType.EMERGENCY_DISCLOSURE));
        assertThat(emergency.emergency()).isTrue();
        assertThat(emergency.acknowledgeDueAt()).isEqualTo(T0.plus(Duration.ofHours(1)));
        assertThat(emergency.answerDueAt()).isEqualTo(T0.plus(Duration.ofHours(8)));

        // The clock starts when it is authorised, not when it was drafted.
        RequestView drafted = requests.createDraft(world.officer().actor(), fixtures.draft(world));
        requests.submitForAuthorisation(world.officer().actor(), drafted.id());
        clock.advance(Duration.ofHours(3));
        RequestView authorised = requests.authorise(world.authoriser().actor(), drafted.id());
        assertThat(authorised.acknowledgeDueAt())
                .isEqualTo(T0.plus(Duration.ofHours(3)).plus(Duration.ofDays(2)));
        assertThat(authorised.answerDueAt())
                .isEqualTo(T0.plus(Duration.ofHours(3)).plus(Duration.ofDays(10)));

        // A deadline the requester asks for shortens the answer's, to the end of that day where Ura runs.
        LocalDate asked = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(3);
        RequestView sooner =
                fixtures.submitted(world, draft(RequestType.DISCLOSURE, "requestedDeadline", asked.toString()));
        assertThat(sooner.answerDueAt())
                .isEqualTo(asked.plusDays(1)
                        .atStartOfDay(ZoneId.of("Europe/Tirane"))
                        .toInstant());
    }

    @Test
    void theProviderIsRemindedADayBeforeTheAnswerIsDueOnceAndBothSidesAreToldOnceWhenItIsLate() {
        UUID id = fixtures.submitted(world).id();
        desk.acknowledge(world.compliance().actor(), id);

        at(T0.plus(Duration.ofDays(9)).minusSeconds(1));
        assertThat(notices(events, "requests.notice.answer-due-soon", link(id))).isZero();

        at(T0.plus(Duration.ofDays(9)));
        clocks.run();
        assertThat(audiences(events, "requests.notice.answer-due-soon", link(id)))
                .containsExactly(new Notice.Holders(world.provider().id(), RequestPermissions.HANDLE));

        at(T0.plus(Duration.ofDays(10)).minusSeconds(1));
        assertThat(notices(events, "requests.notice.answer-overdue", link(id))).isZero();
        assertThat(requests.read(world.officer().actor(), id).overdue()).isFalse();
        assertThat(overdueInbox()).doesNotContain(id.toString());

        at(T0.plus(Duration.ofDays(10)));
        clocks.run();
        at(T0.plus(Duration.ofDays(10)).plusSeconds(60));
        assertThat(audiences(events, "requests.notice.answer-overdue", link(id)))
                .containsExactlyInAnyOrder(
                        new Notice.Holders(world.provider().id(), RequestPermissions.HANDLE),
                        new Notice.Holders(world.provider().id(), RequestPermissions.LEAD),
                        new Notice.Person(world.officer().id()));
        assertThat(notices(events, "requests.notice.answer-due-soon", link(id))).isEqualTo(1);
        assertThat(notices(events, "requests.notice.acknowledge-overdue", link(id)))
                .isZero();

        // Late: flagged in the view and in both queues' filter; a request sent now is not.
        UUID fresh = fixtures.submitted(world).id();
        assertThat(requests.read(world.officer().actor(), id).overdue()).isTrue();
        assertThat(requests.read(world.officer().actor(), fresh).overdue()).isFalse();
        assertThat(overdueInbox()).contains(id.toString()).doesNotContain(fresh.toString());
        assertThat(api.get(as(world.officer()), BASE + "/outbox?overdue=true")
                        .expect(200)
                        .texts("/items", "id"))
                .contains(id.toString())
                .doesNotContain(fresh.toString());
        assertThat(api.get(as(world.compliance()), BASE + "/inbox").expect(200).texts("/items", "id"))
                .contains(id.toString(), fresh.toString());

        // Answered late, it is no longer overdue.
        desk.answer(
                world.compliance().actor(),
                id,
                new ProviderDesk.AnswerCommand(
                        true, null, List.of(new ProviderDesk.ItemCommand(0, true, "Fictional subscriber", null))));
        assertThat(requests.read(world.officer().actor(), id).overdue()).isFalse();
        assertThat(overdueInbox()).doesNotContain(id.toString());
        clocks.run();
        assertThat(notices(events, "requests.notice.answer-overdue", link(id))).isEqualTo(3);
    }

    @Test
    void anUnacknowledgedRequestIsLateAfterTwoDaysAndBothSidesAreToldOnce() {
        UUID id = fixtures.submitted(world).id();

        at(T0.plus(Duration.ofDays(2)).minusSeconds(1));
        assertThat(notices(events, "requests.notice.acknowledge-overdue", link(id)))
                .isZero();
        assertThat(requests.read(world.officer().actor(), id).overdue()).isFalse();

        at(T0.plus(Duration.ofDays(2)));
        clocks.run();
        assertThat(audiences(events, "requests.notice.acknowledge-overdue", link(id)))
                .containsExactlyInAnyOrder(
                        new Notice.Holders(world.provider().id(), RequestPermissions.HANDLE),
                        new Notice.Person(world.officer().id()));
        at(T0.plus(Duration.ofDays(2)).plusSeconds(1));
        assertThat(requests.read(world.officer().actor(), id).overdue()).isTrue();
        assertThat(overdueInbox()).contains(id.toString());

        desk.acknowledge(world.compliance().actor(), id);
        assertThat(requests.read(world.officer().actor(), id).overdue()).isFalse();
        assertThat(overdueInbox()).doesNotContain(id.toString());
        assertThat(notices(events, "requests.notice.acknowledge-overdue", link(id)))
                .isEqualTo(2);
    }

    @Test
    void aQuestionAskedBeforeAcknowledgingCountsAsTheAcknowledgement() {
        UUID id = fixtures.submitted(world).id();
        clock.advance(Duration.ofHours(1));
        requests.read(world.compliance().actor(), id);
        RequestView asked = desk.askClarification(world.compliance().actor(), id, "Which source port?");
        assertThat(asked.status()).isEqualTo(RequestStatus.CLARIFICATION_REQUESTED);
        assertThat(asked.acknowledgedAt()).isEqualTo(T0.plus(Duration.ofHours(1)));

        clock.advance(Duration.ofHours(1));
        RequestView clarified = requests.clarify(world.officer().actor(), id, "Port 51234.");
        assertThat(clarified.status()).isEqualTo(RequestStatus.ACKNOWLEDGED);
        assertThat(clarified.acknowledgedAt()).isEqualTo(T0.plus(Duration.ofHours(1)));

        at(T0.plus(Duration.ofDays(2)).plusSeconds(1));
        assertThat(notices(events, "requests.notice.acknowledge-overdue", link(id)))
                .isZero();
        assertThat(requests.read(world.officer().actor(), id).overdue()).isFalse();
        assertThat(jdbc.sql("SELECT acknowledge_seconds FROM legal_request WHERE id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isEqualTo(3600L);
    }

    @Test
    void anEmergencyIsRemindedAQuarterOfItsTimeBeforeAndIsLateAfterEightHours() {
        UUID id = fixtures.submitted(world, draft(RequestType.EMERGENCY_DISCLOSURE))
                .id();
        clock.advance(Duration.ofMinutes(20));
        desk.acknowledge(world.compliance().actor(), id);

        at(T0.plus(Duration.ofHours(6)).minusSeconds(1));
        assertThat(notices(events, "requests.notice.answer-due-soon", link(id))).isZero();

        at(T0.plus(Duration.ofHours(6)));
        assertThat(audiences(events, "requests.notice.answer-due-soon", link(id)))
                .containsExactly(new Notice.Holders(world.provider().id(), RequestPermissions.HANDLE));

        at(T0.plus(Duration.ofHours(8)).minusSeconds(1));
        assertThat(notices(events, "requests.notice.answer-overdue", link(id))).isZero();

        at(T0.plus(Duration.ofHours(8)));
        assertThat(audiences(events, "requests.notice.answer-overdue", link(id)))
                .containsExactlyInAnyOrder(
                        new Notice.Holders(world.provider().id(), RequestPermissions.HANDLE),
                        new Notice.Holders(world.provider().id(), RequestPermissions.LEAD),
                        new Notice.Person(world.officer().id()));
        assertThat(notices(events, "requests.notice.acknowledge-overdue", link(id)))
                .isZero();
        assertThat(notices(events, "requests.notice.answer-due-soon", link(id))).isEqualTo(1);
    }

    @Test
    void anUnacknowledgedEmergencyIsLateAfterAnHour() {
        UUID id = fixtures.submitted(world, draft(RequestType.EMERGENCY_DISCLOSURE))
                .id();

        at(T0.plus(Duration.ofHours(1)).minusSeconds(1));
        assertThat(notices(events, "requests.notice.acknowledge-overdue", link(id)))
                .isZero();
        at(T0.plus(Duration.ofHours(1)));
        assertThat(notices(events, "requests.notice.acknowledge-overdue", link(id)))
                .isEqualTo(2);
    }

    @Test
    void aPreservationRemindsFourteenAndThreeDaysBeforeItExpiresAgainAfterAnExtensionThenLapses() {
        UUID id = fixtures.submitted(world, draft(RequestType.PRESERVATION)).id();
        RequestView kept = desk.answer(
                world.compliance().actor(),
                id,
                new ProviderDesk.AnswerCommand(
                        true, null, List.of(new ProviderDesk.ItemCommand(0, true, "Preserved: 1 NAT record", null))));
        Instant expires = T0.plus(Duration.ofDays(90));
        assertThat(kept.preservationExpiresAt()).isEqualTo(expires);

        at(expires.minus(Duration.ofDays(14)).minusSeconds(1));
        assertThat(expiring(id)).isEmpty();
        at(expires.minus(Duration.ofDays(14)));
        assertThat(expiring(id)).containsExactly("14");
        at(expires.minus(Duration.ofDays(3)).minusSeconds(1));
        assertThat(expiring(id)).containsExactly("14");
        at(expires.minus(Duration.ofDays(3)));
        assertThat(expiring(id)).containsExactly("14", "3");
        assertThat(audiences(events, "requests.notice.preservation-expiring", link(id)))
                .containsOnly(new Notice.Person(world.officer().id()));

        // Extended two days before it expires: the reminders come again for the new expiry.
        at(expires.minus(Duration.ofDays(2)));
        Instant extended = preservations.extend(world.officer().actor(), id).preservationExpiresAt();
        assertThat(extended).isEqualTo(expires.plus(Duration.ofDays(90)));
        at(expires.plusSeconds(60));
        assertThat(notices(events, "requests.notice.preservation-lapsed", link(id)))
                .isZero();
        assertThat(expiring(id)).containsExactly("14", "3");
        at(extended.minus(Duration.ofDays(14)));
        at(extended.minus(Duration.ofDays(3)));
        assertThat(expiring(id)).containsExactly("14", "3", "14", "3");

        at(extended.minusSeconds(1));
        assertThat(notices(events, "requests.notice.preservation-lapsed", link(id)))
                .isZero();
        at(extended);
        assertThat(audiences(events, "requests.notice.preservation-lapsed", link(id)))
                .containsExactlyInAnyOrder(
                        new Notice.Holders(world.provider().id(), RequestPermissions.HANDLE),
                        new Notice.Person(world.officer().id()));
        RequestView lapsed = requests.read(world.officer().actor(), id);
        assertThat(lapsed.preservationState()).isEqualTo(PreservationState.LAPSED);
        assertThat(lapsed.status()).isEqualTo(RequestStatus.CLOSED);
        at(extended.plus(Duration.ofDays(1)));
        assertThat(notices(events, "requests.notice.preservation-lapsed", link(id)))
                .isEqualTo(2);
        assertThat(expiring(id)).hasSize(4);
    }

    @Test
    void aReleasedPreservationIsNeitherRemindedNorLapsed() {
        UUID id = fixtures.submitted(world, draft(RequestType.PRESERVATION)).id();
        desk.answer(
                world.compliance().actor(),
                id,
                new ProviderDesk.AnswerCommand(
                        true, null, List.of(new ProviderDesk.ItemCommand(0, true, "Preserved", null))));
        at(T0.plus(Duration.ofDays(10)));
        preservations.release(world.officer().actor(), id);

        at(T0.plus(Duration.ofDays(77)));
        at(T0.plus(Duration.ofDays(91)));
        assertThat(expiring(id)).isEmpty();
        assertThat(notices(events, "requests.notice.preservation-lapsed", link(id)))
                .isZero();
        assertThat(audiences(events, "requests.notice.preservation-released", link(id)))
                .containsExactly(new Notice.Holders(world.provider().id(), RequestPermissions.HANDLE));
        assertThat(requests.read(world.officer().actor(), id).preservationState())
                .isEqualTo(PreservationState.RELEASED);
    }

    @Test
    void anOralEmergencyIsEscalatedExactlyTwentyFourHoursAfterTheCallOnce() {
        Instant called = T0.minus(Duration.ofMinutes(30));
        OralEmergencies.OralView logged = oral.log(
                world.officer().actor(),
                new OralEmergencies.OralCommand(
                        world.provider().id(),
                        called.atOffset(ZoneOffset.ofHours(1)).toString(),
                        "Officer Test",
                        "Desk EMERGENCY_24_7",
                        "Who was behind 203.0.113.25:51234 an hour ago?",
                        null));
        assertThat(logged.calledAt()).isEqualTo(called);
        assertThat(logged.writtenDueAt()).isEqualTo(called.plus(Duration.ofHours(24)));
        String link = "/requests/oral/" + logged.id();

        at(called.plus(Duration.ofHours(24)).minusSeconds(1));
        assertThat(notices(events, "requests.notice.oral-escalated", link)).isZero();

        at(called.plus(Duration.ofHours(24)));
        assertThat(audiences(events, "requests.notice.oral-escalated", link))
                .containsExactlyInAnyOrder(
                        new Notice.Holders(world.police().id(), RequestPermissions.AUTHORISE),
                        new Notice.Holders(world.provider().id(), RequestPermissions.LEAD));
        at(called.plus(Duration.ofHours(30)));
        assertThat(notices(events, "requests.notice.oral-escalated", link)).isEqualTo(2);
        assertThat(oral.read(world.lead().actor(), logged.id()).escalatedAt())
                .isEqualTo(called.plus(Duration.ofHours(24)));
    }

    // ---- helpers ----

    /** Sets the clock and runs the clocks twice, as two scheduled passes at the same time would. */
    private void at(Instant instant) {
        clock.set(instant);
        clocks.run();
        clocks.run();
    }

    /** The world's valid draft of that type with some members set to other values. */
    private DraftCommand draft(RequestType type, Object... overrides) {
        DraftCommand draft = fixtures.draft(world, type, List.of(fixtures.ip("203.0.113.25")));
        return json.convertValue(api.body(draft, overrides), DraftCommand.class);
    }

    /** The days left that each preservation reminder about {@code id} said, in order. */
    private List<String> expiring(UUID id) {
        return events.stream(Notice.class)
                .filter(n -> n.messageKey().equals("requests.notice.preservation-expiring")
                        && n.link().equals(link(id)))
                .map(n -> n.arguments().get(1))
                .toList();
    }

    private List<String> overdueInbox() {
        return api.get(as(world.compliance()), BASE + "/inbox?overdue=true")
                .expect(200)
                .texts("/items", "id");
    }

    private static String link(UUID id) {
        return "/requests/" + id;
    }
}
