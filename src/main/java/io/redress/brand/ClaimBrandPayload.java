package io.redress.brand;

import java.util.List;

import io.redress.shared.UserError;

/** The result of {@code claimBrand}: the pending claim, or why none was made. */
record ClaimBrandPayload(BrandClaim claim, List<UserError> userErrors) {

	static ClaimBrandPayload failed(UserError error) {
		return new ClaimBrandPayload(null, List.of(error));
	}
}
