-- postMessage may carry an idempotency key: the same author sending the same key again in the same thread gets the
-- message they posted the first time (the hash tells a retry from another message under the same key).
ALTER TABLE messages ADD COLUMN idempotency_key text CHECK (length(idempotency_key) BETWEEN 1 AND 100);
ALTER TABLE messages ADD COLUMN request_hash text;
CREATE UNIQUE INDEX messages_idempotency_key ON messages (complaint_id, author_subject, idempotency_key)
    WHERE idempotency_key IS NOT NULL;
