-- V103 moves the sealed entries into one self-contained table; the old tables' triggers must let it.
DROP TRIGGER audit_entry_append_only ON audit_entry;
DROP TRIGGER audit_entry_no_truncate ON audit_entry;
DROP TRIGGER audit_chain_append_only ON audit_chain;
DROP TRIGGER audit_chain_no_truncate ON audit_chain;
