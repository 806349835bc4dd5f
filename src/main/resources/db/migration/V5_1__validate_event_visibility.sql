-- Validating takes a lock that lets events be written meanwhile; it runs in its own transaction for that reason.
ALTER TABLE events VALIDATE CONSTRAINT events_visibility_check;
