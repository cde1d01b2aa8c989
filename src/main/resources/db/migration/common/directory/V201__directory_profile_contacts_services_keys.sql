-- The organisation profile, its verification and suspensions, signing keys, provider services,
-- points of contact with their availability, reachability checks, documents and change history.

ALTER TABLE organisation ADD COLUMN sector VARCHAR(40);
ALTER TABLE organisation ADD COLUMN official_domains VARCHAR(1000) NOT NULL DEFAULT '';
ALTER TABLE organisation ADD COLUMN switchboard_phone VARCHAR(40);
ALTER TABLE organisation ADD COLUMN website VARCHAR(300);
ALTER TABLE organisation ADD COLUMN postal_address VARCHAR(500);
ALTER TABLE organisation ADD COLUMN languages VARCHAR(100) NOT NULL DEFAULT '';
ALTER TABLE organisation ADD COLUMN verification VARCHAR(16) NOT NULL DEFAULT 'REGISTERED';
ALTER TABLE organisation ADD COLUMN verified_by UUID;
ALTER TABLE organisation ADD COLUMN verified_at TIMESTAMP(6) WITH TIME ZONE;
ALTER TABLE organisation ADD COLUMN suspended_at TIMESTAMP(6) WITH TIME ZONE;
ALTER TABLE organisation ADD COLUMN logo_file_id UUID;
ALTER TABLE organisation ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
UPDATE organisation SET verification = 'SUSPENDED', suspended_at = updated_at WHERE status = 'SUSPENDED';
UPDATE organisation SET verification = 'VERIFIED', verified_at = created_at WHERE platform_operator = TRUE;
CREATE INDEX organisation_country_type ON organisation (country, type, short_name);
CREATE INDEX organisation_sector ON organisation (sector);

-- Every period an organisation was suspended: signatures made inside one do not verify.
CREATE TABLE organisation_suspension (
    id              UUID PRIMARY KEY,
    organisation_id UUID NOT NULL REFERENCES organisation (id),
    suspended_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    suspended_by    UUID,
    reason          VARCHAR(1000) NOT NULL,
    reinstated_at   TIMESTAMP(6) WITH TIME ZONE,
    reinstated_by   UUID
);
CREATE INDEX organisation_suspension_org ON organisation_suspension (organisation_id, suspended_at);

-- Victim-support service fields (seed 003): codes separated by spaces, free text for the rest.
CREATE TABLE victim_support (
    organisation_id   UUID PRIMARY KEY REFERENCES organisation (id),
    support_types     VARCHAR(500) NOT NULL DEFAULT '',
    target_groups     VARCHAR(200) NOT NULL DEFAULT '',
    trafficking_forms VARCHAR(500) NOT NULL DEFAULT '',
    locations         VARCHAR(1000) NOT NULL DEFAULT '',
    capacity_notes    VARCHAR(2000) NOT NULL DEFAULT '',
    updated_at        TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

-- ES256 key pairs; the private key is encrypted with the master key. A key signs from valid_from
-- until not_after or until it is retired by a rotation, whichever comes first; it stays published.
CREATE TABLE signing_key (
    kid             VARCHAR(64) PRIMARY KEY,
    organisation_id UUID NOT NULL REFERENCES organisation (id),
    algorithm       VARCHAR(10) NOT NULL,
    public_x        VARCHAR(64) NOT NULL,
    public_y        VARCHAR(64) NOT NULL,
    private_key     VARCHAR(1000) NOT NULL,
    valid_from      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    not_after       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    retired_at      TIMESTAMP(6) WITH TIME ZONE,
    created_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
CREATE INDEX signing_key_org ON signing_key (organisation_id, valid_from);

CREATE TABLE provider_service (
    id                          UUID PRIMARY KEY,
    organisation_id             UUID NOT NULL REFERENCES organisation (id),
    name                        VARCHAR(200) NOT NULL,
    url                         VARCHAR(300),
    description                 VARCHAR(2000) NOT NULL,
    shared_addresses            BOOLEAN NOT NULL DEFAULT FALSE,
    answer_minutes              INTEGER,
    emergency_answer_minutes    INTEGER,
    retired_at                  TIMESTAMP(6) WITH TIME ZONE,
    created_at                  TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at                  TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
CREATE INDEX provider_service_org ON provider_service (organisation_id, name);

CREATE TABLE provider_offering (
    service_id     UUID NOT NULL REFERENCES provider_service (id),
    item           VARCHAR(40) NOT NULL,
    retention_days INTEGER NOT NULL,
    legal_process  VARCHAR(40) NOT NULL,
    PRIMARY KEY (service_id, item)
);

-- Points of contact. languages is ' sq en ' (spaces around each code) so a language is found with LIKE.
-- verification_due is last_verified + reverify_days, kept so overdue contacts are found by an index.
CREATE TABLE contact_point (
    id                UUID PRIMARY KEY,
    organisation_id   UUID NOT NULL REFERENCES organisation (id),
    contact_function  VARCHAR(30) NOT NULL,
    kind              VARCHAR(10) NOT NULL,
    name              VARCHAR(200) NOT NULL,
    job_title         VARCHAR(200),
    phones            VARCHAR(500) NOT NULL,
    email             VARCHAR(254) NOT NULL,
    languages         VARCHAR(100) NOT NULL,
    always_available  BOOLEAN NOT NULL,
    time_zone         VARCHAR(60) NOT NULL,
    last_verified     DATE,
    reverify_days     INTEGER NOT NULL DEFAULT 120,
    verification_due  DATE,
    reminded_for      DATE,
    overdue_notified_for DATE,
    removed_at        TIMESTAMP(6) WITH TIME ZONE,
    created_at        TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
CREATE INDEX contact_point_org ON contact_point (organisation_id, contact_function);
CREATE INDEX contact_point_function ON contact_point (contact_function, organisation_id);
CREATE INDEX contact_point_due ON contact_point (verification_due);

-- Weekly hours in the contact's own time zone, minutes from local midnight, end exclusive.
CREATE TABLE contact_hours (
    contact_id   UUID NOT NULL REFERENCES contact_point (id),
    day_of_week  SMALLINT NOT NULL,
    start_minute SMALLINT NOT NULL,
    end_minute   SMALLINT NOT NULL,
    PRIMARY KEY (contact_id, day_of_week, start_minute)
);

-- Holidays and other exceptions, local dates inclusive: closed, or open only within the hours given.
CREATE TABLE contact_exception (
    id           UUID PRIMARY KEY,
    contact_id   UUID NOT NULL REFERENCES contact_point (id),
    from_date    DATE NOT NULL,
    to_date      DATE NOT NULL,
    available    BOOLEAN NOT NULL,
    start_minute SMALLINT,
    end_minute   SMALLINT,
    note         VARCHAR(200)
);
CREATE INDEX contact_exception_contact ON contact_exception (contact_id, from_date);

-- Each confirmation that a contact is right, so a past date's state can be computed.
CREATE TABLE contact_verification (
    contact_id    UUID NOT NULL REFERENCES contact_point (id),
    verified_on   DATE NOT NULL,
    valid_until   DATE NOT NULL,
    verified_by   UUID,
    verified_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
CREATE INDEX contact_verification_contact ON contact_verification (contact_id, verified_on);

-- Reachability checks of 24/7 contacts: only the SHA-256 of the link's token is kept.
CREATE TABLE reachability_check (
    id               UUID PRIMARY KEY,
    contact_id       UUID NOT NULL REFERENCES contact_point (id),
    organisation_id  UUID NOT NULL REFERENCES organisation (id),
    token_hash       VARCHAR(64) NOT NULL,
    started_by       UUID,
    started_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    expires_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    mail_sent_at     TIMESTAMP(6) WITH TIME ZONE,
    acknowledged_at  TIMESTAMP(6) WITH TIME ZONE,
    acknowledged_via VARCHAR(10),
    acknowledged_by  UUID,
    answer_seconds   BIGINT,
    CONSTRAINT reachability_check_token UNIQUE (token_hash)
);
CREATE INDEX reachability_check_contact ON reachability_check (contact_id, started_at);

CREATE TABLE organisation_document (
    id              UUID PRIMARY KEY,
    organisation_id UUID NOT NULL REFERENCES organisation (id),
    file_id         UUID NOT NULL,
    title           VARCHAR(200) NOT NULL,
    language        VARCHAR(5) NOT NULL,
    published_by    UUID,
    published_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    removed_at      TIMESTAMP(6) WITH TIME ZONE
);
CREATE INDEX organisation_document_org ON organisation_document (organisation_id, published_at);

-- What changed in an organisation's entry, for the organisation and the operator to read.
CREATE TABLE directory_change (
    id              UUID PRIMARY KEY,
    organisation_id UUID NOT NULL REFERENCES organisation (id),
    changed_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    actor_user_id   UUID,
    actor_kind      VARCHAR(16) NOT NULL,
    action          VARCHAR(60) NOT NULL,
    object_id       VARCHAR(64),
    fields          VARCHAR(2000) NOT NULL
);
CREATE INDEX directory_change_org ON directory_change (organisation_id, changed_at, id);

-- The time zones contacts use, so a search computes "now" once per zone without scanning contacts.
CREATE TABLE directory_time_zone (
    zone VARCHAR(60) PRIMARY KEY
);

-- The search pages organisations of one country by short name.
CREATE INDEX organisation_country_name ON organisation (country, short_name, id);

-- Copies of the organisation's country and activity on each contact, so a search by country and
-- function starts from the few contacts that can match instead of every organisation of the country.
ALTER TABLE contact_point ADD COLUMN country CHAR(2) NOT NULL DEFAULT 'ZZ';
ALTER TABLE contact_point ADD COLUMN organisation_active BOOLEAN NOT NULL DEFAULT TRUE;
CREATE INDEX contact_point_country_function ON contact_point (country, contact_function, organisation_id);
