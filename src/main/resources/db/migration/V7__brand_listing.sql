-- The brand module's published read model: every brand's id, slug and name. Other modules read brands only through
-- this view; a row lock taken through it (FOR ... OF) locks the brand's row.
CREATE VIEW brand_listing AS
SELECT id AS brand_id, slug, name FROM brands;
