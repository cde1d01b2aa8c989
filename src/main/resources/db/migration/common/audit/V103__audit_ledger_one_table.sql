-- The ledger in two tables. An append is one insert into audit_inbox, in the transaction of the
-- change it records (only its primary key to maintain, so writers stay cheap). The sealer moves
-- committed entries, in id order, into audit_ledger with their sequence, previous hash and hash:
-- each sealed row holds everything its hash covers, so verification reads one table in sequence
-- order. audit_ledger is append-only (enforced on PostgreSQL by V104); audit_inbox is only a queue.
CREATE TABLE audit_ledger (
    seq            BIGINT PRIMARY KEY,
    id             BIGINT       NOT NULL,
    recorded_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    actor_kind     VARCHAR(16)  NOT NULL,
    actor_user_id  UUID,
    actor_org_id   UUID,
    action         VARCHAR(100) NOT NULL,
    object_type    VARCHAR(60)  NOT NULL,
    object_id      VARCHAR(100),
    subject_org_id UUID,
    outcome        VARCHAR(10)  NOT NULL,
    details        VARCHAR(4000) NOT NULL,
    prev_hash      CHAR(64)     NOT NULL,
    hash           CHAR(64)     NOT NULL,
    sealed_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT audit_ledger_entry_once UNIQUE (id)
);

INSERT INTO audit_ledger (seq, id, recorded_at, actor_kind, actor_user_id, actor_org_id, action, object_type,
                          object_id, subject_org_id, outcome, details, prev_hash, hash, sealed_at)
SELECT c.seq, e.id, e.recorded_at, e.actor_kind, e.actor_user_id, e.actor_org_id, e.action, e.object_type,
       e.object_id, e.subject_org_id, e.outcome, e.details, c.prev_hash, c.hash, c.sealed_at
FROM audit_chain c JOIN audit_entry e ON e.id = c.entry_id;

CREATE INDEX audit_ledger_subject_org ON audit_ledger (subject_org_id, id);
CREATE INDEX audit_ledger_actor_org ON audit_ledger (actor_org_id, id);
CREATE INDEX audit_ledger_object ON audit_ledger (object_type, object_id);
CREATE INDEX audit_ledger_recorded ON audit_ledger (recorded_at);

-- What was sealed leaves the old entry table; what was still pending stays, and that table, with
-- its identity (so ids keep counting up), becomes the inbox.
DELETE FROM audit_entry WHERE id IN (SELECT entry_id FROM audit_chain);
DROP TABLE audit_pending;
DROP TABLE audit_chain;
DROP INDEX audit_entry_subject_org;
DROP INDEX audit_entry_actor_org;
DROP INDEX audit_entry_object;
DROP INDEX audit_entry_recorded;
ALTER TABLE audit_entry RENAME TO audit_inbox;

-- Every entry, sealed or not, for reading: sealed ones with their place in the chain.
CREATE VIEW audit_entries AS
SELECT seq, id, recorded_at, actor_kind, actor_user_id, actor_org_id, action, object_type, object_id,
       subject_org_id, outcome, details, prev_hash, hash
FROM audit_ledger
UNION ALL
SELECT CAST(NULL AS BIGINT), id, recorded_at, actor_kind, actor_user_id, actor_org_id, action, object_type,
       object_id, subject_org_id, outcome, details, CAST(NULL AS CHAR(64)), CAST(NULL AS CHAR(64))
FROM audit_inbox;
