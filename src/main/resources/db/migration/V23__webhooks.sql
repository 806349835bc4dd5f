-- Brands' webhook endpoints (Standard Webhooks). The secret signs every delivery; after a rotation the previous one
-- keeps signing too until previous_secret_expires_at, so receivers can switch without losing a delivery.
-- due_at: when the endpoint's oldest pending delivery is due (null when none is pending), so a sender finds the
-- endpoints with work from this table alone. lease_token and lease_until: the node sending to the endpoint now; one
-- node at a time, and another takes over once the lease has run out (a node that died holds it no longer).
CREATE TABLE webhooks (
    id                         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    brand_id                   bigint      NOT NULL,
    url                        text        NOT NULL,
    event_types                text[]      NOT NULL,
    secret                     text        NOT NULL,
    previous_secret            text,
    previous_secret_expires_at timestamptz,
    status                     text        NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'DISABLED')),
    failing_since              timestamptz,
    disabled_at                timestamptz,
    due_at                     timestamptz,
    lease_token                uuid,
    lease_until                timestamptz,
    created_at                 timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX webhooks_brand_idx ON webhooks (brand_id, id);
CREATE INDEX webhooks_due_idx ON webhooks (due_at) WHERE status = 'ACTIVE' AND due_at IS NOT NULL;

-- One delivery of one event to one endpoint, sent in id order per endpoint (the planner inserts them in log order).
-- body is fixed when the delivery is planned, so every attempt signs the same bytes. A redelivery is a new row.
CREATE TABLE webhook_deliveries (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    webhook_id      bigint      NOT NULL REFERENCES webhooks ON DELETE CASCADE,
    position        bigint      NOT NULL,
    event_id        text        NOT NULL,
    event_type      text        NOT NULL,
    body            text        NOT NULL,
    status          text        NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'DELIVERED', 'FAILED')),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    last_attempt_at timestamptz,
    response_code   integer,
    duration_ms     integer,
    error           text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    delivered_at    timestamptz
);
CREATE INDEX webhook_deliveries_page_idx ON webhook_deliveries (webhook_id, id);
CREATE INDEX webhook_deliveries_pending_idx ON webhook_deliveries (webhook_id, id) WHERE status = 'PENDING';
CREATE INDEX webhook_deliveries_created_idx ON webhook_deliveries (created_at);

-- How far the planner has turned the event log into deliveries: one row, locked by the node applying a batch.
-- 0 until the first batch: the planner then starts from the log's present.
CREATE TABLE webhook_feed (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    position  bigint  NOT NULL
);
INSERT INTO webhook_feed (position) VALUES (0);
