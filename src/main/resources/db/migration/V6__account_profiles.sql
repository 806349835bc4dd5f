-- The account module's published read model: who a profile is and the name the public sees. Other modules read
-- profiles only through this view, so the account module may reshape its table (erasure, say) behind it.
CREATE VIEW account_profiles AS
SELECT id AS profile_id, subject, public_name FROM profiles;
