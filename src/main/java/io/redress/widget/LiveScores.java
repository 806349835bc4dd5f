package io.redress.widget;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import io.redress.brand.Brand;
import io.redress.score.ResolutionScore;
import io.redress.score.ScoreBoard;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Component;

/**
 * Live widgets over Server-Sent Events: the current score at once, then every change, each with the widget drawn in
 * the stream's shape and language. The change feed is joined before the current score is read, so a change
 * committing in between is never missed, and a score is sent only when it is newer than the last one sent. A node
 * holds at most {@code max-live-streams} of them.
 */
@Component
class LiveScores {

	static final Duration HEARTBEAT = Duration.ofSeconds(15);
	/** How long a browser waits before reconnecting a dropped stream. */
	static final Duration RECONNECT = Duration.ofSeconds(5);

	private final ScoreBoard board;
	private final JsonMapper json;
	private final int maxStreams;
	private final AtomicInteger open = new AtomicInteger();

	LiveScores(ScoreBoard board, JsonMapper json, WidgetSettings settings) {
		this.board = board;
		this.json = json;
		this.maxStreams = settings.maxLiveStreams();
	}

	/** The brand's live stream; empty when this node holds as many streams as it may. */
	Optional<Flux<ServerSentEvent<String>>> stream(Brand brand, String brandPage, Variant variant, Words words) {
		if (open.get() >= maxStreams) {
			return Optional.empty();
		}
		AtomicReference<Instant> lastSent = new AtomicReference<>(Instant.MIN);
		Flux<ResolutionScore> scores = Flux.merge(board.changes(brand, null).map(change -> change.score()),
				board.of(brand))
				.filter(score -> lastSent.getAndAccumulate(score.computedAt(),
						(last, next) -> next.isAfter(last) ? next : last).isBefore(score.computedAt()));
		// The carousel's cases are not followed live; a live carousel draws its score line only.
		Flux<ServerSentEvent<String>> updates = scores.map(score -> ServerSentEvent.<String>builder()
				.event("score").retry(RECONNECT)
				.data(json.writeValueAsString(ScoreDocument.of(brand, brandPage, score, words,
						variant == Variant.CAROUSEL ? null
								: WidgetView.of(variant, brand, score, brandPage, List.of(), words))))
				.build());
		Flux<ServerSentEvent<String>> heartbeats = Flux.interval(HEARTBEAT)
				.map(tick -> ServerSentEvent.<String>builder().comment("keep-alive").build());
		// Counted while subscribed, so a stream the server never got to write holds no place.
		return Optional.of(Flux.merge(updates, heartbeats).doOnSubscribe(subscription -> open.incrementAndGet())
				.doFinally(signal -> open.decrementAndGet()));
	}
}
