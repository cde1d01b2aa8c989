-- Drafts and requests awaiting authorisation are in none of the provider's indexes: a provider never
-- sees them, the statistics count sent requests only, and they have no deadline yet. So writing a
-- draft, and sending it for authorisation, updates three indexes instead of seven; only the
-- authoriser's approval enters the request in the others. (H2 has no partial indexes; it keeps them whole.)
-- Every query these serve says submitted_at IS NOT NULL, or implies it (submitted_at >= ?).
DROP INDEX legal_request_inbox;
CREATE INDEX legal_request_inbox ON legal_request (provider_org_id, submitted_at DESC, id DESC)
    WHERE submitted_at IS NOT NULL;

DROP INDEX legal_request_due;
CREATE INDEX legal_request_due ON legal_request (status, answer_due_at) WHERE submitted_at IS NOT NULL;

DROP INDEX legal_request_preservation;
CREATE INDEX legal_request_preservation ON legal_request (preservation_state, preservation_expires_at)
    WHERE preservation_state IS NOT NULL;

DROP INDEX legal_request_provider_statistics;
CREATE INDEX legal_request_provider_statistics ON legal_request (provider_org_id, submitted_at, request_type,
    priority, status, emergency, outcome, reason_code, data_categories, acknowledge_seconds, answer_seconds,
    requester_org_id, requesting_unit, acknowledged_at, acknowledge_due_at, answer_due_at, preservation_followed_at)
    WHERE submitted_at IS NOT NULL;
