-- DUE_SOON lead times become brand settings (issue 14): how many hours before the first-response target and before
-- the resolution target the brand hears that one is near. The defaults are the server settings they replace.
ALTER TABLE brands ADD COLUMN first_response_due_soon_hours integer NOT NULL DEFAULT 4
    CHECK (first_response_due_soon_hours BETWEEN 1 AND 720);
ALTER TABLE brands ADD COLUMN resolution_due_soon_hours integer NOT NULL DEFAULT 24
    CHECK (resolution_due_soon_hours BETWEEN 1 AND 720);

-- The complaint module reads the leads from the brand's published read model when it schedules a complaint's moments
-- in the transaction that files it.
CREATE OR REPLACE VIEW brand_listing AS
SELECT id AS brand_id, slug, name, website, description, status, response_target_hours, created_at, verified_at,
       follow_up_days, resolution_target_days, contact_email, first_response_due_soon_hours, resolution_due_soon_hours
FROM brands;
