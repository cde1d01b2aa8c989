package al.ura.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;

import al.ura.identity.IdentityFixtures;
import al.ura.kernel.ProblemException;
import al.ura.kernel.ProblemType;
import al.ura.testing.DatabaseTest;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.assertj.MockMvcTester;

@DatabaseTest
class NotificationsTest {

    @Autowired
    Notifications notifications;

    @Autowired
    IdentityFixtures fixtures;

    @Autowired
    MockMvcTester mvc;

    @Test
    void aPostedNotificationIsCountedListedAndReadOnlyByItsOwner() {
        var organisation = fixtures.organisation();
        IdentityFixtures.TestUser reader = fixtures.user(organisation);
        IdentityFixtures.TestUser other = fixtures.user(organisation);

        UUID id = notifications.post(new PostNotification(reader.id(), "notification.welcome", List.of(), "/account"));

        assertThat(notifications.unreadCount(reader.actor())).isEqualTo(1);
        assertThat(notifications.unreadCount(other.actor())).isZero();
        assertThat(notifications.list(reader.actor(), null, 10).items())
                .extracting(NotificationView::id, NotificationView::link, NotificationView::unread)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(id, "/account", true));
        assertThat(notifications.list(other.actor(), null, 10).items()).isEmpty();

        assertThatThrownBy(() -> notifications.markRead(other.actor(), id))
                .isInstanceOfSatisfying(
                        ProblemException.class, p -> assertThat(p.type()).isEqualTo(ProblemType.NOT_FOUND));
        assertThat(notifications.unreadCount(reader.actor())).isEqualTo(1);

        notifications.markRead(reader.actor(), id);
        assertThat(notifications.unreadCount(reader.actor())).isZero();
    }

    @Test
    void theBellShowsTheUnreadCountInTheReadersLanguage() {
        IdentityFixtures.TestUser reader = fixtures.user(fixtures.organisation());
        notifications.post(new PostNotification(reader.id(), "notification.welcome", List.of(), "/account"));
        notifications.post(new PostNotification(reader.id(), "notification.welcome", List.of(), "/account"));

        var badge = mvc.get()
                .uri("/notifications/badge")
                .cookie(new jakarta.servlet.http.Cookie("ura-lang", "en"))
                .with(authentication(reader.authentication()))
                .exchange();

        assertThat(badge).hasStatusOk();
        assertThat(badge).bodyText().contains(">2<").contains("Unread notifications: 2");
    }

    @Test
    void theApiPagesThroughNotificationsWithACursor() throws Exception {
        IdentityFixtures.TestUser reader = fixtures.user(fixtures.organisation());
        for (int i = 0; i < 3; i++) {
            notifications.post(new PostNotification(reader.id(), "notification.welcome", List.of(), "/account"));
        }

        var first = mvc.get()
                .uri("/api/v1/notifications?limit=2")
                .with(authentication(reader.authentication()))
                .exchange();
        assertThat(first).hasStatusOk();
        assertThat(first).bodyJson().extractingPath("$.items.length()").isEqualTo(2);
        String cursor = (String) com.jayway.jsonpath.JsonPath.read(
                first.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8), "$.nextCursor");

        var second = mvc.get()
                .uri("/api/v1/notifications?limit=2&cursor=" + cursor)
                .with(authentication(reader.authentication()))
                .exchange();
        assertThat(second).bodyJson().extractingPath("$.items.length()").isEqualTo(1);
        assertThat(second).bodyJson().doesNotHavePath("$.nextCursor");
    }

    @Test
    void aPersonWhoJoinsIsWelcomedThroughTheModuleEvent() throws Exception {
        IdentityFixtures.TestUser joined = fixtures.user(fixtures.organisation());

        notificationsAfterEvent(joined);

        assertThat(notifications.list(joined.actor(), null, 10).items())
                .extracting(NotificationView::messageKey)
                .contains("notification.welcome");
    }

    @Autowired
    org.springframework.context.ApplicationEventPublisher events;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transaction;

    @Test
    void aNoticeReachesTheHoldersOfThePermissionInThatOrganisationOnlyWithTheChangeThatRaisedIt() {
        var organisation = fixtures.organisation();
        IdentityFixtures.TestUser admin = fixtures.user(organisation, IdentityFixtures.ORGANISATION_ADMIN);
        IdentityFixtures.TestUser member = fixtures.user(organisation);
        IdentityFixtures.TestUser elsewhere =
                fixtures.user(fixtures.organisation(), IdentityFixtures.ORGANISATION_ADMIN);
        al.ura.kernel.Notice notice = al.ura.kernel.Notice.toHolders(
                organisation.id(), "identity.users.manage", "notification.welcome", List.of(), "/account");

        transaction.executeWithoutResult(status -> {
            events.publishEvent(notice);
            status.setRollbackOnly();
        });
        assertThat(notifications.unreadCount(admin.actor()))
                .as("a change rolled back tells nobody")
                .isZero();

        transaction.executeWithoutResult(status -> events.publishEvent(notice));
        assertThat(notifications.unreadCount(admin.actor()))
                .as("there when the change is")
                .isEqualTo(1);
        assertThat(notifications.unreadCount(member.actor())).isZero();
        assertThat(notifications.unreadCount(elsewhere.actor())).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM notification WHERE user_id = ? AND mail_due_at IS NULL")
                        .param(admin.id())
                        .query(Integer.class)
                        .single())
                .as("no SMTP server configured: no e-mail is due")
                .isEqualTo(1);
    }

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private void notificationsAfterEvent(IdentityFixtures.TestUser joined) throws InterruptedException {
        fixtures.publishJoined(joined);
        for (int i = 0; i < 50 && notifications.unreadCount(joined.actor()) == 0; i++) {
            Thread.sleep(100);
        }
    }
}
