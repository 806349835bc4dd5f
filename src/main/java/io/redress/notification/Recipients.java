package io.redress.notification;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/** The notification_recipients table: each person's address and settings, by token subject. */
@Repository
class Recipients {

	private static final String COLUMNS = "subject, token_email, chosen_email, digest, opted_in, opted_out";

	private final DatabaseClient db;

	Recipients(DatabaseClient db) {
		this.db = db;
	}

	/** Stores the address of the caller's token; writes only when it changed. */
	Mono<Void> seen(String subject, String tokenEmail) {
		return db.sql("""
				INSERT INTO notification_recipients (subject, token_email) VALUES (:subject, :email)
				ON CONFLICT (subject) DO UPDATE SET token_email = EXCLUDED.token_email, updated_at = now()
				WHERE notification_recipients.token_email IS DISTINCT FROM EXCLUDED.token_email""")
				.bind("subject", subject).bind("email", tokenEmail).then();
	}

	Mono<Recipient> find(String subject) {
		return db.sql("SELECT " + COLUMNS + " FROM notification_recipients WHERE subject = :subject")
				.bind("subject", subject).map(Recipients::recipient).one()
				.defaultIfEmpty(Recipient.unknown(subject));
	}

	/** The person's row, created with the defaults if need be, locked until the caller's transaction ends. */
	Mono<Recipient> lock(String subject) {
		return db.sql("INSERT INTO notification_recipients (subject) VALUES (:subject) ON CONFLICT DO NOTHING")
				.bind("subject", subject).then()
				.then(db.sql("SELECT " + COLUMNS + " FROM notification_recipients WHERE subject = :subject FOR UPDATE")
						.bind("subject", subject).map(Recipients::recipient).one());
	}

	Mono<Void> save(Recipient recipient) {
		var spec = db.sql("""
				UPDATE notification_recipients
				SET chosen_email = :chosen, digest = :digest, opted_in = :optedIn, opted_out = :optedOut,
				    updated_at = now()
				WHERE subject = :subject""")
				.bind("subject", recipient.subject()).bind("digest", recipient.digest())
				.bind("optedIn", recipient.optedIn().toArray(String[]::new))
				.bind("optedOut", recipient.optedOut().toArray(String[]::new));
		spec = recipient.chosenEmail() == null ? spec.bindNull("chosen", String.class)
				: spec.bind("chosen", recipient.chosenEmail());
		return spec.then();
	}

	/** No invitation to claim a brand goes to this address ever again. */
	Mono<Void> refuseInvitations(String email) {
		return db.sql("INSERT INTO notification_opt_outs (email) VALUES (:email) ON CONFLICT DO NOTHING")
				.bind("email", email).then();
	}

	private static Recipient recipient(Readable row) {
		return new Recipient(row.get("subject", String.class), row.get("token_email", String.class),
				row.get("chosen_email", String.class), Boolean.TRUE.equals(row.get("digest", Boolean.class)),
				Recipient.names(row.get("opted_in", String[].class)), Recipient.names(row.get("opted_out", String[].class)));
	}
}
