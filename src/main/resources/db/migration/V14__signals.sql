-- Signals of fake resolutions and review bombing (the moderation module follows the event log and holds a complaint
-- that trips a rule under review: public, marked, out of the score until a moderator rules).

-- The account module publishes when each account was first seen: the database stamps it when a token's subject is
-- first seen, and no operation sets or changes it, so nobody can make an account look older than it is.
CREATE OR REPLACE VIEW account_profiles AS
SELECT id AS profile_id, subject, public_name, created_at FROM profiles;

-- The complaint module publishes who filed each complaint, when it was resolved and when it was rated (new columns
-- go last: the view keeps the columns it had).
CREATE OR REPLACE VIEW complaint_outcomes AS
SELECT c.id AS complaint_id, c.brand_id, c.status, c.created_at, c.first_response_at, c.first_response_due_at,
       r.stars, r.would_buy_again,
       CASE WHEN c.moderation = 'REMOVED' THEN 'REMOVED'
            WHEN c.moderation IN ('HELD', 'HIDDEN') THEN 'UNDER_REVIEW'
            WHEN c.status = 'WITHDRAWN' THEN 'WITHDRAWN' END AS excluded_reason,
       c.consumer_id, c.resolved_at, r.rated_at
FROM complaints c LEFT JOIN ratings r ON r.complaint_id = c.id;

-- A flag Redress raises itself names the signal rule that tripped and has no flagger. One flag per rule and
-- complaint, ever: a rule never holds the same complaint twice, and a complaint a moderator kept is not held again
-- by the same rule.
ALTER TABLE flags ALTER COLUMN flagger_id DROP NOT NULL;
ALTER TABLE flags ADD COLUMN signal text
    CHECK (signal IN ('QUICK_PERFECT_RESOLUTION', 'NEW_ACCOUNT_PRAISE_CLUSTER', 'NEW_ACCOUNT_BURST'));
ALTER TABLE flags ADD CONSTRAINT flags_signal_source_check
    CHECK ((signal IS NULL) = (flagger_id IS NOT NULL) AND (signal IS NULL OR target_kind = 'COMPLAINT'));
CREATE UNIQUE INDEX flags_one_per_signal ON flags (target_id, signal) WHERE signal IS NOT NULL;

-- How far the signal watch has applied the event log. One row; the node applying a batch locks it, so each event is
-- evaluated once, in log order, whichever node reads it. (0, 0) means never: the watch then starts from the log's
-- present and never holds complaints retroactively when signals are first switched on.
CREATE TABLE signal_feed (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    xid       bigint  NOT NULL,
    event_id  bigint  NOT NULL
);
INSERT INTO signal_feed (xid, event_id) VALUES (0, 0);
