-- Follow-ups (issue 14): a consumer asked whether a resolution held, one question per resolution, and the answer.
-- Published for other modules (insights) as the view complaint_follow_ups.
CREATE TABLE follow_ups (
    complaint_id bigint      NOT NULL REFERENCES complaints (id),
    resolved_at  timestamptz NOT NULL,
    brand_id     bigint      NOT NULL,
    asked_at     timestamptz NOT NULL DEFAULT now(),
    held         boolean,
    comment      text        CHECK (length(comment) BETWEEN 1 AND 2000),
    answered_at  timestamptz,
    PRIMARY KEY (complaint_id, resolved_at)
);
CREATE INDEX follow_ups_brand_idx ON follow_ups (brand_id) WHERE answered_at IS NOT NULL;

-- The complaint module's published view of follow-ups: which resolution of which brand's complaint was asked
-- about, when, and whether it held (null until answered). The comment stays private to the case.
CREATE VIEW complaint_follow_ups AS
SELECT complaint_id, brand_id, resolved_at, asked_at, held, answered_at FROM follow_ups;
