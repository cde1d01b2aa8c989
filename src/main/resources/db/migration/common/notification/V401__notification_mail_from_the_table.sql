-- The e-mail that follows a notification is sent from this table by one node's job, rather than from
-- one event publication per notification: mail_due_at is set when the notification is stored (only
-- when an SMTP server is configured), moved forward after a failed attempt and cleared once sent.
ALTER TABLE notification ADD COLUMN mail_due_at TIMESTAMP(6) WITH TIME ZONE;
ALTER TABLE notification ADD COLUMN mail_attempts INTEGER DEFAULT 0 NOT NULL;
ALTER TABLE notification ADD COLUMN mailed_at TIMESTAMP(6) WITH TIME ZONE;

-- E-mails still waiting in the event publication registry under the former design become due now.
UPDATE notification SET mail_due_at = created_at
 WHERE CAST(id AS VARCHAR(36)) IN (
       SELECT SUBSTRING(serialized_event FROM POSITION('"notificationId":"' IN serialized_event) + 18 FOR 36)
         FROM event_publication
        WHERE listener_id LIKE 'al.ura.notification.NotificationMailer.%' AND completion_date IS NULL);
DELETE FROM event_publication
 WHERE listener_id LIKE 'al.ura.notification.NotificationMailer.%' AND completion_date IS NULL;
