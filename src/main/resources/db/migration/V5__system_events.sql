-- Events only modules read (facts such as a brand's first response), never delivered to subscribers. The new check
-- is added NOT VALID (no scan while the table is locked) and validated by the next migration, which lets writes go on.
ALTER TABLE events DROP CONSTRAINT events_visibility_check;
ALTER TABLE events ADD CONSTRAINT events_visibility_check
    CHECK (visibility IN ('PUBLIC', 'PARTICIPANTS', 'BRAND', 'SYSTEM')) NOT VALID;
