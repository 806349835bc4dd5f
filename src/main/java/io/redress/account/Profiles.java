package io.redress.account;

import java.time.OffsetDateTime;

import io.redress.security.Viewer;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/** The profiles table. */
@Repository
class Profiles {

	private final DatabaseClient db;

	Profiles(DatabaseClient db) {
		this.db = db;
	}

	/**
	 * The viewer's profile, created on first sight. One statement that is safe under concurrent first calls: the
	 * no-op update makes the existing row come back through RETURNING.
	 */
	Mono<Profile> ensure(Viewer viewer, String generatedName) {
		return db.sql("""
				INSERT INTO profiles (subject, public_name) VALUES (:subject, :publicName)
				ON CONFLICT (subject) DO UPDATE SET subject = EXCLUDED.subject
				RETURNING id, subject, public_name, created_at""")
				.bind("subject", viewer.subject()).bind("publicName", generatedName)
				.map(row -> new Profile(row.get("id", Long.class), row.get("subject", String.class),
						row.get("public_name", String.class), viewer.roles(), row.get("created_at", OffsetDateTime.class)))
				.one();
	}
}
