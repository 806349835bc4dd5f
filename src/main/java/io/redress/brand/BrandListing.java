package io.redress.brand;

import java.time.OffsetDateTime;
import java.util.List;

import io.r2dbc.spi.Readable;

import org.springframework.modulith.NamedInterface;

/**
 * The {@code brand_listing} view as another module's statement reads it, joined as {@code bl}: the columns to select
 * and the {@link Brand} of a row, so a page reads its rows' brands in its own statement.
 */
@NamedInterface("read")
public final class BrandListing {

	/** Select these with a {@code JOIN brand_listing bl}; each is named {@code brand_…}, apart from the page's own. */
	public static final String COLUMNS = """
			bl.slug AS brand_slug, bl.name AS brand_name, bl.website AS brand_website,
			bl.description AS brand_description, bl.status AS brand_status,
			bl.response_target_hours AS brand_response_target_hours, bl.created_at AS brand_created_at,
			bl.verified_at AS brand_verified_at, bl.resolution_target_days AS brand_resolution_target_days,
			bl.follow_up_days AS brand_follow_up_days""";

	/** The details in {@link #COLUMNS}: long texts and dates a list that names its rows' brands does not show. */
	private static final List<String> DETAILS = List.of("website", "description", "created_at", "verified_at");

	/**
	 * {@link #COLUMNS}, or, without {@code details}, the same with null in place of the brand's website, description,
	 * creation and verification times (the driver neither slices nor decodes a null column): for a statement whose
	 * query reads none of them, as a page of complaints showing each one's brand by name. The {@link Brand} of such a
	 * row holds null there.
	 */
	public static String columns(boolean details) {
		if (details) {
			return COLUMNS;
		}
		String columns = COLUMNS;
		for (String detail : DETAILS) {
			String type = detail.endsWith("_at") ? "timestamptz" : "text";
			columns = columns.replace("bl." + detail + " AS", "NULL::" + type + " AS");
		}
		return columns;
	}

	/** How many columns {@link #COLUMNS} holds. */
	public static final int COLUMN_COUNT = 10;

	/*
	 * Where brand(…) reads each of COLUMNS, from the first of them: a row is read by position instead of searching
	 * its columns by name for each value (BrandColumnsTests checks the order).
	 */
	static final int SLUG = 0;
	static final int NAME = 1;
	static final int WEBSITE = 2;
	static final int DESCRIPTION = 3;
	static final int STATUS = 4;
	static final int RESPONSE_TARGET_HOURS = 5;
	static final int CREATED_AT = 6;
	static final int VERIFIED_AT = 7;
	static final int RESOLUTION_TARGET_DAYS = 8;
	static final int FOLLOW_UP_DAYS = 9;

	private BrandListing() {
	}

	/** The brand {@code brandId} of a row that selected {@link #COLUMNS} together, the first of them at {@code first}. */
	public static Brand brand(long brandId, Readable row, int first) {
		return new Brand(brandId, row.get(first + SLUG, String.class), row.get(first + NAME, String.class),
				row.get(first + WEBSITE, String.class), row.get(first + DESCRIPTION, String.class),
				BrandStatus.valueOf(row.get(first + STATUS, String.class)),
				row.get(first + RESPONSE_TARGET_HOURS, Integer.class),
				row.get(first + RESOLUTION_TARGET_DAYS, Integer.class), row.get(first + FOLLOW_UP_DAYS, Integer.class),
				row.get(first + CREATED_AT, OffsetDateTime.class), row.get(first + VERIFIED_AT, OffsetDateTime.class));
	}
}
