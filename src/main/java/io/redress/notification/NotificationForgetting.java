package io.redress.notification;

import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;

/**
 * The notification module's part of an account erasure: the person's addresses and settings, and every mail queued
 * or sent to them, go. Joins the erasure's transaction.
 */
@Service
public class NotificationForgetting {

	private final DatabaseClient db;
	private final AddressesSeen seen;

	NotificationForgetting(DatabaseClient db, AddressesSeen seen) {
		this.db = db;
		this.seen = seen;
	}

	public Mono<Void> forget(String subject) {
		seen.forget(subject);
		return db.sql("DELETE FROM notification_outbox WHERE subject = :subject").bind("subject", subject).then()
				.then(db.sql("DELETE FROM notification_recipients WHERE subject = :subject").bind("subject", subject)
						.then());
	}
}
