-- Files any module keeps (attachments, evidence, published documents): metadata here, bytes in the
-- file store. Modules link to a file by id and decide who may read it.
CREATE TABLE stored_file (
    id            UUID PRIMARY KEY,
    original_name VARCHAR(255) NOT NULL,
    content_type  VARCHAR(100) NOT NULL,
    size_bytes    BIGINT       NOT NULL,
    sha256        CHAR(64)     NOT NULL,
    created_at    TIMESTAMP(6) WITH TIME ZONE NOT NULL
);
