-- Targets that bite (issue 14): a resolution target and a follow-up delay per brand, each complaint's resolution
-- due time, and the moments the log must announce, one row per complaint and kind.
ALTER TABLE brands ADD COLUMN resolution_target_days integer NOT NULL DEFAULT 14
    CHECK (resolution_target_days BETWEEN 1 AND 365);
ALTER TABLE brands ADD COLUMN follow_up_days integer NOT NULL DEFAULT 7 CHECK (follow_up_days BETWEEN 1 AND 30);

ALTER TABLE complaints ADD COLUMN resolution_due_at timestamptz;
UPDATE complaints SET resolution_due_at = created_at + interval '14 days';
ALTER TABLE complaints ALTER COLUMN resolution_due_at SET DEFAULT now() + interval '14 days';
ALTER TABLE complaints ALTER COLUMN resolution_due_at SET NOT NULL;

-- What the brand must do next and by when: its first reply while none came, then the resolution; nothing once the
-- complaint ended ('infinity', so an ascending keyset over it needs no NULL ordering).
ALTER TABLE complaints ADD COLUMN due_at timestamptz GENERATED ALWAYS AS (
    CASE WHEN status IN ('RESOLVED', 'UNRESOLVED', 'WITHDRAWN') THEN 'infinity'::timestamptz
         WHEN first_response_at IS NULL THEN first_response_due_at
         ELSE resolution_due_at END) STORED;

-- The last change to the case: a lifecycle step, an assignment or a message.
ALTER TABLE complaints ADD COLUMN last_activity_at timestamptz;
UPDATE complaints c SET last_activity_at = greatest(c.created_at, c.first_response_at, c.resolved_at,
    (SELECT max(m.created_at) FROM messages m WHERE m.complaint_id = c.id));
ALTER TABLE complaints ALTER COLUMN last_activity_at SET DEFAULT now();
ALTER TABLE complaints ALTER COLUMN last_activity_at SET NOT NULL;

-- The team inbox: one keyset index per order, each led by the brand.
CREATE INDEX complaints_inbox_due_idx ON complaints (brand_id, due_at, id);
CREATE INDEX complaints_inbox_activity_idx ON complaints (brand_id, last_activity_at DESC, id DESC);

-- Each moment the log announces once: a first reply or a resolution due soon or overdue, a follow-up due. The
-- sweep takes due rows under FOR UPDATE SKIP LOCKED and marks them done in the transaction that appends the event;
-- the key makes a second announcement impossible whatever the number of nodes.
CREATE TABLE complaint_deadlines (
    complaint_id bigint      NOT NULL REFERENCES complaints (id),
    kind         text        NOT NULL CHECK (kind IN ('FIRST_RESPONSE_DUE_SOON', 'FIRST_RESPONSE_OVERDUE',
                                                      'RESOLUTION_DUE_SOON', 'RESOLUTION_OVERDUE', 'FOLLOW_UP')),
    due_at       timestamptz NOT NULL,
    done_at      timestamptz,
    announced    boolean,
    PRIMARY KEY (complaint_id, kind)
);
CREATE INDEX complaint_deadlines_waiting_idx ON complaint_deadlines (due_at) WHERE done_at IS NULL;

-- Complaints still running get their deadlines; moments already past at the upgrade are history, not news.
INSERT INTO complaint_deadlines (complaint_id, kind, due_at, done_at, announced)
SELECT c.id, d.kind, d.due_at, CASE WHEN d.due_at <= now() THEN now() END, CASE WHEN d.due_at <= now() THEN false END
FROM complaints c
CROSS JOIN LATERAL (VALUES ('FIRST_RESPONSE_OVERDUE', c.first_response_due_at),
                           ('RESOLUTION_OVERDUE', c.resolution_due_at)) AS d(kind, due_at)
WHERE c.status IN ('OPEN', 'IN_PROGRESS', 'RESOLUTION_PROPOSED')
  AND (d.kind = 'RESOLUTION_OVERDUE' OR c.first_response_at IS NULL);

-- The brand's published read model gains the follow-up delay, which the complaint module reads when it schedules a
-- follow-up in the transaction that resolves a complaint.
CREATE OR REPLACE VIEW brand_listing AS
SELECT id AS brand_id, slug, name, website, description, status, response_target_hours, created_at, verified_at,
       follow_up_days, resolution_target_days
FROM brands;
