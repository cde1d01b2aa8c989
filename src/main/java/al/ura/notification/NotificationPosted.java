package al.ura.notification;

import java.util.UUID;

/** Published when a notification is stored; drives the e-mail, after the commit. */
public record NotificationPosted(UUID notificationId, UUID userId) {}
