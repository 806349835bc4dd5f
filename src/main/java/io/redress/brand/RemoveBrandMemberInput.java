package io.redress.brand;

/** Removes a member by token subject; any member may remove themselves. */
record RemoveBrandMemberInput(String brandId, String subject) {
}
