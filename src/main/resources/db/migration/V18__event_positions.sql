-- Events get a gapless position, in the order they became visible, from the sequencer (one node at a time, under an
-- advisory lock): readers follow that position and no longer wait for the oldest transaction on the whole cluster.
-- Nothing here blocks writing events (a nullable column is only a catalogue change; the numbering UPDATE locks rows
-- nobody else updates); the indexes are built by the next migration without a lock on writes.
ALTER TABLE events ADD COLUMN position bigint;

-- last_position: the largest position given, which the next batch continues (kept here, not read from the events,
-- so purging old events never makes a position come round again).
-- legacy_horizon: the oldest transaction running now. Every event below it is one a reader of the old (xid, id) order
-- may already have seen; those are numbered here in that order, so a cursor handed out before the upgrade maps to its
-- event's position exactly. Later ones are numbered by the sequencer as they commit.
CREATE TABLE event_sequence (
    singleton      boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    last_position  bigint  NOT NULL,
    legacy_horizon bigint  NOT NULL
);
INSERT INTO event_sequence (last_position, legacy_horizon)
SELECT 0, pg_snapshot_xmin(pg_current_snapshot())::text::bigint;

UPDATE events e SET position = numbered.position
FROM (SELECT id, row_number() OVER (ORDER BY xid, id) AS position FROM events
      WHERE xid < (SELECT legacy_horizon FROM event_sequence)::text::xid8) numbered
WHERE e.id = numbered.id;
UPDATE event_sequence SET last_position = (SELECT coalesce(max(position), 0) FROM events);

-- The log's followers go on from just before the first numbered event after their old cursor (events were numbered
-- in that order, so that is the last one they applied; those after the horizon get larger positions anyway).
ALTER TABLE score_feed ADD COLUMN position bigint;
UPDATE score_feed f SET position = coalesce(
    (SELECT min(e.position) - 1 FROM events e
     WHERE e.position IS NOT NULL AND (e.xid::text::bigint, e.id) > (f.xid, f.event_id)),
    (SELECT coalesce(max(e.position), 0) FROM events e));
ALTER TABLE score_feed ALTER COLUMN position SET NOT NULL;

ALTER TABLE signal_feed ADD COLUMN position bigint;
-- A watch that never applied a batch (0, 0) starts from the log's present, as before: it stays at 0.
UPDATE signal_feed f SET position = CASE WHEN f.xid = 0 AND f.event_id = 0 THEN 0 ELSE coalesce(
    (SELECT min(e.position) - 1 FROM events e
     WHERE e.position IS NOT NULL AND (e.xid::text::bigint, e.id) > (f.xid, f.event_id)),
    (SELECT coalesce(max(e.position), 0) FROM events e)) END;
ALTER TABLE signal_feed ALTER COLUMN position SET NOT NULL;
