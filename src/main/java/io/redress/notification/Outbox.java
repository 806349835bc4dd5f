package io.redress.notification;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * The notification_outbox table. Mails are queued in the transaction that reads their event; a node claims a batch
 * (SKIP LOCKED, for {@code claim-timeout}), sends it and marks each mail sent, or puts it back for later.
 */
@Repository
class Outbox {

	/** Whether a claimed mail is still wanted, decided as it is claimed; {@code o} is the outbox row. */
	private static final String WANTED = """
			CASE o.kind
			  WHEN 'BRAND_INVITATION' THEN b.status = 'UNCLAIMED'
			    AND NOT EXISTS (SELECT 1 FROM notification_opt_outs x WHERE x.email = o.email)
			  WHEN 'PROPOSAL_REMINDER' THEN EXISTS (SELECT 1 FROM complaint_outcomes c
			      WHERE c.complaint_id = o.complaint_id AND c.status = 'RESOLUTION_PROPOSED')
			    AND NOT EXISTS (SELECT 1 FROM notification_outbox n
			      WHERE n.kind = o.kind AND n.complaint_id = o.complaint_id AND n.id > o.id)
			    AND EXISTS (SELECT 1 FROM notification_recipients r
			      WHERE r.subject = o.subject AND NOT o.kind = ANY (r.opted_out))
			  ELSE EXISTS (SELECT 1 FROM notification_recipients r WHERE r.subject = o.subject
			    AND CASE WHEN o.kind = ANY (:brandKinds) THEN o.kind = ANY (r.opted_in) ELSE NOT o.kind = ANY (r.opted_out) END)
			END AS wanted""";

	/** Claims the rows the {@code :claimed} subquery picks, for {@code :claim} seconds, with what the mails need. */
	private static final String CLAIM = """
			UPDATE notification_outbox o
			SET claimed_until = now() + make_interval(secs => :claim), attempts = o.attempts + 1
			FROM brand_listing b
			WHERE b.brand_id = o.brand_id AND o.id IN (%s)
			""";

	private static final String RETURNING = """
			RETURNING o.id, o.kind, o.subject, o.email, o.brand_id, b.name AS brand_name, b.slug AS brand_slug,
			          o.complaint_id, o.attempts,""" + WANTED;

	private static final String[] BRAND_KINDS = Arrays.stream(NotificationKind.values())
			.filter(kind -> kind.audience() == NotificationKind.Audience.BRAND).map(Enum::name).toArray(String[]::new);

	private final DatabaseClient db;

	Outbox(DatabaseClient db) {
		this.db = db;
	}

	/** Queues a brand kind for the brand's members who opted in to it, leaving out the complaint's own consumer. */
	Mono<Void> queueForMembers(NotificationKind kind, long brandId, long complaintId, long consumerId, long position) {
		return db.sql("""
				INSERT INTO notification_outbox (kind, subject, email, brand_id, complaint_id, event_position, digest)
				SELECT :kind, r.subject, coalesce(r.chosen_email, r.token_email), :brandId, :complaintId, :position,
				       r.digest
				FROM brand_roles m JOIN notification_recipients r ON r.subject = m.subject
				WHERE m.brand_id = :brandId AND :kind = ANY (r.opted_in)
				  AND coalesce(r.chosen_email, r.token_email) IS NOT NULL
				  AND r.subject IS DISTINCT FROM (SELECT p.subject FROM account_profiles p WHERE p.profile_id = :consumerId)
				ON CONFLICT DO NOTHING""")
				.bind("kind", kind.name()).bind("brandId", brandId).bind("complaintId", complaintId)
				.bind("consumerId", consumerId).bind("position", position).then();
	}

	/**
	 * Queues an assignee kind for the member a case is assigned to, {@code assigneeProfileId} (the addressee of the
	 * brand's event copied to them), unless they opted out of it or opted in to {@code alreadyTold}, the team's kind
	 * of the same news, which reaches them anyway.
	 */
	Mono<Void> queueForAssignee(NotificationKind kind, NotificationKind alreadyTold, long brandId, long complaintId,
			long assigneeProfileId, long position) {
		return db.sql("""
				INSERT INTO notification_outbox (kind, subject, email, brand_id, complaint_id, event_position, digest)
				SELECT :kind, r.subject, coalesce(r.chosen_email, r.token_email), :brandId, :complaintId, :position,
				       r.digest
				FROM account_profiles p JOIN notification_recipients r ON r.subject = p.subject
				JOIN brand_roles m ON m.brand_id = :brandId AND m.subject = p.subject
				WHERE p.profile_id = :assigneeId AND NOT :kind = ANY (r.opted_out) AND NOT :alreadyTold = ANY (r.opted_in)
				  AND coalesce(r.chosen_email, r.token_email) IS NOT NULL
				ON CONFLICT DO NOTHING""")
				.bind("kind", kind.name()).bind("alreadyTold", alreadyTold.name()).bind("brandId", brandId)
				.bind("complaintId", complaintId).bind("assigneeId", assigneeProfileId).bind("position", position)
				.then();
	}

	/**
	 * Queues a consumer kind for the complaint's consumer unless they opted out; at {@code sendAfter}, and gathered in
	 * their digest if they asked for one and {@code digestible}.
	 */
	Mono<Void> queueForConsumer(NotificationKind kind, long brandId, long complaintId, long consumerId, long position,
			OffsetDateTime sendAfter, boolean digestible) {
		return db.sql("""
				INSERT INTO notification_outbox (kind, subject, email, brand_id, complaint_id, event_position, digest,
				                                 send_after)
				SELECT :kind, r.subject, coalesce(r.chosen_email, r.token_email), :brandId, :complaintId, :position,
				       r.digest AND :digestible, :sendAfter
				FROM account_profiles p JOIN notification_recipients r ON r.subject = p.subject
				WHERE p.profile_id = :consumerId AND NOT :kind = ANY (r.opted_out)
				  AND coalesce(r.chosen_email, r.token_email) IS NOT NULL
				ON CONFLICT DO NOTHING""")
				.bind("kind", kind.name()).bind("brandId", brandId).bind("complaintId", complaintId)
				.bind("consumerId", consumerId).bind("position", position).bind("sendAfter", sendAfter)
				.bind("digestible", digestible).then();
	}

	/**
	 * Queues an invitation to claim an unclaimed brand at the address a consumer gave, unless the address opted out
	 * or the brand was invited within {@code interval}.
	 */
	Mono<Void> queueInvitation(long brandId, long complaintId, long position, Duration interval) {
		return db.sql("""
				WITH brand AS (
				  SELECT b.brand_id, b.contact_email FROM brand_listing b
				  WHERE b.brand_id = :brandId AND b.status = 'UNCLAIMED' AND b.contact_email IS NOT NULL
				    AND NOT EXISTS (SELECT 1 FROM notification_opt_outs x WHERE x.email = b.contact_email)
				    AND NOT EXISTS (SELECT 1 FROM notification_invitations i
				                    WHERE i.brand_id = b.brand_id AND i.sent_at > now() - make_interval(secs => :seconds))
				), invited AS (
				  INSERT INTO notification_invitations (brand_id, sent_at) SELECT brand_id, now() FROM brand
				  ON CONFLICT (brand_id) DO UPDATE SET sent_at = EXCLUDED.sent_at
				  RETURNING brand_id
				)
				INSERT INTO notification_outbox (kind, email, brand_id, complaint_id, event_position)
				SELECT 'BRAND_INVITATION', brand.contact_email, brand.brand_id, :complaintId, :position
				FROM brand JOIN invited USING (brand_id)
				ON CONFLICT DO NOTHING""")
				.bind("brandId", brandId).bind("complaintId", complaintId).bind("position", position)
				.bind("seconds", (double) interval.toSeconds()).then();
	}

	/** Claims mails that are due, one at a time each, for {@code claim}; digest mails wait for their digest. */
	Flux<QueuedMail> claimDue(int batch, Duration claim) {
		return db.sql(CLAIM.formatted("""
				SELECT id FROM notification_outbox
				WHERE sent_at IS NULL AND dropped_at IS NULL AND NOT digest AND send_after <= now()
				  AND (claimed_until IS NULL OR claimed_until < now())
				ORDER BY send_after, id LIMIT :batch FOR UPDATE SKIP LOCKED""") + RETURNING)
				.bind("claim", (double) claim.toSeconds()).bind("batch", batch).bind("brandKinds", BRAND_KINDS)
				.map(Outbox::queued).all();
	}

	/**
	 * People whose digest is due (their oldest waiting mail waited {@code interval}, and their last digest is as old),
	 * each marked as having had it now, so no other node sends it too.
	 */
	Flux<String> claimDigests(int batch, Duration interval) {
		return db.sql("""
				WITH due AS (
				  SELECT r.subject FROM notification_recipients r
				  WHERE (r.last_digest_at IS NULL OR r.last_digest_at <= now() - make_interval(secs => :seconds))
				    AND EXISTS (SELECT 1 FROM notification_outbox o
				                WHERE o.subject = r.subject AND o.digest AND o.sent_at IS NULL AND o.dropped_at IS NULL
				                  AND o.created_at <= now() - make_interval(secs => :seconds))
				  ORDER BY r.subject LIMIT :batch FOR UPDATE OF r SKIP LOCKED)
				UPDATE notification_recipients r SET last_digest_at = now() FROM due
				WHERE r.subject = due.subject RETURNING r.subject""")
				.bind("seconds", (double) interval.toSeconds()).bind("batch", batch)
				.map(row -> row.get("subject", String.class)).all();
	}

	/** The mails a person's digest gathers, claimed (at most {@code limit}, oldest first). */
	Flux<QueuedMail> claimDigest(String subject, int limit, Duration claim) {
		return db.sql(CLAIM.formatted("""
				SELECT id FROM notification_outbox
				WHERE subject = :subject AND digest AND sent_at IS NULL AND dropped_at IS NULL
				ORDER BY id LIMIT :limit FOR UPDATE SKIP LOCKED""") + RETURNING)
				.bind("subject", subject).bind("claim", (double) claim.toSeconds()).bind("limit", limit)
				.bind("brandKinds", BRAND_KINDS).map(Outbox::queued).all();
	}

	Mono<Void> sent(List<Long> ids) {
		return db.sql("UPDATE notification_outbox SET sent_at = now(), claimed_until = NULL WHERE id = ANY (:ids)")
				.bind("ids", ids.toArray(Long[]::new)).then();
	}

	/** Mails no longer wanted: kept, marked, never sent. */
	Mono<Void> dropped(List<Long> ids) {
		return db.sql("UPDATE notification_outbox SET dropped_at = now(), claimed_until = NULL WHERE id = ANY (:ids)")
				.bind("ids", ids.toArray(Long[]::new)).then();
	}

	/** Puts mails back after a failure, to try again after a wait that grows with each try; gives up at the last. */
	Mono<Void> failed(List<Long> ids, String error, int maxAttempts) {
		return db.sql("""
				UPDATE notification_outbox
				SET claimed_until = NULL, last_error = left(:error, 500),
				    send_after = now() + make_interval(secs => 30 * power(2, least(attempts, 12))),
				    dropped_at = CASE WHEN attempts >= :maxAttempts THEN now() END
				WHERE id = ANY (:ids)""")
				.bind("ids", ids.toArray(Long[]::new)).bind("error", String.valueOf(error))
				.bind("maxAttempts", maxAttempts).then();
	}

	private static QueuedMail queued(Readable row) {
		return new QueuedMail(row.get("id", Long.class), NotificationKind.valueOf(row.get("kind", String.class)),
				row.get("subject", String.class), row.get("email", String.class), row.get("brand_id", Long.class),
				row.get("brand_name", String.class), row.get("brand_slug", String.class),
				row.get("complaint_id", Long.class), row.get("attempts", Integer.class),
				Boolean.TRUE.equals(row.get("wanted", Boolean.class)));
	}
}
