-- The database itself refuses to change or remove sealed ledger rows, whoever asks (the function
-- audit_refuse_change comes from V101). The inbox may only grow, or be emptied by the sealer.
CREATE TRIGGER audit_ledger_append_only BEFORE UPDATE OR DELETE ON audit_ledger
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_ledger_no_truncate BEFORE TRUNCATE ON audit_ledger
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_inbox_no_update BEFORE UPDATE ON audit_inbox
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
