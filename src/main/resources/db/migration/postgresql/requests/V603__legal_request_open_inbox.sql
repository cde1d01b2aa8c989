-- A provider's open requests (its work queue: new, acknowledged, in progress, awaiting clarification,
-- overdue), newest first, with every column an inbox row shows: the inbox narrowed to open statuses,
-- emergencies or priorities among them, reads this small index alone instead of walking, or fetching
-- from the table, everything the provider ever received. PostgreSQL only (a partial index with
-- INCLUDE); the query names the statuses as literals, so the planner sees that it applies.
CREATE INDEX legal_request_open_inbox ON legal_request (provider_org_id, submitted_at DESC, id DESC)
    INCLUDE (status, priority, emergency, answer_due_at, acknowledged_at, acknowledge_due_at, reference, request_type,
        requester_org_id, requesting_unit, file_number, created_at)
    WHERE status IN ('SUBMITTED', 'RECEIVED', 'ACKNOWLEDGED', 'CLARIFICATION_REQUESTED', 'IN_PROGRESS');
