package io.redress.brand;

import java.util.List;

import io.redress.shared.UserError;

/** The result of {@code addBrandMember}: the member with its role, or why nothing changed. */
record BrandMemberPayload(Brand brand, BrandMember member, List<UserError> userErrors) {

	static BrandMemberPayload failed(List<UserError> errors) {
		return new BrandMemberPayload(null, null, errors);
	}
}
