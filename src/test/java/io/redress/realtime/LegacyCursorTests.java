package io.redress.realtime;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.redress.ApiTest;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Cursors handed out before events had positions, (xid, id): one whose event the upgrade numbered resumes right after
 * it; one whose event was numbered since cannot be placed without a possible gap and is refused as expired.
 */
class LegacyCursorTests extends ApiTest {

	private static final AtomicLong STREAMS = new AtomicLong(System.nanoTime() % 1_000_000_000L * 1000 + 700);

	@Autowired
	EventLog log;

	@Autowired
	EventStreams streams;

	@Autowired
	TransactionalOperator tx;

	@Test
	void cursorOfAnEventTheUpgradeNumberedResumesRightAfterIt() {
		long stream = STREAMS.incrementAndGet();
		append(stream, TestEvent.BEFORE_UPGRADE);
		append(stream, TestEvent.AFTER_CURSOR);
		List<Long> first = db.sql("SELECT xid::text::bigint AS xid, id FROM events WHERE brand_id = :stream ORDER BY id LIMIT 1")
				.bind("stream", stream).map(row -> List.of(row.get("xid", Long.class), row.get("id", Long.class)))
				.one().block(Duration.ofSeconds(10));
		// The upgrade numbers such events itself; here the sequencer does, soon after each commit.
		eventually(() -> db.sql("SELECT count(*) FROM events WHERE brand_id = :stream AND position IS NULL")
				.bind("stream", stream).map(row -> row.get(0, Long.class)).one().block(Duration.ofSeconds(10)),
				unnumbered -> unnumbered == 0);
		long horizon = legacyHorizon();
		try {
			// As if the upgrade had run after both events: they are then below its horizon, numbered in (xid, id) order.
			setLegacyHorizon(Long.MAX_VALUE / 2);
			StepVerifier.create(streams.follow(EventFilter.brand(stream), legacy(first.get(0), first.get(1))).take(1))
					.expectNextMatches(event -> event.is(TestEvent.AFTER_CURSOR))
					.verifyComplete();
		}
		finally {
			setLegacyHorizon(horizon);
		}
	}

	@Test
	void cursorOfAnEventNumberedSinceTheUpgradeIsRefusedAsExpired() {
		long stream = STREAMS.incrementAndGet();
		append(stream, TestEvent.AFTER_UPGRADE);
		List<Long> event = db.sql("SELECT xid::text::bigint AS xid, id FROM events WHERE brand_id = :stream")
				.bind("stream", stream).map(row -> List.of(row.get("xid", Long.class), row.get("id", Long.class)))
				.one().block(Duration.ofSeconds(10));

		StepVerifier.create(streams.follow(EventFilter.brand(stream), legacy(event.get(0), event.get(1))))
				.expectError(ExpiredCursorException.class)
				.verify(Duration.ofSeconds(10));
	}

	@Test
	void startCursorFromBeforeTheUpgradeStillMeansTheStartOfTheLog() {
		long stream = STREAMS.incrementAndGet();
		append(stream, TestEvent.AFTER_UPGRADE);

		StepVerifier.create(streams.follow(EventFilter.brand(stream), legacy(0, 0)).take(1))
				.expectNextMatches(event -> event.is(TestEvent.AFTER_UPGRADE))
				.verifyComplete();
	}

	private void append(long stream, TestEvent type) {
		tx.transactional(log.append(new NewEvent(type, stream, null, null, Visibility.PUBLIC, Map.of())))
				.block(Duration.ofSeconds(10));
	}

	private long legacyHorizon() {
		return db.sql("SELECT legacy_horizon FROM event_sequence").map(row -> row.get(0, Long.class)).one()
				.block(Duration.ofSeconds(10));
	}

	private void setLegacyHorizon(long horizon) {
		db.sql("UPDATE event_sequence SET legacy_horizon = :horizon").bind("horizon", horizon).then()
				.block(Duration.ofSeconds(10));
	}

	/** A cursor as nodes before the upgrade encoded it. */
	private static String legacy(long xid, long id) {
		return Base64.getUrlEncoder().withoutPadding()
				.encodeToString(("e:" + xid + ":" + id).getBytes(StandardCharsets.UTF_8));
	}

	/** Event types of this test alone: the log stores any module's types by name. */
	private enum TestEvent implements EventType {
		BEFORE_UPGRADE, AFTER_CURSOR, AFTER_UPGRADE
	}
}
