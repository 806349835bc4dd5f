-- The complaint module's published view of who filed each complaint, with the name the public sees (read through
-- the account module's view). The thread module names a consumer's messages with it.
CREATE VIEW complaint_authors AS
SELECT c.id AS complaint_id, c.brand_id, c.consumer_id, p.public_name AS author_name
FROM complaints c JOIN account_profiles p ON p.profile_id = c.consumer_id;
