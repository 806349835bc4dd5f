-- The moderation module: flags on complaints and messages, and every step taken on them.
CREATE TABLE flags (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    target_kind  text        NOT NULL CHECK (target_kind IN ('COMPLAINT', 'MESSAGE')),
    target_id    bigint      NOT NULL,
    complaint_id bigint      NOT NULL,
    brand_id     bigint      NOT NULL,
    flagger_id   bigint      NOT NULL,
    -- the author of the flagged content, who is told of rulings and may appeal; null for Redress's own messages
    author_id    bigint,
    asked_by     text        NOT NULL CHECK (asked_by IN ('BRAND', 'CONSUMER', 'PLATFORM')),
    reason       text        NOT NULL CHECK (reason IN ('PERSONAL_DATA', 'OFFENSIVE', 'NOT_A_REAL_CASE',
                                                        'THREAT_OR_EXTORTION', 'DUPLICATE', 'SPAM', 'OTHER')),
    note         text        CHECK (length(note) BETWEEN 1 AND 1000),
    status       text        NOT NULL CHECK (status IN ('OPEN', 'RULED', 'APPEALED', 'FINAL')),
    hidden       boolean     NOT NULL DEFAULT false,
    ruling       text        CHECK (ruling IN ('KEEP', 'REDACT', 'REMOVE')),
    ruled_by     text,
    created_at   timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX flags_one_open ON flags (flagger_id, target_kind, target_id) WHERE status = 'OPEN';
CREATE INDEX flags_queue_idx ON flags (created_at, id);
CREATE INDEX flags_target_idx ON flags (target_kind, target_id);

-- The audit trail, for moderators only: the flag, a hide, each ruling (with the original text a redaction
-- replaced), the appeal and its decision.
CREATE TABLE flag_history (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    flag_id       bigint      NOT NULL REFERENCES flags (id),
    action        text        NOT NULL CHECK (action IN ('FLAGGED', 'HIDDEN', 'RULED', 'APPEALED', 'APPEAL_DECIDED')),
    actor         text        NOT NULL,
    ruling        text        CHECK (ruling IN ('KEEP', 'REDACT', 'REMOVE')),
    reason        text        CHECK (length(reason) BETWEEN 1 AND 2000),
    note          text        CHECK (length(note) BETWEEN 1 AND 2000),
    redacted_text text,
    original_text text,
    at            timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX flag_history_flag_idx ON flag_history (flag_id, id);

-- The public ledger: every hold, release, removal and reinstatement of a complaint, with its public reason and
-- which side asked (never who).
CREATE TABLE moderation_ledger (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    brand_id      bigint      NOT NULL,
    complaint_id  bigint      NOT NULL,
    action        text        NOT NULL CHECK (action IN ('HELD', 'RELEASED', 'REMOVED', 'REINSTATED')),
    reason        text        NOT NULL,
    public_reason text,
    asked_by      text        NOT NULL CHECK (asked_by IN ('BRAND', 'CONSUMER', 'PLATFORM')),
    at            timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX moderation_ledger_brand_idx ON moderation_ledger (brand_id, id DESC);
