-- Insights' recurring themes (issue 14), extracted when a complaint's text is written rather than parsed again by
-- every read: the terms and two-word phrases of each complaint's title and description, and how many complaints of
-- a brand hold each per UTC day and per UTC month. A year's themes then add up a few hundred thousand counters
-- instead of parsing 100,000 texts. Triggers keep both in step with the text in the writing transaction, whatever
-- writes it (filing, a moderator's redaction, an erasure's masking), so no erased or redacted word outlives its text.

-- The terms of one text, in PostgreSQL's English configuration (the parser, then the Snowball stemmer, which also
-- knows the stop words): every word of at least three letters as a stem ('deliveri'), and every pair of such words
-- that follow each other in a sentence, stop words between them skipped, in alphabetical order ('deliveri late' for
-- both "late delivery" and "delivery was late": one theme).
-- Punctuation, numbers, codes, e-mail addresses, addresses of pages and words with other letters end a phrase. Each term comes with the words
-- as written (lower case), from its first use, so a reader sees "delivery was late", not stems.
CREATE FUNCTION complaint_phrases_of(title text, description text)
RETURNS TABLE (term text, surface text)
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    WITH tokens AS (
        -- The title ends a sentence: no phrase spans it and the description. Only words of ASCII letters (the
        -- parser's asciiword, and hword_asciipart for the parts of a hyphenated word) can be terms; their stems have
        -- letters only, and the stemmer knows the stop words (it returns no stem for them).
        SELECT p.ord, p.tokid, p.token,
               CASE WHEN p.tokid IN (1, 11) THEN ts_lexize('english_stem', p.token) END AS lexemes
        FROM ts_parse('default', title || ' .
' || description) WITH ORDINALITY AS p(tokid, token, ord)),
    kinds AS (
        SELECT t.ord, t.token, t.lexemes[1] AS lexeme,
               CASE WHEN t.lexemes = '{}' THEN 'stop'
                    WHEN length(t.lexemes[1]) >= 3 THEN 'word'
                    -- A hyphenated word is followed by its parts, which are words of their own.
                    WHEN t.tokid IN (15, 16, 17) THEN 'compound'
                    -- Spaces, apostrophes and hyphens join words; other punctuation ends a sentence.
                    WHEN t.tokid = 12 AND btrim(t.token, E' \t\r\n''-') = '' THEN 'space'
                    ELSE 'break' END AS kind
        FROM tokens t),
    -- Each token numbered by the sentence it is in and the word it follows, and each word followed by the next, in
    -- one pass.
    placed AS (
        SELECT k.*, count(*) FILTER (WHERE k.kind = 'break') OVER running AS sentence,
               count(*) FILTER (WHERE k.kind = 'word') OVER running AS word
        FROM kinds k
        WINDOW running AS (ORDER BY k.ord)),
    -- What is written between a word and the next: spaces (as one), apostrophes, hyphens and stop words.
    gaps AS (
        SELECT p.word, string_agg(CASE WHEN btrim(p.token) = '' THEN ' ' ELSE p.token END, '' ORDER BY p.ord)
                       AS written
        FROM placed p WHERE p.kind IN ('stop', 'space') GROUP BY p.word),
    words AS (
        SELECT p.ord, p.word, p.sentence, p.lexeme, p.token AS written,
               lead(p.sentence) OVER following AS next_sentence, lead(p.lexeme) OVER following AS next_lexeme,
               lead(p.token) OVER following AS next_written
        FROM placed p WHERE p.kind = 'word'
        WINDOW following AS (ORDER BY p.ord)),
    uses AS (
        SELECT w.lexeme AS term, w.written AS surface, w.ord FROM words w
        UNION ALL
        SELECT least(w.lexeme, w.next_lexeme) || ' ' || greatest(w.lexeme, w.next_lexeme),
               w.written || coalesce(g.written, '') || w.next_written, w.ord
        FROM words w LEFT JOIN gaps g ON g.word = w.word
        WHERE w.next_sentence = w.sentence AND w.next_lexeme <> w.lexeme)
    SELECT DISTINCT ON (u.term) u.term, lower(u.surface)
    FROM uses u ORDER BY u.term, u.ord
$$;

-- Each complaint's terms, with the brand and filing time they count for (copied, so a brand's themes read this
-- table by one index without the complaints).
CREATE TABLE complaint_phrases (
    complaint_id bigint      NOT NULL REFERENCES complaints (id),
    brand_id     bigint      NOT NULL,
    created_at   timestamptz NOT NULL,
    term         text        NOT NULL,
    surface      text        NOT NULL,
    PRIMARY KEY (complaint_id, term)
);
-- A theme's newest complaints, and its surface as last written.
CREATE INDEX complaint_phrases_brand_term_idx ON complaint_phrases (brand_id, term, created_at DESC, complaint_id DESC);

-- How many of a brand's complaints filed in one UTC day or month hold a term. A period is read as months plus or
-- minus whole days at its ends, and complaint by complaint (complaint_phrases) for the parts of days at its very ends.
CREATE TABLE complaint_phrase_counts (
    brand_id   bigint  NOT NULL REFERENCES brands (id),
    unit       text    NOT NULL CHECK (unit IN ('day', 'month')),
    starts     date    NOT NULL,
    term       text    NOT NULL,
    complaints integer NOT NULL,
    -- The count rides in the key's index, so a period's months are read from the index alone once vacuumed (each
    -- increment writes an index entry in exchange).
    PRIMARY KEY (brand_id, unit, starts, term) INCLUDE (complaints)
);

-- Replaces the terms of the complaints removing (as they were counted) by those of the complaints
-- adding (as they are now), and moves the counters by the difference in one statement that takes them in key
-- order: two transactions writing complaints with common terms wait for each other rather than deadlock. A counter
-- that reaches nought stays (only a changed text leaves one, and it adds nothing to a sum).
CREATE FUNCTION complaint_phrases_replace(removing bigint[], adding bigint[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
    gone_brands bigint[];
    gone_times timestamptz[];
    gone_terms text[];
BEGIN
    WITH removed AS (
        DELETE FROM complaint_phrases p WHERE p.complaint_id = ANY (removing)
        RETURNING p.brand_id, p.created_at, p.term)
    SELECT array_agg(r.brand_id), array_agg(r.created_at), array_agg(r.term)
    INTO gone_brands, gone_times, gone_terms FROM removed r;

    WITH added AS (
        INSERT INTO complaint_phrases (complaint_id, brand_id, created_at, term, surface)
        SELECT c.id, c.brand_id, c.created_at, p.term, p.surface
        FROM complaints c CROSS JOIN LATERAL complaint_phrases_of(c.title, c.description) p
        WHERE c.id = ANY (adding)
        RETURNING brand_id, created_at, term),
    changes AS (
        SELECT a.brand_id, a.created_at, a.term, 1 AS delta FROM added a
        UNION ALL
        SELECT g.brand_id, g.created_at, g.term, -1
        FROM unnest(gone_brands, gone_times, gone_terms) AS g(brand_id, created_at, term))
    INSERT INTO complaint_phrase_counts AS t (brand_id, unit, starts, term, complaints)
    SELECT c.brand_id, u.unit, date_trunc(u.unit, c.created_at AT TIME ZONE 'UTC')::date, c.term, sum(c.delta)
    FROM changes c CROSS JOIN (VALUES ('day'), ('month')) AS u(unit)
    GROUP BY 1, 2, 3, 4 HAVING sum(c.delta) <> 0 ORDER BY 1, 2, 3, 4
    ON CONFLICT (brand_id, unit, starts, term) DO UPDATE SET complaints = t.complaints + excluded.complaints;
END
$$;

-- Once per statement, over the rows it changed: a statement filing or masking many complaints extracts their terms
-- in one pass. An update counts only where the text, the brand or the filing time changed.
CREATE FUNCTION complaint_phrases_follow() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    changed bigint[];
BEGIN
    IF TG_OP = 'INSERT' THEN
        PERFORM complaint_phrases_replace('{}', ARRAY(SELECT id FROM new_complaints));
    ELSE
        changed := ARRAY(SELECT n.id FROM new_complaints n JOIN old_complaints o USING (id)
                         WHERE (n.title, n.description, n.brand_id, n.created_at)
                               IS DISTINCT FROM (o.title, o.description, o.brand_id, o.created_at));
        IF cardinality(changed) > 0 THEN
            PERFORM complaint_phrases_replace(changed, changed);
        END IF;
    END IF;
    RETURN NULL;
END
$$;

CREATE TRIGGER complaint_phrases_on_insert AFTER INSERT ON complaints
    REFERENCING NEW TABLE AS new_complaints FOR EACH STATEMENT EXECUTE FUNCTION complaint_phrases_follow();
CREATE TRIGGER complaint_phrases_on_update AFTER UPDATE ON complaints
    REFERENCING OLD TABLE AS old_complaints NEW TABLE AS new_complaints
    FOR EACH STATEMENT EXECUTE FUNCTION complaint_phrases_follow();
-- Complaints are never deleted (an erasure masks their text), and their terms' rows hold on to them.

-- The complaints filed before.
SELECT complaint_phrases_replace('{}', ARRAY(SELECT id FROM complaints));

-- The complaint module's published views of them, for insights.
CREATE VIEW complaint_phrase_uses AS
SELECT complaint_id, brand_id, created_at, term, surface FROM complaint_phrases;

CREATE VIEW complaint_phrase_tallies AS
SELECT brand_id, unit, starts, term, complaints FROM complaint_phrase_counts;
