-- A complaint's title as everyone but its participants reads it (contact details masked), kept by the complaint
-- module when it writes the title: search matches this, so it can never reveal what the public does not see. Rows
-- written before (or by hand) are masked by the module soon after start-up; until then they match no search.
ALTER TABLE complaints ADD COLUMN public_title text;
CREATE INDEX complaints_unmasked_titles_idx ON complaints (id) WHERE public_title IS NULL;
