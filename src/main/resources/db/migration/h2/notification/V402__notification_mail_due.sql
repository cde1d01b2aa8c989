-- H2 has no partial indexes; PostgreSQL's indexes only the notifications whose e-mail is due.
CREATE INDEX notification_mail_due ON notification (mail_due_at);
