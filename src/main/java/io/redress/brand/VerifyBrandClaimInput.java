package io.redress.brand;

/** Verifies a registered brand, or approves a pending claim (the only one, or the one named). */
record VerifyBrandClaimInput(String brandId, String claimId) {
}
