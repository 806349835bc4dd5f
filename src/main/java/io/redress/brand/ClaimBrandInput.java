package io.redress.brand;

/** Asks to own an unclaimed brand, with evidence for the moderator. */
public record ClaimBrandInput(String brandId, String evidence) {
}
