package io.redress.brand;

import java.util.List;

import io.redress.shared.SelectLists;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Brands are read by position: each statement must put each column where {@link Brands#brand} and {@link
 * BrandListing#brand} read it. Fails when a select list's order drifts from their constants.
 */
class BrandColumnsTests {

	private static final List<String> BRAND = List.of("id", "slug", "name", "website", "description", "status",
			"response_target_hours", "resolution_target_days", "follow_up_days", "created_at", "verified_at");

	@Test
	void brandColumnsStandWhereTheMapperReadsThem() {
		List<String> names = SelectLists.columns(Brands.COLUMNS);
		assertThat(names).hasSize(Brands.COLUMN_COUNT).isEqualTo(BRAND);
		int[] positions = { Brands.ID, Brands.SLUG, Brands.NAME, Brands.WEBSITE, Brands.DESCRIPTION, Brands.STATUS,
				Brands.RESPONSE_TARGET_HOURS, Brands.RESOLUTION_TARGET_DAYS, Brands.FOLLOW_UP_DAYS, Brands.CREATED_AT,
				Brands.VERIFIED_AT };
		for (int i = 0; i < positions.length; i++) {
			assertThat(names.get(positions[i])).as("column %d", i).isEqualTo(BRAND.get(i));
		}
	}

	@Test
	void everyStatementReadingBrandsSelectsOrReturnsTheirColumnsFirst() {
		List<String> statements = SelectLists.statements(Brands.class).stream()
				.filter(statement -> statement.contains(Brands.COLUMNS) && !statement.equals(Brands.COLUMNS)).toList();
		assertThat(statements).hasSizeGreaterThan(5);
		for (String statement : statements) {
			assertThat(SelectLists.selected(statement).subList(0, Brands.COLUMN_COUNT)).as(statement).isEqualTo(BRAND);
		}
		String page = statements.stream().filter(statement -> statement.contains("sort_key")).findFirst().orElseThrow();
		assertThat(SelectLists.selected(page).get(Brands.COLUMN_COUNT)).isEqualTo("sort_key");
		assertThat(SelectLists.selected(membershipStatement()).subList(0, Brands.COLUMN_COUNT)).isEqualTo(BRAND);
	}

	@Test
	void listingColumnsStandWhereTheMapperReadsThem() {
		List<String> names = SelectLists.columns(BrandListing.COLUMNS);
		assertThat(names).hasSize(BrandListing.COLUMN_COUNT);
		assertThat(List.of(names.get(BrandListing.SLUG), names.get(BrandListing.NAME), names.get(BrandListing.WEBSITE),
				names.get(BrandListing.DESCRIPTION), names.get(BrandListing.STATUS),
				names.get(BrandListing.RESPONSE_TARGET_HOURS), names.get(BrandListing.CREATED_AT),
				names.get(BrandListing.VERIFIED_AT), names.get(BrandListing.RESOLUTION_TARGET_DAYS),
				names.get(BrandListing.FOLLOW_UP_DAYS)))
				.containsExactly("brand_slug", "brand_name", "brand_website", "brand_description", "brand_status",
						"brand_response_target_hours", "brand_created_at", "brand_verified_at",
						"brand_resolution_target_days", "brand_follow_up_days");
	}

	private static String membershipStatement() {
		return SelectLists.statements(BrandMembers.class).stream().filter(statement -> statement.contains(Brands.COLUMNS))
				.findFirst().orElseThrow();
	}
}
