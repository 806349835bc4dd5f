-- A consumer's complaint against a brand, with its lifecycle clocks. The idempotency key makes a retried
-- fileComplaint return the first complaint instead of filing a second one.
CREATE TABLE complaints (
    id                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    brand_id              bigint      NOT NULL REFERENCES brands (id),
    consumer_id           bigint      NOT NULL REFERENCES profiles (id),
    title                 text        NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
    description           text        NOT NULL CHECK (length(description) BETWEEN 1 AND 10000),
    category              text        NOT NULL,
    order_reference       text        CHECK (length(order_reference) BETWEEN 1 AND 100),
    status                text        NOT NULL CHECK (status IN ('OPEN', 'IN_PROGRESS', 'RESOLUTION_PROPOSED',
                                                                 'RESOLVED', 'UNRESOLVED', 'WITHDRAWN')),
    assignee              text,
    created_at            timestamptz NOT NULL DEFAULT now(),
    first_response_at     timestamptz,
    first_response_due_at timestamptz NOT NULL,
    resolved_at           timestamptz,
    idempotency_key       text        CHECK (length(idempotency_key) BETWEEN 1 AND 100),
    request_hash          text
);
CREATE UNIQUE INDEX complaints_idempotency_key ON complaints (consumer_id, idempotency_key);
CREATE INDEX complaints_feed_idx ON complaints (created_at DESC, id DESC);
CREATE INDEX complaints_brand_idx ON complaints (brand_id, created_at DESC, id DESC);
CREATE INDEX complaints_consumer_idx ON complaints (consumer_id, created_at DESC, id DESC);

-- Resolutions a brand proposed; at most one is PROPOSED (waiting for the consumer) at a time.
CREATE TABLE proposals (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    complaint_id     bigint      NOT NULL REFERENCES complaints (id),
    brand_id         bigint      NOT NULL,
    kind             text        NOT NULL CHECK (kind IN ('REFUND', 'REPLACEMENT', 'REPAIR', 'CREDIT', 'EXPLANATION', 'OTHER')),
    summary          text        NOT NULL CHECK (length(summary) BETWEEN 1 AND 2000),
    due_at           timestamptz,
    status           text        NOT NULL CHECK (status IN ('PROPOSED', 'ACCEPTED', 'ASSUMED_ACCEPTED', 'REJECTED')),
    proposed_by      text        NOT NULL,
    proposed_at      timestamptz NOT NULL DEFAULT now(),
    answered_at      timestamptz,
    rejection_reason text        CHECK (length(rejection_reason) BETWEEN 1 AND 2000)
);
CREATE UNIQUE INDEX proposals_one_open ON proposals (complaint_id) WHERE status = 'PROPOSED';
CREATE INDEX proposals_complaint_idx ON proposals (complaint_id, id DESC);
CREATE INDEX proposals_waiting_idx ON proposals (proposed_at) WHERE status = 'PROPOSED';

-- The consumer's rating of the resolution: one per complaint, revisable only after a reopen.
CREATE TABLE ratings (
    complaint_id    bigint      PRIMARY KEY REFERENCES complaints (id),
    brand_id        bigint      NOT NULL,
    stars           integer     NOT NULL CHECK (stars BETWEEN 1 AND 5),
    would_buy_again boolean     NOT NULL,
    comment         text        CHECK (length(comment) BETWEEN 1 AND 2000),
    rated_at        timestamptz NOT NULL DEFAULT now(),
    revisable       boolean     NOT NULL DEFAULT false
);
CREATE INDEX ratings_brand_idx ON ratings (brand_id);

-- The thread: PUBLIC messages everyone reads, PRIVATE ones only the consumer, the brand and moderators read.
CREATE TABLE messages (
    id             bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    complaint_id   bigint      NOT NULL REFERENCES complaints (id),
    brand_id       bigint      NOT NULL,
    author_kind    text        NOT NULL CHECK (author_kind IN ('CONSUMER', 'BRAND', 'SYSTEM')),
    author_subject text,
    visibility     text        NOT NULL CHECK (visibility IN ('PUBLIC', 'PRIVATE')),
    body           text        NOT NULL CHECK (length(body) BETWEEN 1 AND 10000),
    created_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX messages_complaint_idx ON messages (complaint_id, id);
