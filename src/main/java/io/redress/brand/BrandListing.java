package io.redress.brand;

import java.time.OffsetDateTime;

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

	private BrandListing() {
	}

	/** The brand {@code brandId} of a row that selected {@link #COLUMNS}. */
	public static Brand brand(long brandId, Readable row) {
		return new Brand(brandId, row.get("brand_slug", String.class), row.get("brand_name", String.class),
				row.get("brand_website", String.class), row.get("brand_description", String.class),
				BrandStatus.valueOf(row.get("brand_status", String.class)),
				row.get("brand_response_target_hours", Integer.class),
				row.get("brand_resolution_target_days", Integer.class), row.get("brand_follow_up_days", Integer.class),
				row.get("brand_created_at", OffsetDateTime.class), row.get("brand_verified_at", OffsetDateTime.class));
	}
}
