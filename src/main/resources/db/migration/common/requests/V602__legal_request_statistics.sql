-- A provider's statistics for a year over 1,000,000 requests were several seconds (bench/README.md,
-- figure c): the figures were eight queries, each reading the period's rows from the table, one
-- joining every identifier, one looking for each preservation's follow-up by scanning the table.
-- Two facts the figures need are kept on the request itself, and one index holds what they read.

-- The data categories a request asks for, as ' CATEGORY CATEGORY ' (sorted), written with its
-- identifiers: the statistics count requests per category without joining the identifiers.
ALTER TABLE legal_request ADD COLUMN data_categories VARCHAR(200);
UPDATE legal_request SET data_categories = ' '
        || CASE WHEN EXISTS (SELECT 1 FROM request_identifier i WHERE i.request_id = legal_request.id
            AND i.data_category = 'CONTENT_DATA') THEN 'CONTENT_DATA ' ELSE '' END
        || CASE WHEN EXISTS (SELECT 1 FROM request_identifier i WHERE i.request_id = legal_request.id
            AND i.data_category = 'IDENTIFICATION_DATA') THEN 'IDENTIFICATION_DATA ' ELSE '' END
        || CASE WHEN EXISTS (SELECT 1 FROM request_identifier i WHERE i.request_id = legal_request.id
            AND i.data_category = 'SUBSCRIBER_INFORMATION') THEN 'SUBSCRIBER_INFORMATION ' ELSE '' END
        || CASE WHEN EXISTS (SELECT 1 FROM request_identifier i WHERE i.request_id = legal_request.id
            AND i.data_category = 'TRAFFIC_DATA') THEN 'TRAFFIC_DATA ' ELSE '' END
    WHERE EXISTS (SELECT 1 FROM request_identifier i WHERE i.request_id = legal_request.id);

-- On a preservation: when a disclosure that follows it was sent, written when that disclosure is
-- authorised (the only time a request's submitted_at is set).
ALTER TABLE legal_request ADD COLUMN preservation_followed_at TIMESTAMP(6) WITH TIME ZONE;
MERGE INTO legal_request p
    USING (SELECT d.preservation_request_id AS id, MIN(d.submitted_at) AS followed_at FROM legal_request d
        WHERE d.preservation_request_id IS NOT NULL AND d.submitted_at IS NOT NULL
        GROUP BY d.preservation_request_id) f
    ON p.id = f.id
    WHEN MATCHED THEN UPDATE SET preservation_followed_at = f.followed_at;

-- A provider's figures for a period: every column they read, after the provider and the time sent,
-- so each of their passes is one range of this index and never touches the table.
CREATE INDEX legal_request_provider_statistics ON legal_request (provider_org_id, submitted_at, request_type,
    priority, status, emergency, outcome, reason_code, data_categories, acknowledge_seconds, answer_seconds,
    requester_org_id, requesting_unit, acknowledged_at, acknowledge_due_at, answer_due_at, preservation_followed_at);
