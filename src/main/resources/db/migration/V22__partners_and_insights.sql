-- Partners in the case: another brand (a courier, an installer, a marketplace seller) that the brand complained about
-- brings into one complaint. The partner's members read the whole thread and post in it as the partner; the
-- complaint still belongs to, and counts for, the brand the consumer filed against. One row per complaint and
-- partner: a partner that declined and is brought in again is INVOLVED again, from the new joined_at.
CREATE TABLE complaint_partners (
    complaint_id      bigint      NOT NULL REFERENCES complaints (id),
    partner_brand_id  bigint      NOT NULL REFERENCES brands (id),
    brand_id          bigint      NOT NULL,
    status            text        NOT NULL CHECK (status IN ('INVOLVED', 'DECLINED')),
    note              text        CHECK (length(note) BETWEEN 1 AND 2000),
    joined_at         timestamptz NOT NULL DEFAULT now(),
    first_response_at timestamptz,
    declined_at       timestamptz,
    decline_reason    text        CHECK (length(decline_reason) BETWEEN 1 AND 2000),
    PRIMARY KEY (complaint_id, partner_brand_id)
);
CREATE INDEX complaint_partners_partner_idx ON complaint_partners (partner_brand_id, joined_at);

-- Who sent the brand's first response (for insights per agent); forgotten with the rest of a member's subject.
ALTER TABLE complaints ADD COLUMN first_response_by text;

-- The terms of a complaint's title and description for full-text statistics (insights' recurring themes), kept by
-- PostgreSQL itself as the text changes (a redaction, an erasure's masking). Positions are stripped: themes count
-- documents, so the vector is as small as it can be.
ALTER TABLE complaints ADD COLUMN search_terms tsvector
    GENERATED ALWAYS AS (strip(to_tsvector('english', title || ' ' || description))) STORED;
CREATE INDEX complaints_search_terms_idx ON complaints USING gin (search_terms);

-- A partner's message shows under the partner's name; a consumer may keep a private message from partners. The new
-- check is validated in V22_1, without holding the lock that adding it takes.
ALTER TABLE messages DROP CONSTRAINT messages_author_kind_check;
ALTER TABLE messages ADD CONSTRAINT messages_author_kind_check
    CHECK (author_kind IN ('CONSUMER', 'BRAND', 'PARTNER', 'SYSTEM')) NOT VALID;
ALTER TABLE messages ADD COLUMN author_brand_id bigint;
ALTER TABLE messages ADD COLUMN kept_from_partners boolean NOT NULL DEFAULT false;

-- complaint_outcomes keeps its columns and adds what insights read: the category, who answered first and who works
-- the case.
CREATE OR REPLACE VIEW complaint_outcomes AS
SELECT c.id AS complaint_id, c.brand_id, c.status, c.created_at, c.first_response_at, c.first_response_due_at,
       r.stars, r.would_buy_again,
       CASE WHEN c.moderation = 'REMOVED' THEN 'REMOVED'
            WHEN c.moderation IN ('HELD', 'HIDDEN') THEN 'UNDER_REVIEW'
            WHEN c.status = 'WITHDRAWN' THEN 'WITHDRAWN' END AS excluded_reason,
       c.consumer_id, c.resolved_at, r.rated_at, c.category, c.first_response_by, c.assignee
FROM complaints c LEFT JOIN ratings r ON r.complaint_id = c.id;

-- The complaint module's published view of each complaint's terms, for full-text statistics by other modules.
CREATE VIEW complaint_terms AS
SELECT c.id AS complaint_id, c.brand_id, c.created_at, c.search_terms AS terms FROM complaints c;

-- The complaint module's published view of partners in cases: which brand joined which complaint (of which brand)
-- when, when it first answered, and whether it declined.
CREATE VIEW complaint_partner_cases AS
SELECT complaint_id, partner_brand_id, brand_id, status, joined_at, first_response_at, declined_at
FROM complaint_partners;
