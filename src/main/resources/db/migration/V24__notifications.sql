-- E-mail notifications (the notification module), and the public customer-service address a consumer may give for
-- a brand not on Redress yet (the brand module's, published in brand_listing with the brand's status).

ALTER TABLE brands ADD COLUMN contact_email text CHECK (length(contact_email) <= 254);

CREATE OR REPLACE VIEW brand_listing AS
SELECT id AS brand_id, slug, name, website, description, status, response_target_hours, created_at, verified_at,
       follow_up_days, resolution_target_days, contact_email
FROM brands;

-- One row per person (token subject) who has an address or settings. The address is the token's `email` claim as
-- last seen, unless the person chose another; kinds are opted in (brand kinds) or out (consumer kinds) by name.
CREATE TABLE notification_recipients (
    subject         text        PRIMARY KEY,
    token_email     text        CHECK (length(token_email) <= 254),
    chosen_email    text        CHECK (length(chosen_email) <= 254),
    digest          boolean     NOT NULL DEFAULT false,
    opted_in        text[]      NOT NULL DEFAULT '{}',
    opted_out       text[]      NOT NULL DEFAULT '{}',
    last_digest_at  timestamptz,
    updated_at      timestamptz NOT NULL DEFAULT now()
);

-- What is to be sent. A row is written in the transaction that reads its event, so nothing is lost; a node claims
-- rows with SKIP LOCKED for a while, sends, and marks them sent, so no two nodes send one row. A node that dies after
-- the SMTP server took a mail and before marking it resends it once its claim lapses: each mail carries the same
-- Message-ID every time, by which receivers drop the copy.
CREATE TABLE notification_outbox (
    id             bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    kind           text        NOT NULL,
    subject        text,
    email          text        NOT NULL CHECK (length(email) <= 254),
    brand_id       bigint      NOT NULL,
    complaint_id   bigint,
    event_position bigint,
    digest         boolean     NOT NULL DEFAULT false,
    created_at     timestamptz NOT NULL DEFAULT now(),
    send_after     timestamptz NOT NULL DEFAULT now(),
    claimed_until  timestamptz,
    attempts       integer     NOT NULL DEFAULT 0,
    sent_at        timestamptz,
    dropped_at     timestamptz,
    last_error     text
);
CREATE INDEX notification_outbox_due_idx ON notification_outbox (send_after, id)
    WHERE sent_at IS NULL AND dropped_at IS NULL AND NOT digest;
CREATE INDEX notification_outbox_digest_idx ON notification_outbox (subject, id)
    WHERE sent_at IS NULL AND dropped_at IS NULL AND digest;
CREATE UNIQUE INDEX notification_outbox_once_idx ON notification_outbox (event_position, kind, email)
    WHERE event_position IS NOT NULL;

-- How far the notification watch has read the event log (as signal_feed): one row, locked per batch.
CREATE TABLE notification_feed (
    singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
    position  bigint  NOT NULL
);
INSERT INTO notification_feed (position) VALUES (0);

-- The last invitation to claim each unclaimed brand (at most one a week), and addresses that asked for none ever.
CREATE TABLE notification_invitations (
    brand_id bigint      PRIMARY KEY,
    sent_at  timestamptz NOT NULL
);
CREATE TABLE notification_opt_outs (
    email      text        PRIMARY KEY,
    opted_at   timestamptz NOT NULL DEFAULT now()
);
