package io.redress.account;

import java.time.OffsetDateTime;

import io.redress.security.Viewer;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/** The profiles table. An erased profile keeps its id (complaints point at it) but has no subject. */
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

	/** The subject's profile, locked until the transaction ends; empty when the subject never used Redress. */
	Mono<Profile> lock(Viewer viewer) {
		return db.sql("SELECT id, subject, public_name, created_at FROM profiles WHERE subject = :subject FOR UPDATE")
				.bind("subject", viewer.subject())
				.map(row -> new Profile(row.get("id", Long.class), row.get("subject", String.class),
						row.get("public_name", String.class), viewer.roles(), row.get("created_at", OffsetDateTime.class)))
				.one();
	}

	/** Unlinks the profile from its subject and replaces the public name; nothing else of the person is kept here. */
	Mono<Void> erase(long id, String publicName) {
		return db.sql("""
				UPDATE profiles SET subject = NULL, public_name = :publicName, erased_at = now()
				WHERE id = :id AND erased_at IS NULL""")
				.bind("id", id).bind("publicName", publicName)
				.then();
	}
}
