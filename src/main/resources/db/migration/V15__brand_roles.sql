-- The brand module's published view of who holds which role in which brand's team. Other modules join it to decide,
-- in the very statement that reads a page, whether the caller sees each row as a member of its brand.
CREATE VIEW brand_roles AS
SELECT brand_id, subject, role FROM brand_members;
