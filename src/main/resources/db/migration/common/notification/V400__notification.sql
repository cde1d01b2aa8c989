-- In-app notifications. They carry a message key and non-confidential arguments only; the content
-- is behind the link, where the reader's permissions apply.
CREATE TABLE notification (
    id              UUID PRIMARY KEY,
    user_id         UUID         NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    message_key     VARCHAR(100) NOT NULL,
    arguments       VARCHAR(1000) NOT NULL,
    link            VARCHAR(500) NOT NULL,
    created_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    read_at         TIMESTAMP(6) WITH TIME ZONE
);
CREATE INDEX notification_user ON notification (user_id, created_at DESC);
CREATE INDEX notification_unread ON notification (user_id, read_at);
