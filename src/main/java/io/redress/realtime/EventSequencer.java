package io.redress.realtime;

import io.redress.shared.ContinuousFlow;
import io.redress.shared.DatabaseOutage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.DefaultTransactionDefinition;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Gives committed events their positions: woken by each append's NOTIFY (and the poll), it numbers the events that
 * have no position yet, after the largest one given, and wakes every node's tail. The lease is a transaction-scoped
 * advisory lock: one node numbers at a time, a node that dies holds nothing, and the others skip while it is taken
 * (the holder was woken too, and numbers again after its batch). A transaction that is still running, anywhere on
 * the cluster, holds nothing back: its events are simply numbered when they commit.
 */
@Component
class EventSequencer extends ContinuousFlow {

	private static final Logger log = LoggerFactory.getLogger(EventSequencer.class);

	/** Events numbered per statement; more wait for the next statement of the same wake-up. */
	private static final int BATCH = 1000;

	/** The advisory-lock key space of the sequencer (Scores uses another), and its one key. */
	private static final String LEASE = "SELECT pg_try_advisory_xact_lock(1504, 0) AS held";

	/**
	 * Runs after the lease was taken (a statement of its own, so under READ COMMITTED its snapshot sees every position
	 * the previous holder gave). Numbered in id order within a batch, after the last position given; the batch
	 * becomes visible whole, after every earlier one.
	 */
	private static final String NUMBER = """
			WITH pending AS (
			  SELECT id, row_number() OVER (ORDER BY id) AS n
			  FROM (SELECT id FROM events WHERE position IS NULL ORDER BY id LIMIT :batch) unnumbered),
			numbered AS (
			  UPDATE events e SET position = s.last_position + pending.n
			  FROM pending, event_sequence s WHERE e.id = pending.id
			  RETURNING e.position),
			advanced AS (
			  UPDATE event_sequence SET last_position = (SELECT max(position) FROM numbered)
			  WHERE EXISTS (SELECT FROM numbered))
			SELECT count(*) AS numbered, coalesce(max(position), 0) AS last FROM numbered""";

	private static final String WAKE_READERS = "SELECT pg_notify('%s', :last)".formatted(EventWakeUps.NUMBERED);

	private final DatabaseClient db;
	private final TransactionalOperator tx;
	private final EventWakeUps wakeUps;
	private final RealtimeSettings settings;
	private final DatabaseOutage database;

	EventSequencer(DatabaseClient db, ReactiveTransactionManager transactions, EventWakeUps wakeUps,
			RealtimeSettings settings, DatabaseOutage database) {
		this.db = db;
		// Stated, not left to the server's default: under REPEATABLE READ the snapshot would predate the lease.
		DefaultTransactionDefinition readCommitted = new DefaultTransactionDefinition();
		readCommitted.setIsolationLevel(TransactionDefinition.ISOLATION_READ_COMMITTED);
		this.tx = TransactionalOperator.create(transactions, readCommitted);
		this.wakeUps = wakeUps;
		this.settings = settings;
		this.database = database;
	}

	@Override
	protected Flux<?> flow() {
		return Flux.merge(wakeUps.wakeUps(EventWakeUps.APPENDED),
				Flux.interval(settings.pollInterval()).map(tick -> "poll"))
				.onBackpressureLatest()
				.concatMap(reason -> numberAll(), 1);
	}

	@Override
	protected String description() {
		return "Numbering the event log";
	}

	/** Numbers batch after batch until none is full; each batch is its own short transaction. */
	Mono<Void> numberAll() {
		return numberBatch()
				.expand(numbered -> numbered == BATCH ? numberBatch() : Mono.empty())
				.then()
				.onErrorResume(ex -> {
					if (!database.report(ex)) {
						log.warn("Numbering the event log failed ({}); the next wake-up retries", ex.getMessage());
					}
					return Mono.empty();
				});
	}

	/** How many events one transaction numbered; 0 when another node holds the lease. */
	private Mono<Long> numberBatch() {
		Mono<Long> numbered = db.sql(LEASE).map(row -> row.get("held", Boolean.class)).one()
				.filter(Boolean::booleanValue)
				.flatMap(held -> db.sql(NUMBER).bind("batch", BATCH)
						.map(row -> new Numbered(row.get("numbered", Long.class), row.get("last", Long.class)))
						.one())
				.flatMap(batch -> batch.count() == 0 ? Mono.just(0L)
						: db.sql(WAKE_READERS).bind("last", Long.toString(batch.last())).then()
								.thenReturn(batch.count()));
		return tx.transactional(numbered).defaultIfEmpty(0L);
	}

	private record Numbered(long count, long last) {
	}
}
