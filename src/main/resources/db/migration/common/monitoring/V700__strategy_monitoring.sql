-- Strategy monitoring (seed 002): the strategy and its plan, yearly action plans, reporting periods,
-- institutions' progress submissions with their activities and reviews, the registers of agreements
-- and of trainings and awareness activities, and each change to the plan.

CREATE TABLE strategy (
    id              UUID PRIMARY KEY,
    code            VARCHAR(40)   NOT NULL UNIQUE,
    title_sq        VARCHAR(500)  NOT NULL,
    title_en        VARCHAR(500)  NOT NULL,
    first_year      INTEGER       NOT NULL,
    last_year       INTEGER       NOT NULL,
    decision        VARCHAR(200),
    decision_date   DATE,
    principles_sq   VARCHAR(4000),
    principles_en   VARCHAR(4000),
    version         INTEGER       NOT NULL DEFAULT 0,
    created_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at      TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

CREATE TABLE strategy_policy (
    id           UUID PRIMARY KEY,
    strategy_id  UUID          NOT NULL REFERENCES strategy (id),
    number       INTEGER       NOT NULL,
    goal_sq      VARCHAR(2000) NOT NULL,
    goal_en      VARCHAR(2000) NOT NULL,
    CONSTRAINT strategy_policy_number UNIQUE (strategy_id, number)
);

CREATE TABLE strategy_objective (
    id         UUID PRIMARY KEY,
    policy_id  UUID          NOT NULL REFERENCES strategy_policy (id),
    letter     VARCHAR(2)    NOT NULL,
    text_sq    VARCHAR(2000) NOT NULL,
    text_en    VARCHAR(2000) NOT NULL,
    weight     DECIMAL(8,5)  NOT NULL,
    CONSTRAINT strategy_objective_letter UNIQUE (policy_id, letter)
);

CREATE TABLE strategy_measure (
    id                    UUID PRIMARY KEY,
    objective_id          UUID          NOT NULL REFERENCES strategy_objective (id),
    code                  VARCHAR(20)   NOT NULL,
    text_sq               VARCHAR(2000) NOT NULL,
    text_en               VARCHAR(2000) NOT NULL,
    responsible_org_id    UUID REFERENCES organisation (id),
    contributing_org_ids  VARCHAR(2000) NOT NULL DEFAULT '',
    budget_planned        DECIMAL(16,2),
    currency              CHAR(3),
    budget_source         VARCHAR(200),
    first_year            INTEGER,
    last_year             INTEGER,
    CONSTRAINT strategy_measure_code UNIQUE (objective_id, code)
);
CREATE INDEX strategy_measure_responsible ON strategy_measure (responsible_org_id);

CREATE TABLE strategy_indicator (
    id           UUID PRIMARY KEY,
    measure_id   UUID          NOT NULL REFERENCES strategy_measure (id),
    name_sq      VARCHAR(500)  NOT NULL,
    name_en      VARCHAR(500)  NOT NULL,
    unit         VARCHAR(20)   NOT NULL,
    baseline     DECIMAL(18,4),
    target       DECIMAL(18,4),
    -- A figure Ura holds (kernel LiveFigure code) instead of a typed value.
    live_figure  VARCHAR(100)
);

CREATE TABLE strategy_activity (
    id          UUID PRIMARY KEY,
    measure_id  UUID          NOT NULL REFERENCES strategy_measure (id),
    text_sq     VARCHAR(2000) NOT NULL,
    text_en     VARCHAR(2000) NOT NULL
);

-- The measures due in a year: the action plan agreed with the institutions.
CREATE TABLE action_plan_measure (
    strategy_id  UUID    NOT NULL REFERENCES strategy (id),
    plan_year    INTEGER NOT NULL,
    measure_id   UUID    NOT NULL REFERENCES strategy_measure (id),
    budget_planned DECIMAL(16,2),
    PRIMARY KEY (strategy_id, plan_year, measure_id)
);

CREATE TABLE reporting_period (
    id                 UUID PRIMARY KEY,
    strategy_id        UUID         NOT NULL REFERENCES strategy (id),
    period_year        INTEGER      NOT NULL,
    deadline           DATE         NOT NULL,
    status             VARCHAR(12)  NOT NULL,
    preface_sq         VARCHAR(8000),
    preface_en         VARCHAR(8000),
    recommendations_sq VARCHAR(16000),
    recommendations_en VARCHAR(16000),
    opened_at          TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    locked_at          TIMESTAMP(6) WITH TIME ZONE,
    published_at       TIMESTAMP(6) WITH TIME ZONE,
    version            INTEGER      NOT NULL DEFAULT 0,
    CONSTRAINT reporting_period_year UNIQUE (strategy_id, period_year)
);

CREATE TABLE progress_submission (
    id               UUID PRIMARY KEY,
    period_id        UUID          NOT NULL REFERENCES reporting_period (id),
    measure_id       UUID          NOT NULL REFERENCES strategy_measure (id),
    organisation_id  UUID          NOT NULL REFERENCES organisation (id),
    status           VARCHAR(12)   NOT NULL,
    realisation      VARCHAR(20),
    percent          DECIMAL(7,4),
    budget_spent     DECIMAL(16,2),
    problems         VARCHAR(4000),
    forecast         VARCHAR(2000),
    evidence_links   VARCHAR(4000) NOT NULL DEFAULT '',
    review_comment   VARCHAR(4000),
    submitted_by     UUID,
    submitted_at     TIMESTAMP(6) WITH TIME ZONE,
    reviewed_by      UUID,
    reviewed_at      TIMESTAMP(6) WITH TIME ZONE,
    updated_at       TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    version          INTEGER       NOT NULL DEFAULT 0,
    CONSTRAINT progress_submission_measure UNIQUE (period_id, measure_id)
);

CREATE TABLE submission_activity (
    submission_id  UUID          NOT NULL REFERENCES progress_submission (id),
    position       INTEGER       NOT NULL,
    done_on        DATE,
    description    VARCHAR(4000) NOT NULL,
    PRIMARY KEY (submission_id, position)
);

CREATE TABLE submission_evidence (
    submission_id  UUID NOT NULL REFERENCES progress_submission (id),
    file_id        UUID NOT NULL REFERENCES stored_file (id),
    PRIMARY KEY (submission_id, file_id)
);

CREATE TABLE monitoring_agreement (
    id            UUID PRIMARY KEY,
    title         VARCHAR(500)  NOT NULL,
    parties       VARCHAR(2000) NOT NULL,
    kind          VARCHAR(20)   NOT NULL,
    signed_on     DATE          NOT NULL,
    scope         VARCHAR(2000),
    status        VARCHAR(20)   NOT NULL,
    file_id       UUID REFERENCES stored_file (id),
    created_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

CREATE TABLE monitoring_event (
    id            UUID PRIMARY KEY,
    kind          VARCHAR(20)   NOT NULL,
    title         VARCHAR(500)  NOT NULL,
    held_on       DATE          NOT NULL,
    organiser     VARCHAR(300)  NOT NULL,
    audience      VARCHAR(500),
    participants  INTEGER       NOT NULL,
    sessions      INTEGER       NOT NULL,
    created_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL
);

-- Every change to the plan, with the plan as it was after it, for the plan's version history.
CREATE TABLE strategy_change (
    id           UUID PRIMARY KEY,
    strategy_id  UUID          NOT NULL REFERENCES strategy (id),
    version      INTEGER       NOT NULL,
    at           TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    actor_id     UUID,
    what         VARCHAR(200)  NOT NULL
);
CREATE INDEX strategy_change_strategy ON strategy_change (strategy_id, version);
