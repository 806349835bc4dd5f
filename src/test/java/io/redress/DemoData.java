package io.redress;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Demo data for the local default: three brands (one unclaimed), their owners and agents, a pending claim. Written
 * only when the database has no brands yet, so a restart keeps whatever the developer changed.
 */
class DemoData {

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private static final String SEED = """
			INSERT INTO brands (slug, name, website, domain, description, status, response_target_hours, verified_at)
			VALUES ('acme', 'Acme', 'https://acme.example', 'acme.example', 'Everything for the road runner.',
			        'VERIFIED', 24, now()),
			       ('globex', 'Globex', 'https://globex.example', 'globex.example', NULL, 'UNVERIFIED', 48, NULL),
			       ('initech', 'Initech', 'https://initech.example', 'initech.example', NULL, 'UNCLAIMED', 48, NULL);
			INSERT INTO brand_members (brand_id, subject, role, added_by)
			SELECT b.id, m.subject, m.role, 'demo' FROM brands b
			JOIN (VALUES ('acme', 'acme-owner', 'OWNER'), ('acme', 'acme-agent', 'AGENT'),
			             ('acme', 'acme-helpdesk', 'INTEGRATION'),
			             ('globex', 'globex-owner', 'OWNER'), ('globex', 'globex-agent', 'AGENT'))
			     AS m (slug, subject, role) ON m.slug = b.slug;
			INSERT INTO brand_claims (brand_id, claimant, evidence, status)
			SELECT id, 'bob', 'I run Initech''s support desk; see the staff page at initech.example/team', 'PENDING'
			FROM brands WHERE slug = 'initech';
			INSERT INTO profiles (subject, public_name)
			VALUES ('alice', 'Alice W.'), ('bob', 'Shopper-B0B0B0'), ('mod', 'Moderator')
			ON CONFLICT (subject) DO NOTHING;
			""";

	private final DatabaseClient db;

	DemoData(DatabaseClient db) {
		this.db = db;
	}

	@EventListener(ApplicationReadyEvent.class)
	void seed() {
		db.sql("SELECT count(*) AS brands FROM brands").map(row -> row.get("brands", Long.class)).one()
				.filter(count -> count == 0)
				.flatMap(empty -> db.sql(SEED).then().thenReturn(true))
				.defaultIfEmpty(false)
				.doOnNext(seeded -> log.info(seeded ? "Demo data written" : "Demo data already present"))
				.onErrorResume(ex -> {
					log.error("Could not write demo data", ex);
					return Mono.empty();
				})
				.subscribe();
	}
}
