-- A message's text as everyone but the complaint's participants reads it (contact details masked), written by the
-- thread module whenever it writes the text, so a thread page is masked inside the statement that reads it instead
-- of once per row per request. Rows written before (or by hand) are masked by the module soon after start-up; until
-- then the reader masks them itself, so nothing unmasked ever reaches the public.
ALTER TABLE messages ADD COLUMN public_body text;
CREATE INDEX messages_unmasked_bodies_idx ON messages (id) WHERE public_body IS NULL;
