-- A partner's inbox holds the cases it is involved in (issue 14), paged in the inbox's orders through indexes of
-- its own: each involvement carries copies of its complaint's order keys (what is due next, creation, last
-- activity), kept by PostgreSQL itself as the complaint changes, so a page of partner cases is read in order from
-- an index and stops at its limit, as a page of the brand's own complaints does.
ALTER TABLE complaint_partners ADD COLUMN case_due_at timestamptz;
ALTER TABLE complaint_partners ADD COLUMN case_created_at timestamptz;
ALTER TABLE complaint_partners ADD COLUMN case_last_activity_at timestamptz;
UPDATE complaint_partners cp SET case_due_at = c.due_at, case_created_at = c.created_at,
                                 case_last_activity_at = c.last_activity_at
FROM complaints c WHERE c.id = cp.complaint_id;

-- A new involvement copies the keys of its complaint, whoever inserts it.
CREATE FUNCTION complaint_partners_copy_case_keys() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    SELECT c.due_at, c.created_at, c.last_activity_at
    INTO NEW.case_due_at, NEW.case_created_at, NEW.case_last_activity_at
    FROM complaints c WHERE c.id = NEW.complaint_id;
    RETURN NEW;
END $$;
CREATE TRIGGER complaint_partners_case_keys BEFORE INSERT ON complaint_partners
    FOR EACH ROW EXECUTE FUNCTION complaint_partners_copy_case_keys();

-- A complaint whose keys change passes them on to its involvements (none for most complaints: one probe of the key).
-- An AFTER trigger sees the stored generated due_at.
CREATE FUNCTION complaints_pass_case_keys() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    UPDATE complaint_partners SET case_due_at = NEW.due_at, case_last_activity_at = NEW.last_activity_at
    WHERE complaint_id = NEW.id;
    RETURN NULL;
END $$;
CREATE TRIGGER complaints_case_keys AFTER UPDATE ON complaints
    FOR EACH ROW WHEN (OLD.due_at IS DISTINCT FROM NEW.due_at OR OLD.last_activity_at IS DISTINCT FROM NEW.last_activity_at)
    EXECUTE FUNCTION complaints_pass_case_keys();

ALTER TABLE complaint_partners ALTER COLUMN case_due_at SET NOT NULL;
ALTER TABLE complaint_partners ALTER COLUMN case_created_at SET NOT NULL;
ALTER TABLE complaint_partners ALTER COLUMN case_last_activity_at SET NOT NULL;

-- One keyset index per inbox order, over the cases a partner is involved in now (a declined case leaves its inbox).
CREATE INDEX complaint_partners_inbox_due_idx ON complaint_partners (partner_brand_id, case_due_at, complaint_id)
    WHERE status = 'INVOLVED';
CREATE INDEX complaint_partners_inbox_created_idx
    ON complaint_partners (partner_brand_id, case_created_at DESC, complaint_id DESC) WHERE status = 'INVOLVED';
CREATE INDEX complaint_partners_inbox_activity_idx
    ON complaint_partners (partner_brand_id, case_last_activity_at DESC, complaint_id DESC) WHERE status = 'INVOLVED';
