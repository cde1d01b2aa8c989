-- Legal data requests from law enforcement to service providers (seed 000 §§17-59): the catalogue
-- of legal provisions per country, the treaty parties, the requests with their identifiers, the
-- lifecycle's events, answers, comments, oral emergencies, reminders sent, feedback, cost claims and
-- providers' webhooks.

-- Provisions a request may rest on, per country (ISO 3166-1 alpha-2). fictional: invented for the
-- demo and marked so wherever it is shown.
CREATE TABLE legal_provision (
    id           UUID PRIMARY KEY,
    country      CHAR(2)       NOT NULL,
    code         VARCHAR(80)   NOT NULL,
    title_sq     VARCHAR(500)  NOT NULL,
    title_en     VARCHAR(500)  NOT NULL,
    instrument   VARCHAR(20)   NOT NULL,
    fictional    BOOLEAN       NOT NULL,
    retired_at   TIMESTAMP(6) WITH TIME ZONE,
    created_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT legal_provision_code UNIQUE (country, code)
);

-- Countries configured as parties of the Budapest Convention's Second Additional Protocol
-- (direct requests for domain registration data, art. 6, and subscriber information, art. 7), and
-- their 24/7 network contact description.
CREATE TABLE treaty_country (
    country           CHAR(2) PRIMARY KEY,
    second_protocol   BOOLEAN      NOT NULL,
    preservation_days INTEGER      NOT NULL,
    extension_days    INTEGER      NOT NULL,
    max_extensions    INTEGER      NOT NULL,
    updated_at        TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

CREATE SEQUENCE legal_request_number START WITH 1;

CREATE TABLE legal_request (
    id                       UUID PRIMARY KEY,
    reference                VARCHAR(30)   NOT NULL UNIQUE,
    request_type             VARCHAR(40)   NOT NULL,
    status                   VARCHAR(30)   NOT NULL,
    requester_org_id         UUID          NOT NULL REFERENCES organisation (id),
    file_number              VARCHAR(100),
    requesting_unit          VARCHAR(200),
    officer_id               UUID          NOT NULL,
    officer_name             VARCHAR(200),
    officer_phone            VARCHAR(40),
    officer_email            VARCHAR(254),
    authoriser_id            UUID,
    legal_provision_id       UUID REFERENCES legal_provision (id),
    legal_basis_note         VARCHAR(2000),
    provider_org_id          UUID REFERENCES organisation (id),
    service_id               UUID,
    offence                  VARCHAR(500),
    summary                  VARCHAR(4000),
    relevance                VARCHAR(4000),
    priority                 VARCHAR(10)   NOT NULL,
    emergency                BOOLEAN       NOT NULL,
    emergency_justification  VARCHAR(2000),
    confidential             BOOLEAN       NOT NULL,
    confidential_until       DATE,
    requested_deadline       DATE,
    preservation_request_id  UUID REFERENCES legal_request (id),
    oral_request_id          UUID,
    retention_acknowledged   BOOLEAN       NOT NULL DEFAULT FALSE,
    created_at               TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at               TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    submitted_at             TIMESTAMP(6) WITH TIME ZONE,
    received_at              TIMESTAMP(6) WITH TIME ZONE,
    acknowledged_at          TIMESTAMP(6) WITH TIME ZONE,
    answered_at              TIMESTAMP(6) WITH TIME ZONE,
    closed_at                TIMESTAMP(6) WITH TIME ZONE,
    withdrawn_at             TIMESTAMP(6) WITH TIME ZONE,
    acknowledge_due_at       TIMESTAMP(6) WITH TIME ZONE,
    answer_due_at            TIMESTAMP(6) WITH TIME ZONE,
    -- Seconds from submission to acknowledgement and to the answer, kept for the statistics.
    acknowledge_seconds      BIGINT,
    answer_seconds           BIGINT,
    outcome                  VARCHAR(30),
    reason_code              VARCHAR(40),
    reason_text              VARCHAR(4000),
    preservation_expires_at  TIMESTAMP(6) WITH TIME ZONE,
    preservation_extensions  INTEGER       NOT NULL DEFAULT 0,
    preservation_state       VARCHAR(20),
    signed_payload           VARCHAR(200000),
    signature                VARCHAR(2000),
    signature_key_id         VARCHAR(64),
    signed_at                TIMESTAMP(6) WITH TIME ZONE,
    -- What the officer typed, kept as typed until the request is validated and submitted.
    draft                    VARCHAR(200000),
    version                  INTEGER       NOT NULL DEFAULT 0
);
-- The provider's inbox: its requests, newest first, keyset-paged by (submitted_at, id).
CREATE INDEX legal_request_inbox ON legal_request (provider_org_id, submitted_at DESC, id DESC);
CREATE INDEX legal_request_outbox ON legal_request (requester_org_id, created_at DESC, id DESC);
CREATE INDEX legal_request_due ON legal_request (status, answer_due_at);
CREATE INDEX legal_request_preservation ON legal_request (preservation_state, preservation_expires_at);

CREATE TABLE request_identifier (
    request_id     UUID         NOT NULL REFERENCES legal_request (id),
    position       INTEGER      NOT NULL,
    kind           VARCHAR(20)  NOT NULL,
    identifier     VARCHAR(500) NOT NULL,
    -- The normalised form two units' requests are compared by (deconfliction).
    normalised     VARCHAR(500) NOT NULL,
    source_port    INTEGER,
    observed_at    TIMESTAMP(6) WITH TIME ZONE,
    observed_zone  VARCHAR(60),
    data_category  VARCHAR(30)  NOT NULL,
    data_items     VARCHAR(500) NOT NULL,
    range_from     TIMESTAMP(6) WITH TIME ZONE,
    range_to       TIMESTAMP(6) WITH TIME ZONE,
    PRIMARY KEY (request_id, position)
);
CREATE INDEX request_identifier_normalised ON request_identifier (normalised);

-- What happened to a request, visible to both sides: every transition with its actor.
CREATE TABLE request_event (
    id            UUID PRIMARY KEY,
    request_id    UUID         NOT NULL REFERENCES legal_request (id),
    at            TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    actor_id      UUID,
    actor_org_id  UUID,
    kind          VARCHAR(40)  NOT NULL,
    from_status   VARCHAR(30),
    to_status     VARCHAR(30),
    note          VARCHAR(4000)
);
CREATE INDEX request_event_request ON request_event (request_id, at);

CREATE TABLE request_comment (
    id            UUID PRIMARY KEY,
    request_id    UUID          NOT NULL REFERENCES legal_request (id),
    author_id     UUID,
    author_org_id UUID          NOT NULL,
    at            TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    body          VARCHAR(4000) NOT NULL
);
CREATE INDEX request_comment_request ON request_comment (request_id, at);

-- Orders, warrants and answer files; bytes in the file store.
CREATE TABLE request_attachment (
    request_id   UUID        NOT NULL REFERENCES legal_request (id),
    file_id      UUID        NOT NULL REFERENCES stored_file (id),
    purpose      VARCHAR(20) NOT NULL,
    added_by     UUID,
    added_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    PRIMARY KEY (request_id, file_id)
);

-- The provider's structured answer, signed with its key.
CREATE TABLE request_answer (
    request_id      UUID PRIMARY KEY REFERENCES legal_request (id),
    outcome         VARCHAR(30)   NOT NULL,
    answered_by     UUID,
    answered_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    note            VARCHAR(4000),
    signed_payload  VARCHAR(200000) NOT NULL,
    signature       VARCHAR(2000) NOT NULL,
    signature_key_id VARCHAR(64)  NOT NULL
);

CREATE TABLE answer_item (
    request_id   UUID          NOT NULL REFERENCES legal_request (id),
    position     INTEGER       NOT NULL,
    found        BOOLEAN       NOT NULL,
    records      VARCHAR(200000),
    file_id      UUID,
    file_sha256  CHAR(64),
    PRIMARY KEY (request_id, position)
);

-- An emergency that started as a phone call (§25): the written request must follow in time.
CREATE TABLE oral_request (
    id                UUID PRIMARY KEY,
    requester_org_id  UUID         NOT NULL REFERENCES organisation (id),
    provider_org_id   UUID         NOT NULL REFERENCES organisation (id),
    logged_by         UUID         NOT NULL,
    called_at         TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    caller_name       VARCHAR(200) NOT NULL,
    called_contact    VARCHAR(300) NOT NULL,
    asked             VARCHAR(4000) NOT NULL,
    requesting_unit   VARCHAR(200),
    written_due_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    request_id        UUID REFERENCES legal_request (id),
    escalated_at      TIMESTAMP(6) WITH TIME ZONE,
    created_at        TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
CREATE INDEX oral_request_due ON oral_request (request_id, written_due_at);

-- Two units asking the same provider about the same identifier (§38): each is told of the other.
CREATE TABLE request_deconfliction (
    request_id        UUID NOT NULL REFERENCES legal_request (id),
    other_request_id  UUID NOT NULL REFERENCES legal_request (id),
    identifier        VARCHAR(500) NOT NULL,
    found_at          TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    PRIMARY KEY (request_id, other_request_id)
);

-- Each reminder or notice the clocks send, once: (request, kind) is its key.
CREATE TABLE request_reminder (
    subject_id  UUID         NOT NULL,
    kind        VARCHAR(60)  NOT NULL,
    sent_at     TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    PRIMARY KEY (subject_id, kind)
);

CREATE TABLE request_feedback (
    request_id  UUID         NOT NULL REFERENCES legal_request (id),
    side        VARCHAR(10)  NOT NULL,
    rating      INTEGER      NOT NULL,
    body        VARCHAR(4000),
    given_by    UUID,
    given_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    PRIMARY KEY (request_id, side)
);

CREATE TABLE cost_claim (
    id           UUID PRIMARY KEY,
    request_id   UUID          NOT NULL REFERENCES legal_request (id),
    amount       DECIMAL(14,2) NOT NULL,
    currency     CHAR(3)       NOT NULL,
    description  VARCHAR(2000) NOT NULL,
    status       VARCHAR(20)   NOT NULL,
    claimed_by   UUID,
    claimed_at   TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    decided_by   UUID,
    decided_at   TIMESTAMP(6) WITH TIME ZONE,
    decision_note VARCHAR(2000)
);
CREATE INDEX cost_claim_request ON cost_claim (request_id);

-- Where a provider's own tooling wants to be told (signed with the provider's shared secret).
CREATE TABLE provider_webhook (
    id               UUID PRIMARY KEY,
    organisation_id  UUID          NOT NULL REFERENCES organisation (id),
    url              VARCHAR(500)  NOT NULL,
    secret           VARCHAR(500)  NOT NULL,
    created_by       UUID,
    created_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    disabled_at      TIMESTAMP(6) WITH TIME ZONE
);

CREATE TABLE webhook_delivery (
    id            UUID PRIMARY KEY,
    webhook_id    UUID          NOT NULL REFERENCES provider_webhook (id),
    event         VARCHAR(60)   NOT NULL,
    payload       VARCHAR(4000) NOT NULL,
    created_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    attempts      INTEGER       NOT NULL DEFAULT 0,
    next_attempt_at TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    delivered_at  TIMESTAMP(6) WITH TIME ZONE,
    last_status   INTEGER
);
CREATE INDEX webhook_delivery_due ON webhook_delivery (delivered_at, next_attempt_at);
