-- Joining a brand's team needs the member's consent: an owner or manager invites a token subject, and only the
-- invitee's acceptance makes them a member (brand_members). A row is an open invitation: accepting, declining or
-- withdrawing it deletes the row (the event log keeps the history); past expires_at it can no longer be answered,
-- and the brand's next invitation clears it. The primary key is the rule "at most one per brand and subject".
CREATE TABLE brand_invitations (
    brand_id   bigint      NOT NULL REFERENCES brands (id),
    subject    text        NOT NULL CHECK (length(subject) BETWEEN 1 AND 255),
    role       text        NOT NULL CHECK (role IN ('OWNER', 'MANAGER', 'AGENT', 'INTEGRATION')),
    invited_by text        NOT NULL,
    invited_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL,
    PRIMARY KEY (brand_id, subject)
);
CREATE INDEX brand_invitations_subject_idx ON brand_invitations (subject, invited_at DESC, brand_id DESC);
