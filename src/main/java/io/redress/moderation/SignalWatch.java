package io.redress.moderation;

import java.time.Duration;
import java.util.List;

import io.redress.complaint.ComplaintEventType;
import io.redress.moderation.SignalMatches.Suspect;
import io.redress.realtime.EventCursor;
import io.redress.realtime.EventStreams;
import io.redress.realtime.StoredEvent;
import io.redress.shared.ContinuousFlow;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Applies the signal rules to the event log: a filing is checked for a burst from new accounts, a rating for a quick
 * perfect resolution and a cluster of praise from new accounts. It follows the log from the position stored in
 * {@code signal_feed}; each batch is applied in one transaction that locks that position, so an event is applied
 * once whichever node reads it, and a node that fails or restarts goes on from the stored position. Before the first
 * batch it starts from the log's present: switching signals on never holds complaints retroactively.
 */
@Component
@EnableConfigurationProperties(SignalSettings.class)
class SignalWatch extends ContinuousFlow {

	private final EventStreams streams;
	private final SignalFeed feed;
	private final SignalMatches matches;
	private final SignalHolds holds;
	private final TransactionalOperator tx;
	private final SignalSettings settings;

	SignalWatch(EventStreams streams, SignalFeed feed, SignalMatches matches, SignalHolds holds,
			TransactionalOperator tx, SignalSettings settings) {
		this.streams = streams;
		this.feed = feed;
		this.matches = matches;
		this.holds = holds;
		this.tx = tx;
		this.settings = settings;
	}

	@Override
	protected boolean enabled() {
		return settings.enabled();
	}

	@Override
	protected Flux<?> flow() {
		return feed.position().flatMapMany(streams::followFromStored)
				.bufferTimeout(settings.batch(), Duration.ofMillis(20), true)
				.concatMap(this::apply);
	}

	@Override
	protected String description() {
		return "Signal watch";
	}

	/** Applies a batch once: events the stored position has passed were applied by another node already. */
	Mono<Void> apply(List<StoredEvent> batch) {
		List<StoredEvent> watched = batch.stream().filter(SignalWatch::watched).toList();
		if (watched.isEmpty()) {
			return Mono.empty();
		}
		EventCursor last = batch.get(batch.size() - 1).cursor();
		return tx.transactional(feed.lock().flatMap(applied -> {
			List<StoredEvent> fresh = watched.stream().filter(event -> event.cursor().isAfter(applied)).toList();
			if (fresh.isEmpty()) {
				return Mono.empty();
			}
			return Flux.fromIterable(fresh).concatMap(this::evaluate).then(feed.advance(last));
		}));
	}

	/** The holds one event makes, in the caller's transaction: each rule that is on, in order. */
	Flux<Flag> evaluate(StoredEvent event) {
		long complaintId = event.complaintId();
		if (event.is(ComplaintEventType.COMPLAINT_FILED)) {
			return hits(SignalRule.NEW_ACCOUNT_BURST, matches.burst(complaintId, settings));
		}
		return Flux.concat(
				hits(SignalRule.QUICK_PERFECT_RESOLUTION, matches.quickPerfectResolution(complaintId, settings)),
				hits(SignalRule.NEW_ACCOUNT_PRAISE_CLUSTER, matches.praiseCluster(complaintId, settings)));
	}

	private Flux<Flag> hits(SignalRule rule, Flux<Suspect> suspects) {
		if (!rule.enabled(settings)) {
			return Flux.empty();
		}
		String description = rule.description(settings);
		// Ascending: the complaints one hit locks are always locked in one order.
		return suspects.sort((a, b) -> Long.compare(a.complaintId(), b.complaintId()))
				.concatMap(suspect -> holds.hold(rule, suspect, description));
	}

	private static boolean watched(StoredEvent event) {
		return event.complaintId() != null
				&& (event.is(ComplaintEventType.COMPLAINT_FILED) || event.is(ComplaintEventType.RESOLUTION_RATED));
	}
}
