-- Events only modules read (facts such as a brand's first response), never delivered to subscribers.
ALTER TABLE events DROP CONSTRAINT events_visibility_check;
ALTER TABLE events ADD CONSTRAINT events_visibility_check
    CHECK (visibility IN ('PUBLIC', 'PARTICIPANTS', 'BRAND', 'SYSTEM'));
