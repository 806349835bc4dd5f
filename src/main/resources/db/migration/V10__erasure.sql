-- Erasure: an erased profile keeps its row, so the complaints filed under it stay and every score stays true, but it
-- loses its token subject (a later token with that subject starts a new profile) and shows as "Former customer".
ALTER TABLE profiles ALTER COLUMN subject DROP NOT NULL;
ALTER TABLE profiles ADD COLUMN erased_at timestamptz;
ALTER TABLE profiles ADD CONSTRAINT profiles_erased_check CHECK ((subject IS NULL) = (erased_at IS NOT NULL));

-- A proposal made by a member who has since erased their account names nobody.
ALTER TABLE proposals ALTER COLUMN proposed_by DROP NOT NULL;

-- Erasure finds the messages a person wrote for a brand by their subject; the column is otherwise never searched.
CREATE INDEX messages_author_subject_idx ON messages (author_subject) WHERE author_subject IS NOT NULL;
