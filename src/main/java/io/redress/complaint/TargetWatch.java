package io.redress.complaint;

import io.redress.realtime.EventLog;
import io.redress.realtime.NewEvent;
import io.redress.shared.DatabaseOutage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Announces each complaint's moments as they come due: {@code DUE_SOON}, {@code FIRST_RESPONSE_OVERDUE},
 * {@code RESOLUTION_OVERDUE} to the brand (and in person to the case's assignee), {@code FOLLOW_UP_DUE} to the
 * consumer. Every node sweeps; a moment is
 * marked done in the transaction that appends its event, under a row lock other nodes skip, so each is announced
 * exactly once, and one that came due while no node ran is announced by the first sweep after.
 */
@Component
@EnableConfigurationProperties(TargetSettings.class)
class TargetWatch {

	private static final Logger log = LoggerFactory.getLogger(TargetWatch.class);
	/** Batches per sweep at most, so one sweep after a long downtime ends and the next goes on. */
	private static final int MAX_BATCHES = 100;

	private final Deadlines deadlines;
	private final FollowUps followUps;
	private final EventLog events;
	private final TransactionalOperator tx;
	private final DatabaseOutage database;
	private final AssigneeNotices assignees;
	private final int batch;

	TargetWatch(Deadlines deadlines, FollowUps followUps, EventLog events, TransactionalOperator tx,
			DatabaseOutage database, TargetSettings settings, AssigneeNotices assignees) {
		this.assignees = assignees;
		this.deadlines = deadlines;
		this.followUps = followUps;
		this.events = events;
		this.tx = tx;
		this.database = database;
		this.batch = settings.batch();
	}

	@Scheduled(fixedDelayString = "${redress.targets.sweep-interval:30s}", initialDelayString = "PT10S")
	Mono<Void> sweep() {
		return announceBatch()
				.expand(announced -> announced < batch ? Mono.empty() : announceBatch())
				.take(MAX_BATCHES)
				.then()
				.onErrorResume(ex -> {
					if (!database.report(ex)) {
						log.error("Announcing due moments failed; the next sweep retries", ex);
					}
					return Mono.empty();
				});
	}

	/** One transaction: up to a batch of due moments taken, marked done and announced; how many were taken. */
	private Mono<Integer> announceBatch() {
		return tx.transactional(deadlines.takeDue(batch).concatMap(due -> announce(due).thenReturn(due))
				.count().map(Long::intValue));
	}

	private Mono<Void> announce(Deadlines.Due due) {
		ComplaintEventType type = due.deadline().announcement();
		NewEvent event = NewEvent.about(type, due.brandId(), due.complaintId(), due.consumerId(), type.visibility());
		if (due.deadline().target() != null) {
			event = event.with("target", due.deadline().target());
		}
		if (due.assignee() != null && due.deadline() != Deadline.FOLLOW_UP) {
			event = event.with("assignee", due.assignee());
		}
		Mono<Void> asked = due.deadline() == Deadline.FOLLOW_UP
				? followUps.ask(due.complaintId(), due.brandId(), due.resolvedAt()) : Mono.empty();
		return asked.then(events.append(event)).then(assignees.tell(event, due.assignee()));
	}
}
