-- Themes read the terms extracted at write time (V26): the stored vector of each complaint's text, its index and its
-- view, which ts_stat parsed at every read, go.
DROP VIEW complaint_terms;
DROP INDEX complaints_search_terms_idx;
ALTER TABLE complaints DROP COLUMN search_terms;
