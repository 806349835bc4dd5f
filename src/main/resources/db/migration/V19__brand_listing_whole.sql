-- The brand module's published read model gives every column of a brand that everyone may read (what the Brand
-- record holds), so a page of another module reads its rows' brands in its own statement, by a join, rather than in
-- one more statement per page. Columns are only appended: readers of the first three are unchanged.
CREATE OR REPLACE VIEW brand_listing AS
SELECT id AS brand_id, slug, name, website, description, status, response_target_hours, created_at, verified_at
FROM brands;
