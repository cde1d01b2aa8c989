CREATE TABLE organisation (
    id                UUID PRIMARY KEY,
    short_name        VARCHAR(40)  NOT NULL,
    name_sq           VARCHAR(200) NOT NULL,
    name_en           VARCHAR(200) NOT NULL,
    type              VARCHAR(40)  NOT NULL,
    country           CHAR(2)      NOT NULL,
    status            VARCHAR(16)  NOT NULL,
    platform_operator BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at        TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    updated_at        TIMESTAMP(6) WITH TIME ZONE NOT NULL,
    CONSTRAINT organisation_short_name_unique UNIQUE (short_name)
);
CREATE INDEX organisation_type_country ON organisation (type, country);
