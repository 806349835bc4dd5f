-- Built CONCURRENTLY, so events (and the changes they record) go on being written meanwhile, on nodes of the previous
-- version during a rolling deploy too. Flyway runs a script of such statements outside a transaction; each index is
-- dropped first, so after a failure (which leaves an invalid index behind) `flyway repair` and a restart build it again.
DROP INDEX CONCURRENTLY IF EXISTS events_position_idx;
CREATE UNIQUE INDEX CONCURRENTLY events_position_idx ON events (position);
-- What the sequencer numbers next: a small index, since an event leaves it once numbered.
DROP INDEX CONCURRENTLY IF EXISTS events_unnumbered_idx;
CREATE INDEX CONCURRENTLY events_unnumbered_idx ON events (id) WHERE position IS NULL;
DROP INDEX CONCURRENTLY IF EXISTS events_brand_position_idx;
CREATE INDEX CONCURRENTLY events_brand_position_idx ON events (brand_id, position);
DROP INDEX CONCURRENTLY IF EXISTS events_complaint_position_idx;
CREATE INDEX CONCURRENTLY events_complaint_position_idx ON events (complaint_id, position);
DROP INDEX CONCURRENTLY IF EXISTS events_consumer_position_idx;
CREATE INDEX CONCURRENTLY events_consumer_position_idx ON events (consumer_id, position);
