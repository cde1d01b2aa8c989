-- The registers of agreements and of trainings, exercises and awareness activities, as the report
-- reads them by year and the coordinator keeps them: the kind of partner of an agreement (public,
-- private, foreign), a version for optimistic locking, when each was last changed, and the indexes
-- of the year's lists.

ALTER TABLE monitoring_agreement ADD COLUMN partner VARCHAR(20) NOT NULL DEFAULT 'PUBLIC';
ALTER TABLE monitoring_agreement ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE monitoring_agreement ADD COLUMN updated_at TIMESTAMP(6) WITH TIME ZONE;
CREATE INDEX monitoring_agreement_signed ON monitoring_agreement (signed_on);

ALTER TABLE monitoring_event ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
ALTER TABLE monitoring_event ADD COLUMN updated_at TIMESTAMP(6) WITH TIME ZONE;
CREATE INDEX monitoring_event_held ON monitoring_event (held_on);
