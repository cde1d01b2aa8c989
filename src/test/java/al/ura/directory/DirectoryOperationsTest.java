package al.ura.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import al.ura.identity.IdentityFixtures;
import al.ura.kernel.LiveFigure;
import al.ura.kernel.Notice;
import al.ura.kernel.ProblemException;
import al.ura.testing.DatabaseTest;
import al.ura.testing.TestClock;
import jakarta.servlet.http.Cookie;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * What runs the directory over time and who may change what: re-verification reminders and
 * overdue flags on a fixed clock, reachability checks, the strategy figure, the deny paths of
 * organisation administrators, and the operator's suspension.
 */
@DatabaseTest
@RecordApplicationEvents
class DirectoryOperationsTest {

    @Autowired
    MockMvcTester mvc;

    @Autowired
    IdentityFixtures people;

    @Autowired
    DirectoryFixtures fixtures;

    @Autowired
    ContactDirectory contacts;

    @Autowired
    ReverificationReminders reminders;

    @Autowired
    ReachabilityChecks checks;

    @Autowired
    OrganisationDirectory directory;

    @Autowired
    List<LiveFigure> figures;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @Autowired
    ApplicationEvents events;

    @Test
    void reminderBeforeTheDueDateThenOverdueOnceAndAReVerificationStartsAfresh() {
        clock.set(Instant.parse("2026-01-05T09:00:00Z"));
        OrganisationView organisation = fixtures.organisation();
        ContactPointView contact = fixtures.alwaysAvailable(organisation, ContactFunction.EMERGENCY_24_7, "UTC");
        assertThat(contact.lastVerified()).isEqualTo(java.time.LocalDate.of(2026, 1, 5));
        assertThat(contact.verificationDue()).isEqualTo(java.time.LocalDate.of(2026, 5, 5)); // 120 days

        clock.set(Instant.parse("2026-04-20T06:00:00Z")); // 15 days before: nothing yet
        reminders.run();
        assertThat(notices(contact, "directory.notice.reverify-due")).isZero();

        clock.set(Instant.parse("2026-04-21T06:00:00Z")); // 14 days before
        reminders.run();
        reminders.run();
        assertThat(notices(contact, "directory.notice.reverify-due")).isEqualTo(1);
        assertThat(contacts.find(contact.id()).orElseThrow().overdue()).isFalse();

        clock.set(Instant.parse("2026-05-05T12:00:00Z")); // the due day: still not overdue
        reminders.run();
        assertThat(notices(contact, "directory.notice.reverify-overdue")).isZero();
        assertThat(contacts.find(contact.id()).orElseThrow().overdue()).isFalse();

        clock.set(Instant.parse("2026-05-06T06:00:00Z")); // the day after: overdue, told once
        reminders.run();
        reminders.run();
        assertThat(notices(contact, "directory.notice.reverify-overdue")).isEqualTo(1);
        assertThat(contacts.find(contact.id()).orElseThrow().overdue()).isTrue();
        Notice notice = events.stream(Notice.class)
                .filter(n -> n.messageKey().equals("directory.notice.reverify-overdue"))
                .filter(n -> n.link().endsWith(contact.id().toString()))
                .findFirst()
                .orElseThrow();
        assertThat(notice.audience()).isEqualTo(new Notice.Holders(organisation.id(), DirectoryPermissions.MANAGE_OWN));
        assertThat(notice.arguments()).containsExactly(contact.name(), "05.05.2026");

        ContactPointView confirmed = contacts.confirm(DirectoryFixtures.OPERATOR, contact.id());
        assertThat(confirmed.overdue()).isFalse();
        assertThat(confirmed.verificationDue()).isEqualTo(java.time.LocalDate.of(2026, 9, 3));
        clock.set(Instant.parse("2026-08-21T06:00:00Z")); // 13 days before the new due date
        reminders.run();
        assertThat(notices(contact, "directory.notice.reverify-due")).isEqualTo(2);
    }

    @Test
    void aReachabilityCheckRecordsTheTimeToAcknowledge() {
        clock.set(Instant.parse("2026-03-10T01:00:00Z"));
        OrganisationView organisation = fixtures.organisation(OrganisationType.PROVIDER_HOSTING, "AL");
        ContactPointView desk = fixtures.alwaysAvailable(organisation, ContactFunction.EMERGENCY_24_7, "Europe/Tirane");
        IdentityFixtures.TestUser operator = people.user(people.organisation(), IdentityFixtures.PLATFORM_ADMIN);

        ReachabilityChecks.Started started = checks.startCheck(operator.actor(), desk.id());
        assertThat(started.check().status()).isEqualTo(ReachabilityCheckView.Status.OPEN);
        assertThat(events.stream(Notice.class)
                        .filter(n -> n.link()
                                .equals("/directory/checks/" + started.check().id())))
                .singleElement()
                .satisfies(n -> assertThat(n.audience())
                        .isEqualTo(new Notice.Holders(organisation.id(), DirectoryPermissions.MANAGE_OWN)));
        assertThat(events.stream(ReachabilityChecks.ChallengeMail.class))
                .anySatisfy(mail -> assertThat(mail.email()).isEqualTo(desk.email()));

        clock.advance(Duration.ofMinutes(3).plusSeconds(20));
        assertThat(checks.acknowledgeByLink(started.token()))
                .isEqualTo(new ReachabilityChecks.Acknowledgement.Acknowledged(Duration.ofSeconds(200)));
        assertThat(checks.acknowledgeByLink(started.token()))
                .isInstanceOf(ReachabilityChecks.Acknowledgement.AlreadyAcknowledged.class);
        assertThat(checks.acknowledgeByLink("forged-token"))
                .isInstanceOf(ReachabilityChecks.Acknowledgement.Unknown.class);

        // A second check is not answered in time.
        ReachabilityChecks.Started second = checks.startCheck(operator.actor(), desk.id());
        clock.advance(Duration.ofHours(25));
        assertThat(checks.acknowledgeByLink(second.token()))
                .isInstanceOf(ReachabilityChecks.Acknowledgement.Expired.class);

        // A third one is acknowledged in Ura by the organisation's administrator.
        ReachabilityChecks.Started third = checks.startCheck(operator.actor(), desk.id());
        clock.advance(Duration.ofSeconds(45));
        IdentityFixtures.TestUser admin = people.user(organisation, IdentityFixtures.ORGANISATION_ADMIN);
        MvcTestResult ack = mvc.post()
                .uri(
                        "/api/v1/directory/reachability-checks/{id}/acknowledgement",
                        third.check().id())
                .with(authentication(admin.authentication()))
                .with(csrf())
                .exchange();
        assertThat(ack).hasStatusOk();
        assertThat(ack).bodyJson().extractingPath("$.acknowledgedVia").isEqualTo("IN_APP");

        assertThat(checks.recent(desk.id(), 10))
                .extracting(ReachabilityCheckView::status, ReachabilityCheckView::answerTime)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(
                                ReachabilityCheckView.Status.ACKNOWLEDGED, Duration.ofSeconds(45)),
                        org.assertj.core.groups.Tuple.tuple(ReachabilityCheckView.Status.UNANSWERED, null),
                        org.assertj.core.groups.Tuple.tuple(
                                ReachabilityCheckView.Status.ACKNOWLEDGED, Duration.ofSeconds(200)));
        // The ledger has the time; only the operator may start checks.
        assertThat(count(
                        "SELECT COUNT(*) FROM audit_entries WHERE action = 'directory.reachability-check.acknowledged'"
                                + " AND subject_org_id = ?",
                        organisation.id()))
                .isEqualTo(2);
        assertThatThrownBy(() -> checks.start(admin.actor(), desk.id())).isInstanceOf(ProblemException.class);
    }

    @Test
    void theStrategyFigureCountsOrganisationsWithAVerifiedStrategyContactAtThePeriodsEnd() {
        LiveFigure figure = figures.stream()
                .filter(f -> f.code().equals("directory.strategy-contacts-verified"))
                .findFirst()
                .orElseThrow();
        Instant start = Instant.parse("2030-01-01T00:00:00Z");
        clock.set(start);
        BigDecimal before =
                figure.value(start.minus(Duration.ofDays(365)), start).orElseThrow();

        OrganisationView a = fixtures.organisation();
        OrganisationView b = fixtures.organisation();
        OrganisationView c = fixtures.organisation();
        fixtures.officeHours(a, ContactFunction.STRATEGY, "Europe/Tirane", List.of("sq"));
        fixtures.officeHours(a, ContactFunction.STRATEGY, "Europe/Tirane", List.of("sq")); // two count once
        fixtures.officeHours(b, ContactFunction.STRATEGY, "Europe/Tirane", List.of("sq"));
        fixtures.officeHours(c, ContactFunction.LEGAL_REQUESTS, "Europe/Tirane", List.of("sq")); // not strategy

        Instant inAMonth = start.plus(Duration.ofDays(30));
        assertThat(figure.value(start, inAMonth)).contains(before.add(BigDecimal.valueOf(2)));
        // Created after the period: not counted for it.
        assertThat(figure.value(start.minus(Duration.ofDays(30)), start)).contains(before);
        // After 120 days without re-verification, overdue: not counted.
        assertThat(figure.value(start, start.plus(Duration.ofDays(130)))).contains(before);
        // Suspended: not counted from then on.
        clock.set(start.plus(Duration.ofDays(40)));
        directory.suspend(DirectoryFixtures.OPERATOR, b.id(), "Test");
        assertThat(figure.value(start, start.plus(Duration.ofDays(50)))).contains(before.add(BigDecimal.ONE));
        assertThat(figure.value(start, inAMonth)).contains(before.add(BigDecimal.valueOf(2)));
    }

    @Test
    void anOrganisationAdministratorChangesOnlyTheirOwnOrganisationAndRefusalsAreInTheLedger() {
        OrganisationView a = fixtures.organisation();
        OrganisationView b = fixtures.organisation();
        IdentityFixtures.TestUser adminA = people.user(a, IdentityFixtures.ORGANISATION_ADMIN);
        IdentityFixtures.TestUser memberA = people.user(a);
        ContactPointView contactOfB = fixtures.alwaysAvailable(b, ContactFunction.EMERGENCY_24_7, "UTC");
        String profile = "{\"nameSq\":\"X\",\"nameEn\":\"Y\",\"officialDomains\":[\"x.example\"]}";

        // Another organisation's profile, contact, keys, services: refused, and nothing changes.
        assertThat(put(adminA, "/api/v1/directory/organisations/" + b.id(), profile))
                .hasStatus(403);
        assertThat(post(adminA, "/api/v1/directory/organisations/" + b.id() + "/contacts", "{}"))
                .hasStatus(403);
        assertThat(put(adminA, "/api/v1/directory/contacts/" + contactOfB.id(), "{}"))
                .hasStatus(403);
        assertThat(mvc.delete()
                        .uri("/api/v1/directory/contacts/{id}", contactOfB.id())
                        .with(authentication(adminA.authentication()))
                        .with(csrf())
                        .exchange())
                .hasStatus(403);
        assertThat(post(adminA, "/api/v1/directory/organisations/" + b.id() + "/keys/rotation", ""))
                .hasStatus(403);
        assertThat(post(adminA, "/api/v1/directory/organisations/" + b.id() + "/services", "{}"))
                .hasStatus(403);
        // The history of another organisation is not even said to exist.
        assertThat(mvc.get()
                        .uri("/api/v1/directory/organisations/{id}/history", b.id())
                        .with(authentication(adminA.authentication()))
                        .exchange())
                .hasStatus(404);
        // Verification and suspension are the operator's.
        assertThat(post(adminA, "/api/v1/directory/organisations/" + a.id() + "/verification", ""))
                .hasStatus(403);
        assertThat(post(adminA, "/api/v1/directory/organisations/" + b.id() + "/suspension", "{\"reason\":\"x\"}"))
                .hasStatus(403);
        // A member of A without the directory permission cannot change A either.
        assertThat(put(memberA, "/api/v1/directory/organisations/" + a.id(), profile))
                .hasStatus(403);

        assertThat(directory.find(b.id()).orElseThrow().nameEn()).isEqualTo(b.nameEn());
        assertThat(contacts.find(contactOfB.id())).isPresent();
        assertThat(contacts.ofOrganisation(b.id())).hasSize(1);
        assertThat(count(
                        "SELECT COUNT(*) FROM audit_entries WHERE outcome = 'DENIED' AND actor_user_id = ?"
                                + " AND action LIKE 'directory.%'",
                        adminA.id()))
                .isEqualTo(9);
        assertThat(count(
                        "SELECT COUNT(*) FROM audit_entries WHERE outcome = 'DENIED' AND actor_user_id = ?"
                                + " AND action = 'directory.organisation.update'",
                        memberA.id()))
                .isEqualTo(1);

        // Their own: allowed.
        assertThat(put(adminA, "/api/v1/directory/organisations/" + a.id(), profile))
                .hasStatusOk();
        assertThat(mvc.get()
                        .uri("/api/v1/directory/organisations/{id}/history", a.id())
                        .with(authentication(adminA.authentication()))
                        .exchange())
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.items[0].action")
                .isEqualTo("organisation.updated");
    }

    @Test
    void afterTheOperatorSuspendsAnOrganisationItsPeopleCannotSignInItsSessionsEndAndItsTokensAreRefused() {
        OrganisationView organisation = fixtures.organisation();
        IdentityFixtures.TestUser member = people.user(organisation);
        IdentityFixtures.TestUser operator = people.user(people.organisation(), IdentityFixtures.PLATFORM_ADMIN);
        String token = people.token(organisation, Set.of(DirectoryPermissions.READ));
        Cookie session = signIn(member.email()).getResponse().getCookie("SESSION");
        assertThat(session).isNotNull();
        assertThat(mvc.get().uri("/api/v1/me").cookie(session).exchange()).hasStatusOk();
        assertThat(mvc.get()
                        .uri("/api/v1/directory/organisations")
                        .header("Authorization", "Bearer " + token)
                        .exchange())
                .hasStatusOk();

        MvcTestResult suspended = post(
                operator,
                "/api/v1/directory/organisations/" + organisation.id() + "/suspension",
                "{\"reason\":\"Its mail server was taken over\"}");

        assertThat(suspended).hasStatusOk();
        assertThat(suspended).bodyJson().extractingPath("$.verificationLevel").isEqualTo("SUSPENDED");
        assertThat(mvc.get().uri("/api/v1/me").cookie(session).exchange()).hasStatus(401);
        assertThat(signIn(member.email())).headers().hasValue("Location", "/login?error=bad");
        assertThat(mvc.get()
                        .uri("/api/v1/directory/organisations")
                        .header("Authorization", "Bearer " + token)
                        .exchange())
                .hasStatus(401);
        assertThat(count(
                        "SELECT COUNT(*) FROM audit_entries WHERE action = 'identity.login.failed' AND actor_user_id = ?"
                                + " AND details LIKE '%organisation-suspended%'",
                        member.id()))
                .isEqualTo(1);

        // Reinstated: they may sign in again.
        post(operator, "/api/v1/directory/organisations/" + organisation.id() + "/reinstatement", "");
        assertThat(signIn(member.email())).headers().hasValue("Location", "/");
    }

    @Test
    void theOperatorOnboardsAnOrganisationWithItsProfileAndFirstAdministratorThenVerifiesIt() {
        IdentityFixtures.TestUser operator = people.user(people.organisation(), IdentityFixtures.PLATFORM_ADMIN);
        String shortName = "ONB-" + UUID.randomUUID().toString().substring(0, 8);

        MvcTestResult refused = mvc.post()
                .uri("/admin/organisations")
                .with(authentication(operator.authentication()))
                .with(csrf())
                .param("shortName", shortName)
                .param("nameSq", "Ofruesi i ri")
                .param("nameEn", "New provider")
                .param("type", "PROVIDER_HOSTING")
                .param("country", "AL")
                .param("officialDomains", "not a domain")
                .param("adminEmail", "admin@" + shortName.toLowerCase(java.util.Locale.ROOT) + ".example")
                .param("adminName", "Admin")
                .exchange();
        assertThat(refused).hasStatus(422);
        assertThat(refused).bodyText().contains("id=\"officialDomains-error\"");
        assertThat(directory.findByShortName(shortName)).isEmpty();

        MvcTestResult onboarded = mvc.post()
                .uri("/api/v1/organisations")
                .with(authentication(operator.authentication()))
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"shortName\":\"" + shortName + "\",\"nameSq\":\"Ofruesi i ri\",\"nameEn\":\"New provider\","
                        + "\"type\":\"PROVIDER_HOSTING\",\"country\":\"AL\",\"adminEmail\":\"admin@new-provider.example\","
                        + "\"adminName\":\"Admin\",\"sector\":\"DIGITAL_INFRASTRUCTURE\","
                        + "\"officialDomains\":[\"new-provider.example\"],\"switchboardPhone\":\"+355 4 555 0999\","
                        + "\"languages\":[\"sq\",\"en\"]}")
                .exchange();
        assertThat(onboarded).hasStatus(201);
        assertThat(onboarded)
                .bodyJson()
                .extractingPath("$.administrator.invitationPath")
                .asString()
                .startsWith("/invitation/");

        OrganisationView created = directory.findByShortName(shortName).orElseThrow();
        assertThat(created.officialDomains()).containsExactly("new-provider.example");
        assertThat(created.sector()).isEqualTo(Sector.DIGITAL_INFRASTRUCTURE);
        assertThat(created.verificationLevel()).isEqualTo(VerificationLevel.REGISTERED);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM signing_key WHERE organisation_id = ?")
                        .param(created.id())
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);

        post(operator, "/api/v1/directory/organisations/" + created.id() + "/verification", "");
        OrganisationView verified = directory.find(created.id()).orElseThrow();
        assertThat(verified.verificationLevel()).isEqualTo(VerificationLevel.VERIFIED);
        assertThat(verified.verifiedBy()).isEqualTo(operator.id());
        assertThat(verified.verifiedAt()).isNotNull();
    }

    private MvcTestResult signIn(String email) {
        return mvc.post()
                .uri("/login")
                .param("email", email)
                .param("password", IdentityFixtures.PASSWORD)
                .with(csrf())
                .exchange();
    }

    private MvcTestResult put(IdentityFixtures.TestUser user, String uri, String body) {
        return mvc.put()
                .uri(uri)
                .with(authentication(user.authentication()))
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
    }

    private MvcTestResult post(IdentityFixtures.TestUser user, String uri, String body) {
        return mvc.post()
                .uri(uri)
                .with(authentication(user.authentication()))
                .with(csrf())
                .contentType(MediaType.APPLICATION_JSON)
                .content(body.isEmpty() ? "{}" : body)
                .exchange();
    }

    private long notices(ContactPointView contact, String key) {
        return events.stream(Notice.class)
                .filter(n -> n.messageKey().equals(key))
                .filter(n -> n.link().equals("/directory/contacts/" + contact.id()))
                .count();
    }

    private long count(String sql, UUID parameter) {
        return jdbc.sql(sql).param(parameter).query(Long.class).single();
    }
}
