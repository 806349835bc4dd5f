package io.redress.brand;

/** Adds a member by token subject, or changes the role of one already there. */
record AddBrandMemberInput(String brandId, String subject, BrandRole role) {
}
