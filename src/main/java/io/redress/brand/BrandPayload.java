package io.redress.brand;

import java.util.List;

import io.redress.shared.UserError;

/** The result of a mutation on a brand: the brand as it now is, or why nothing changed. */
public record BrandPayload(Brand brand, List<UserError> userErrors) {

	static BrandPayload ok(Brand brand) {
		return new BrandPayload(brand, List.of());
	}

	static BrandPayload failed(List<UserError> errors) {
		return new BrandPayload(null, errors);
	}

	static BrandPayload failed(UserError error) {
		return failed(List.of(error));
	}
}
