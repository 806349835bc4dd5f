package io.redress.brand;

/** Asks to own an unclaimed brand, with evidence for the moderator. */
record ClaimBrandInput(String brandId, String evidence) {
}
