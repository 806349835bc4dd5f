-- Validating takes a lock that lets reads and writes of messages go on, unlike the ALTER that added the check in V22.
ALTER TABLE messages VALIDATE CONSTRAINT messages_author_kind_check;
