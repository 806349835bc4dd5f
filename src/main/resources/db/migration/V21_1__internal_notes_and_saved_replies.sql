-- Internal notes (issue 14): a message only the brand's side and moderators read.
ALTER TABLE messages DROP CONSTRAINT messages_visibility_check;
ALTER TABLE messages ADD CONSTRAINT messages_visibility_check CHECK (visibility IN ('PUBLIC', 'PRIVATE', 'INTERNAL'));

-- A brand's saved replies: a title and a body with {consumerName} and {brandName}, filled when posted.
CREATE TABLE saved_replies (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    brand_id   bigint      NOT NULL REFERENCES brands (id),
    title      text        NOT NULL CHECK (length(title) BETWEEN 1 AND 100),
    body       text        NOT NULL CHECK (length(body) BETWEEN 1 AND 10000),
    created_by text,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX saved_replies_brand_idx ON saved_replies (brand_id, lower(title), id);
