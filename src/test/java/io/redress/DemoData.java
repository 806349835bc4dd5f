package io.redress;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Demo data for the local default: three brands (one unclaimed), their owners and agents, a pending claim, and
 * complaints in every state with threads, proposals and ratings (enough of them for acme to earn a real tier; the
 * score keeper scores every brand from the seeded events once the server runs). The demo consumers' accounts are
 * older than their complaints, as real ones would be, so the signals of fake reviews do not hold the README's
 * examples. Written
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
			INSERT INTO profiles (subject, public_name, created_at)
			VALUES ('alice', 'Alice W.', now() - interval '400 days'), ('bob', 'Shopper-B0B0B0', now() - interval '400 days'),
			       ('mod', 'Moderator', now() - interval '400 days')
			ON CONFLICT (subject) DO NOTHING;
			INSERT INTO complaints (brand_id, consumer_id, title, description, category, order_reference, status,
			                        created_at, first_response_at, first_response_due_at, resolved_at)
			SELECT b.id, p.id, d.title, d.description, d.category, d.order_reference, d.status,
			       now() - d.age, now() - d.age + d.responded, now() - d.age + interval '48 hours',
			       CASE WHEN d.status IN ('RESOLVED', 'UNRESOLVED') THEN now() - interval '2 days' END
			FROM (VALUES
			  ('acme', 'bob', 'Charged twice for one order', 'My card ending 4242 shows two charges of 59.90 for order A-2291. Call me on +1 555 010 7788.', 'BILLING', 'A-2291', 'OPEN', interval '3 hours', NULL::interval),
			  ('acme', 'alice', 'Blender arrived cracked', 'The jug of my new blender was cracked when I opened the box.', 'PRODUCT_QUALITY', 'A-1840', 'IN_PROGRESS', interval '2 days', interval '5 hours'),
			  ('globex', 'alice', 'Subscription cancelled but still billed', 'I cancelled in March and was billed again in April.', 'SUBSCRIPTION', 'G-77', 'RESOLUTION_PROPOSED', interval '6 days', interval '20 hours'),
			  ('acme', 'bob', 'Parcel left in the rain', 'The courier left the parcel outside and the box was soaked.', 'DELIVERY', 'A-1502', 'RESOLVED', interval '12 days', interval '2 hours'),
			  ('initech', 'alice', 'Printer support never answered', 'Three e-mails to support@initech.example, no answer.', 'CUSTOMER_SERVICE', NULL, 'UNRESOLVED', interval '40 days', NULL),
			  ('globex', 'bob', 'Wrong colour', 'Ordered blue, got green. Sorted it in the shop myself.', 'OTHER', NULL, 'WITHDRAWN', interval '1 day', NULL))
			  AS d (slug, subject, title, description, category, order_reference, status, age, responded)
			JOIN brands b ON b.slug = d.slug JOIN profiles p ON p.subject = d.subject;
			INSERT INTO messages (complaint_id, brand_id, author_kind, author_subject, visibility, body, created_at)
			SELECT c.id, c.brand_id, m.kind, m.subject, m.visibility, m.body, c.created_at + m.after
			FROM (VALUES
			  ('Blender arrived cracked', 'BRAND', 'acme-agent', 'PUBLIC', 'We are sorry to hear that. We will make it right.', interval '5 hours'),
			  ('Blender arrived cracked', 'BRAND', 'acme-agent', 'PRIVATE', 'Could you send a photo of the jug and your address?', interval '5 hours 1 minute'),
			  ('Blender arrived cracked', 'CONSUMER', 'alice', 'PRIVATE', 'Photo attached; 12 Elm Street, Springfield.', interval '7 hours'),
			  ('Subscription cancelled but still billed', 'BRAND', 'globex-agent', 'PUBLIC', 'We found the cancellation and the April charge.', interval '20 hours'),
			  ('Parcel left in the rain', 'BRAND', 'acme-agent', 'PUBLIC', 'A replacement is on its way, and we have spoken to the courier.', interval '2 hours'),
			  ('Parcel left in the rain', 'CONSUMER', 'bob', 'PUBLIC', 'Arrived today, dry. Thanks!', interval '3 days'))
			  AS m (title, kind, subject, visibility, body, after)
			JOIN complaints c ON c.title = m.title
			ORDER BY c.id, m.after;
			INSERT INTO proposals (complaint_id, brand_id, kind, summary, status, proposed_by, proposed_at, answered_at)
			SELECT c.id, c.brand_id, p.kind, p.summary, p.status, p.proposed_by, c.created_at + interval '1 day',
			       CASE WHEN p.status = 'PROPOSED' THEN NULL ELSE c.created_at + interval '2 days' END
			FROM (VALUES
			  ('Subscription cancelled but still billed', 'REFUND', 'A refund of the April charge within 5 days.', 'PROPOSED', 'globex-agent'),
			  ('Parcel left in the rain', 'REPLACEMENT', 'A replacement parcel by express delivery.', 'ACCEPTED', 'acme-agent'))
			  AS p (title, kind, summary, status, proposed_by)
			JOIN complaints c ON c.title = p.title;
			INSERT INTO ratings (complaint_id, brand_id, stars, would_buy_again, comment)
			SELECT c.id, c.brand_id, r.stars, r.again, r.comment
			FROM (VALUES ('Parcel left in the rain', 5, true, 'Fast and friendly.'),
			             ('Printer support never answered', 1, false, 'Nobody ever replied.'))
			  AS r (title, stars, again, comment)
			JOIN complaints c ON c.title = r.title;
			INSERT INTO complaints (brand_id, consumer_id, title, description, category, status, created_at,
			                        first_response_at, first_response_due_at, resolved_at)
			SELECT b.id, p.id, 'Earlier order ' || g, 'An older case, resolved in the thread.', 'DELIVERY', 'RESOLVED',
			       now() - g * interval '20 days', now() - g * interval '20 days' + g * interval '4 hours',
			       now() - g * interval '20 days' + interval '24 hours', now() - g * interval '20 days' + interval '3 days'
			FROM generate_series(1, 8) AS g JOIN brands b ON b.slug = 'acme'
			JOIN profiles p ON p.subject = CASE WHEN g % 2 = 0 THEN 'alice' ELSE 'bob' END;
			INSERT INTO ratings (complaint_id, brand_id, stars, would_buy_again)
			SELECT id, brand_id, 3 + id % 3, id % 4 <> 0 FROM complaints WHERE title LIKE 'Earlier order %';
			INSERT INTO events (brand_id, complaint_id, consumer_id, type, visibility)
			SELECT brand_id, id, consumer_id, 'COMPLAINT_FILED',
			       CASE WHEN status = 'WITHDRAWN' THEN 'PARTICIPANTS' ELSE 'PUBLIC' END FROM complaints;
			INSERT INTO notification_recipients (subject, token_email, opted_in) VALUES
			  ('acme-owner', 'acme-owner@example.com', '{CONSUMER_REPLY}'), ('alice', 'alice@example.com', '{}'),
			  ('bob', 'bob@example.com', '{}');
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
