package io.redress.brand;

import io.redress.shared.InputCheck;
import io.redress.shared.UserError;

/** A brand about to be registered: the input checked and normalised, or the reasons it cannot be. */
record NewBrand(String name, WebAddress address, String slug, InputCheck errors) {

	static NewBrand check(RegisterBrandInput input) {
		InputCheck check = new InputCheck().requiredText("name", input.name(), BrandManagement.MAX_NAME);
		String name = input.name() == null ? "" : input.name().strip();
		if (name.codePoints().anyMatch(Character::isISOControl)) {
			check.add(UserError.of("name", "INVALID", "name must not contain control characters"));
		}
		WebAddress address = WebAddress.parse(input.website()).orElse(null);
		if (input.website() == null || input.website().isBlank()) {
			check.add(UserError.of("website", "BLANK", "website must not be empty"));
		}
		else if (address == null) {
			check.add(UserError.of("website", "INVALID", "website must be a web address such as https://acme.com"));
		}
		String slug = input.slug() != null ? input.slug() : Slugs.from(name);
		if (slug.isEmpty() && address != null) {
			slug = Slugs.from(address.domain());
		}
		// A slug made from a blank name is no news to the client: the name's own error says it.
		if ((input.slug() != null || !slug.isEmpty()) && !Slugs.isValid(slug)) {
			check.add(UserError.of("slug", "INVALID",
					"slug must be lower-case letters and digits joined by single hyphens, at most "
							+ Slugs.MAX_LENGTH + " characters"));
		}
		return new NewBrand(name, address, slug, check);
	}
}
