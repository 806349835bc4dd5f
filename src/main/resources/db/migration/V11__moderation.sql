-- Moderation, part of the complaint and thread modules: what a moderator's ruling did to content those modules own.
-- HELD is under review but still public (set by signals, later); HIDDEN is under review and out of public view
-- (a moderator hid it at once for personal data or a threat); REMOVED is out of public view for good. Held,
-- hidden and removed complaints are left out of the score.
ALTER TABLE complaints ADD COLUMN moderation text CHECK (moderation IN ('HELD', 'HIDDEN', 'REMOVED'));
ALTER TABLE complaints ADD COLUMN redacted boolean NOT NULL DEFAULT false;
ALTER TABLE messages ADD COLUMN moderation text CHECK (moderation IN ('HIDDEN', 'REMOVED'));
ALTER TABLE messages ADD COLUMN redacted boolean NOT NULL DEFAULT false;

-- complaint_outcomes keeps its columns and says why a complaint does not count in a score, if it does not.
CREATE OR REPLACE VIEW complaint_outcomes AS
SELECT c.id AS complaint_id, c.brand_id, c.status, c.created_at, c.first_response_at, c.first_response_due_at,
       r.stars, r.would_buy_again,
       CASE WHEN c.moderation = 'REMOVED' THEN 'REMOVED'
            WHEN c.moderation IN ('HELD', 'HIDDEN') THEN 'UNDER_REVIEW'
            WHEN c.status = 'WITHDRAWN' THEN 'WITHDRAWN' END AS excluded_reason
FROM complaints c LEFT JOIN ratings r ON r.complaint_id = c.id;

-- Events addressed to one person (the profile in consumer_id), such as a ruling on their content or their flag.
ALTER TABLE events DROP CONSTRAINT events_visibility_check;
ALTER TABLE events ADD CONSTRAINT events_visibility_check
    CHECK (visibility IN ('PUBLIC', 'PARTICIPANTS', 'BRAND', 'SYSTEM', 'ADDRESSEE'));
CREATE INDEX events_consumer_idx ON events (consumer_id, xid, id);
