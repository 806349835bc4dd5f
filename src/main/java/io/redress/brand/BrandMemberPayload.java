package io.redress.brand;

import java.util.List;

import io.redress.shared.UserError;

/**
 * The result of {@code addBrandMember} and {@code acceptBrandInvitation}: the member with their role, or the
 * invitation a newcomer must accept first, or why nothing changed.
 */
record BrandMemberPayload(Brand brand, BrandMember member, BrandInvitation invitation, List<UserError> userErrors) {

	static BrandMemberPayload member(Brand brand, BrandMember member) {
		return new BrandMemberPayload(brand, member, null, List.of());
	}

	static BrandMemberPayload invited(Brand brand, BrandInvitation invitation) {
		return new BrandMemberPayload(brand, null, invitation, List.of());
	}

	static BrandMemberPayload failed(List<UserError> errors) {
		return new BrandMemberPayload(null, null, null, errors);
	}

	static BrandMemberPayload failed(UserError error) {
		return failed(List.of(error));
	}
}
