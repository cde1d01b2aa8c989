-- A notification's recipient is no longer a foreign key. The key made every notice take a share lock
-- on each recipient's app_user row; notices to the same desk from concurrent requests (a provider's
-- compliance staff, an organisation's authorisers) then took turns on those rows and turned the locks
-- into multixacts, which made storing a notification two to three times dearer than storing a
-- request's history entry (bench/README.md, figure a). Users are never deleted (they are deactivated),
-- so the key's ON DELETE CASCADE never ran; every recipient comes from a query of app_user (the
-- holders of a permission) or from a person column that is itself a key of app_user. H2 keeps the key:
-- it has no such locks.
ALTER TABLE notification DROP CONSTRAINT notification_user_id_fkey;
