-- Only the few notifications whose e-mail is still due are indexed.
CREATE INDEX notification_mail_due ON notification (mail_due_at) WHERE mail_due_at IS NOT NULL;
