package al.ura.notification;

import al.ura.kernel.Actor;
import al.ura.kernel.CursorPage;
import al.ura.kernel.Cursors;
import al.ura.kernel.MultiRowInsert;
import al.ura.kernel.ProblemException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Modules post here; a person reads only their own notifications. */
@Service
public class Notifications {

    private static final String SEPARATOR = "\u001f";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Clock clock;
    private final boolean mail;

    Notifications(JdbcClient jdbc, JdbcTemplate batch, Clock clock, @Value("${spring.mail.host:}") String smtpHost) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.clock = clock;
        this.mail = !smtpHost.isBlank();
    }

    /**
     * Stores the notification in the caller's transaction; when SMTP is configured its e-mail is due
     * at once, and {@link NotificationMailer} sends it after the commit.
     */
    @Transactional
    public UUID post(PostNotification notification) {
        return post(List.of(notification)).getFirst();
    }

    /** Stores several notifications in one statement per hundred, in the caller's transaction. */
    @Transactional
    public List<UUID> post(List<PostNotification> notifications) {
        if (notifications.isEmpty()) {
            return List.of();
        }
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        SqlParameterValue mailDue = new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE, mail ? now : null);
        List<UUID> ids = new ArrayList<>(notifications.size());
        // One statement for many rows: a notice to a desk is one round trip, however many people hold it.
        MultiRowInsert.insert(
                batch,
                "INSERT INTO notification (id, user_id, message_key, arguments, link, created_at, mail_due_at)",
                7,
                notifications,
                notification -> {
                    UUID id = UUID.randomUUID();
                    ids.add(id);
                    return Arrays.asList(
                            id,
                            notification.userId(),
                            notification.messageKey(),
                            String.join(SEPARATOR, notification.arguments()),
                            notification.link(),
                            now,
                            mailDue);
                });
        return ids;
    }

    @Transactional(readOnly = true)
    public int unreadCount(Actor reader) {
        UUID user = reader.userId();
        if (user == null) {
            return 0;
        }
        return jdbc.sql("SELECT COUNT(*) FROM notification WHERE user_id = ? AND read_at IS NULL")
                .param(user)
                .query(Integer.class)
                .single();
    }

    @Transactional(readOnly = true)
    public CursorPage<NotificationView> list(Actor reader, @Nullable String cursor, int limit) {
        UUID user = requireUser(reader);
        List<NotificationView> rows;
        if (cursor == null) {
            rows = jdbc.sql("SELECT id, message_key, arguments, link, created_at, read_at FROM notification"
                            + " WHERE user_id = ? ORDER BY created_at DESC, id DESC FETCH FIRST " + (limit + 1)
                            + " ROWS ONLY")
                    .param(user)
                    .query((rs, n) -> map(rs))
                    .list();
        } else {
            List<String> parts = Cursors.decode(cursor, 2);
            OffsetDateTime at;
            UUID id;
            try {
                at = OffsetDateTime.ofInstant(Instant.parse(parts.get(0)), ZoneOffset.UTC);
                id = UUID.fromString(parts.get(1));
            } catch (RuntimeException e) {
                throw ProblemException.validation(
                        List.of(ProblemException.FieldProblem.of("cursor", "validation.cursor")));
            }
            rows = jdbc.sql("SELECT id, message_key, arguments, link, created_at, read_at FROM notification"
                            + " WHERE user_id = ? AND (created_at < ? OR (created_at = ? AND id < ?))"
                            + " ORDER BY created_at DESC, id DESC FETCH FIRST " + (limit + 1) + " ROWS ONLY")
                    .params(user, at, at, id)
                    .query((rs, n) -> map(rs))
                    .list();
        }
        return CursorPage.of(rows, limit, n -> Cursors.encode(n.createdAt().toString(), n.id().toString()));
    }

    /** Marks one of the reader's own notifications read; someone else's does not exist for them. */
    @Transactional
    public void markRead(Actor reader, UUID notificationId) {
        int updated = jdbc.sql("UPDATE notification SET read_at = ? WHERE id = ? AND user_id = ? AND read_at IS NULL")
                .params(OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), notificationId, requireUser(reader))
                .update();
        if (updated == 0 && !exists(notificationId, requireUser(reader))) {
            throw ProblemException.notFound();
        }
    }

    @Transactional
    public int markAllRead(Actor reader) {
        return jdbc.sql("UPDATE notification SET read_at = ? WHERE user_id = ? AND read_at IS NULL")
                .params(OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC), requireUser(reader))
                .update();
    }

    private boolean exists(UUID id, UUID user) {
        return jdbc.sql("SELECT COUNT(*) FROM notification WHERE id = ? AND user_id = ?")
                        .params(id, user)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    private static UUID requireUser(Actor reader) {
        UUID user = reader.userId();
        if (user == null) {
            throw ProblemException.forbidden();
        }
        return user;
    }

    private static NotificationView map(ResultSet rs) throws SQLException {
        String arguments = rs.getString("arguments");
        OffsetDateTime read = rs.getObject("read_at", OffsetDateTime.class);
        return new NotificationView(
                rs.getObject("id", UUID.class),
                rs.getString("message_key"),
                arguments.isEmpty() ? List.of() : Arrays.asList(arguments.split(SEPARATOR, -1)),
                rs.getString("link"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                read == null ? null : read.toInstant());
    }
}
