-- Each brand's Resolution Score as last computed: recomputed when an event that moves it commits and once a day as
-- weights age. Widgets and queries read it; nothing recomputes a score on a request. `score` holds the whole
-- explainable score; the columns beside it are for SQL.
CREATE TABLE brand_scores (
    brand_id    bigint           PRIMARY KEY REFERENCES brands (id),
    value       double precision NOT NULL CHECK (value BETWEEN 0 AND 100),
    tier        text             NOT NULL,
    rated_count integer          NOT NULL CHECK (rated_count >= 0),
    score       jsonb            NOT NULL,
    computed_at timestamptz      NOT NULL
);
CREATE INDEX brand_scores_computed_idx ON brand_scores (computed_at);

-- The last score of each brand on each day (UTC), for scoreHistory.
CREATE TABLE score_snapshots (
    brand_id    bigint           NOT NULL REFERENCES brands (id),
    day         date             NOT NULL,
    value       double precision NOT NULL,
    low         double precision NOT NULL,
    high        double precision NOT NULL,
    tier        text             NOT NULL,
    rated_count integer          NOT NULL,
    PRIMARY KEY (brand_id, day)
);

-- How far the score keeper has applied the event log. One row; the node applying a batch locks it, so batches are
-- applied once, in log order, whichever node reads them.
CREATE TABLE score_feed (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    xid       bigint  NOT NULL,
    event_id  bigint  NOT NULL
);
INSERT INTO score_feed (xid, event_id) VALUES (0, 0);
