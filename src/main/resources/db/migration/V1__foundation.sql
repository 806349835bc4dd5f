-- Users as the platform knows them: the token subject and the public pseudonym shown next to their complaints.
CREATE TABLE profiles (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    subject     text        NOT NULL UNIQUE CHECK (length(subject) BETWEEN 1 AND 255),
    public_name text        NOT NULL CHECK (length(public_name) BETWEEN 1 AND 60),
    created_at  timestamptz NOT NULL DEFAULT now()
);

-- A brand is UNCLAIMED (created by a complaint, nobody owns it), UNVERIFIED (registered by its owner, not yet
-- checked by a moderator) or VERIFIED.
CREATE TABLE brands (
    id                    bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    slug                  text        NOT NULL CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(slug) <= 60),
    name                  text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    website               text        NOT NULL CHECK (length(website) BETWEEN 1 AND 300),
    domain                text        NOT NULL CHECK (length(domain) BETWEEN 1 AND 253),
    description           text        CHECK (length(description) <= 2000),
    status                text        NOT NULL CHECK (status IN ('UNCLAIMED', 'UNVERIFIED', 'VERIFIED')),
    response_target_hours integer     NOT NULL DEFAULT 48 CHECK (response_target_hours BETWEEN 1 AND 720),
    created_at            timestamptz NOT NULL DEFAULT now(),
    verified_at           timestamptz
);
CREATE UNIQUE INDEX brands_slug_key ON brands (slug);
CREATE UNIQUE INDEX brands_name_key ON brands (lower(name));
CREATE UNIQUE INDEX brands_domain_key ON brands (domain);
CREATE INDEX brands_directory_idx ON brands (lower(name), id);

-- Membership lives here, not in the token, so a brand manages its own team. Members are token subjects, so an
-- integration's OAuth2 client id is a member like any person.
CREATE TABLE brand_members (
    brand_id  bigint      NOT NULL REFERENCES brands (id),
    subject   text        NOT NULL CHECK (length(subject) BETWEEN 1 AND 255),
    role      text        NOT NULL CHECK (role IN ('OWNER', 'MANAGER', 'AGENT', 'INTEGRATION')),
    added_at  timestamptz NOT NULL DEFAULT now(),
    added_by  text,
    PRIMARY KEY (brand_id, subject)
);
CREATE INDEX brand_members_subject_idx ON brand_members (subject);

CREATE TABLE brand_claims (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    brand_id   bigint      NOT NULL REFERENCES brands (id),
    claimant   text        NOT NULL CHECK (length(claimant) BETWEEN 1 AND 255),
    evidence   text        NOT NULL CHECK (length(evidence) BETWEEN 1 AND 2000),
    status     text        NOT NULL CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
    created_at timestamptz NOT NULL DEFAULT now(),
    decided_at timestamptz,
    decided_by text
);
CREATE UNIQUE INDEX brand_claims_pending_key ON brand_claims (brand_id, claimant) WHERE status = 'PENDING';

-- The event log (transactional outbox). Ids are not commit-ordered, so readers order by the writing
-- transaction's xid8 and read only below the oldest transaction still running; (xid, id) is the cursor.
CREATE TABLE events (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    xid          xid8        NOT NULL DEFAULT pg_current_xact_id(),
    brand_id     bigint,
    complaint_id bigint,
    consumer_id  bigint,
    type         text        NOT NULL,
    visibility   text        NOT NULL CHECK (visibility IN ('PUBLIC', 'PARTICIPANTS', 'BRAND')),
    payload      jsonb       NOT NULL DEFAULT '{}'::jsonb,
    occurred_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX events_order_idx ON events (xid, id);
CREATE INDEX events_brand_idx ON events (brand_id, xid, id);
CREATE INDEX events_complaint_idx ON events (complaint_id, xid, id);
CREATE INDEX events_occurred_idx ON events (occurred_at);
