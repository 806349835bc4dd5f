-- A page of brands reads each brand's latest claims in one statement; this index serves it per brand.
CREATE INDEX brand_claims_brand_idx ON brand_claims (brand_id, created_at DESC, id DESC);
