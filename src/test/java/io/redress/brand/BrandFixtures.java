package io.redress.brand;

import java.util.Map;

import io.redress.shared.GlobalId;

import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;

/** Brands made for one test: registered through the API, or unclaimed straight in the database. */
record BrandFixtures(DatabaseClient db) {

	/** Registers a brand as {@code owner} and returns its global id. */
	String registered(GraphQlTester owner, String slug) {
		return owner.documentName("registerBrand")
				.variable("input", Map.of("name", slug, "website", slug + ".example", "slug", slug))
				.execute()
				.path("registerBrand.userErrors").entityList(Object.class).hasSize(0)
				.path("registerBrand.brand.id").entity(String.class).get();
	}

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
