package io.redress.score;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import io.redress.complaint.ComplaintEventType;
import io.redress.realtime.EventCursor;
import io.redress.realtime.EventFilter;
import io.redress.realtime.EventStreams;
import io.redress.realtime.ExpiredCursorException;
import io.redress.realtime.StoredEvent;
import io.redress.shared.ContinuousFlow;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

import static io.redress.complaint.ComplaintEventType.COMPLAINT_FILED;
import static io.redress.complaint.ComplaintEventType.COMPLAINT_MODERATED;
import static io.redress.complaint.ComplaintEventType.COMPLAINT_REOPENED;
import static io.redress.complaint.ComplaintEventType.COMPLAINT_RESOLVED;
import static io.redress.complaint.ComplaintEventType.COMPLAINT_UNRESOLVED;
import static io.redress.complaint.ComplaintEventType.COMPLAINT_WITHDRAWN;
import static io.redress.complaint.ComplaintEventType.FIRST_RESPONSE_RECORDED;
import static io.redress.complaint.ComplaintEventType.RESOLUTION_RATED;

/**
 * Keeps every brand's stored score current. It follows the event log from the position stored in
 * {@code score_feed}: each batch of events that can move a score is applied in one transaction that locks that
 * position, recomputes the brands concerned, stores their scores and, where a score visibly changed, appends a
 * {@code SCORE_CHANGED} event. Every node follows the log, but a batch is applied once, by whichever node locks the
 * position first; a node that fails or falls behind starts again from the stored position.
 */
@Component
@EnableConfigurationProperties(ScoreSettings.class)
class ScoreKeeper extends ContinuousFlow {

	/**
	 * The complaint events after which a brand's score can differ: the first response stops the response-time clock;
	 * a moderator's hold, removal or reinstatement moves the complaint in or out; proposals, rejections, assignments
	 * and messages leave the score as it is.
	 */
	private static final Set<ComplaintEventType> MOVES_SCORE = EnumSet.of(COMPLAINT_FILED, FIRST_RESPONSE_RECORDED,
			COMPLAINT_RESOLVED, COMPLAINT_UNRESOLVED, COMPLAINT_WITHDRAWN, COMPLAINT_REOPENED, RESOLUTION_RATED,
			COMPLAINT_MODERATED);

	private final EventStreams streams;
	private final ScoreFeed feed;
	private final ScoreRecomputation recomputation;
	private final TransactionalOperator tx;
	private final ScoreSettings settings;

	ScoreKeeper(EventStreams streams, ScoreFeed feed, ScoreRecomputation recomputation, TransactionalOperator tx,
			ScoreSettings settings) {
		this.streams = streams;
		this.feed = feed;
		this.recomputation = recomputation;
		this.tx = tx;
		this.settings = settings;
	}

	@Override
	protected boolean enabled() {
		return settings.keeping();
	}

	/** From the stored position, so a node that failed or fell behind starts again where the log was applied. */
	@Override
	protected Flux<?> flow() {
		return feed.position().flatMapMany(this::follow)
				.bufferTimeout(settings.batch(), Duration.ofMillis(20), true)
				.concatMap(this::apply);
	}

	@Override
	protected String description() {
		return "Score keeping";
	}

	/** The log after {@code position}; from its start when events there were purged (the daily refresh covers older). */
	private Flux<StoredEvent> follow(EventCursor position) {
		return streams.follow(EventFilter.ALL, position.encoded())
				.onErrorResume(ExpiredCursorException.class,
						ex -> streams.follow(EventFilter.ALL, EventCursor.START.encoded()));
	}

	/** Applies a batch once: events the stored position has passed were applied by another node already. */
	private Mono<Void> apply(List<StoredEvent> batch) {
		List<StoredEvent> moving = batch.stream().filter(ScoreKeeper::movesScore).toList();
		if (moving.isEmpty()) {
			return Mono.empty();
		}
		EventCursor last = batch.get(batch.size() - 1).cursor();
		return tx.transactional(feed.lock().flatMap(applied -> {
			// Ascending, as the daily refresh takes them: brand locks are always taken in one order, so never deadlock.
			Set<Long> brandIds = new TreeSet<>();
			moving.stream().filter(event -> event.cursor().isAfter(applied))
					.forEach(event -> brandIds.add(event.brandId()));
			if (brandIds.isEmpty()) {
				return Mono.empty();
			}
			return Flux.fromIterable(brandIds).concatMap(recomputation::recompute).then(feed.advance(last));
		}));
	}

	private static boolean movesScore(StoredEvent event) {
		for (ComplaintEventType type : MOVES_SCORE) {
			if (event.is(type)) {
				return true;
			}
		}
		return false;
	}

}
