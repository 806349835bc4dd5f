package io.redress.brand;

import io.redress.shared.GlobalId;

import org.springframework.r2dbc.core.DatabaseClient;

/** Unclaimed brands straight in the database, as a complaint against a brand not on the platform makes them. */
record BrandFixtures(DatabaseClient db) {

	/** An unclaimed brand, as a complaint against a brand not on the platform creates one. */
	String unclaimed(String slug) {
		Long id = db.sql("""
				INSERT INTO brands (slug, name, website, domain, status)
				VALUES (:slug, :slug, :website, :domain, 'UNCLAIMED') RETURNING id""")
				.bind("slug", slug).bind("website", "https://" + slug + ".example").bind("domain", slug + ".example")
				.map(row -> row.get("id", Long.class)).one().block();
		return GlobalId.encode(Brand.TYPE, id);
	}

	long count(String sql, String slug) {
		return db.sql(sql).bind("slug", slug).map(row -> row.get(0, Long.class)).one().block();
	}
}
