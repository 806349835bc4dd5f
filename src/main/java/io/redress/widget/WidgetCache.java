package io.redress.widget;

import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.redress.brand.BrandDirectory;
import io.redress.score.ScoreBoard;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * This node's widgets in memory: a brand's widget is read from the database once, then served from here until its
 * score changes (the change event, which every node receives, drops it at once) or {@code max-age} passes (which
 * picks up a renamed brand). Concurrent first requests for a brand share one load.
 */
@Component
@EnableConfigurationProperties(WidgetSettings.class)
class WidgetCache implements SmartLifecycle {

	/** Brand slugs as the brand module makes them; anything else is unknown without asking the database. */
	private static final Pattern SLUG = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");
	private static final int MAX_SLUG = 60;

	private static final Logger log = LoggerFactory.getLogger(WidgetCache.class);

	private final BrandDirectory brands;
	private final ScoreBoard board;
	private final WidgetSettings settings;
	private final AsyncCache<String, Optional<BrandWidget>> cache;

	private volatile Disposable invalidations;

	WidgetCache(BrandDirectory brands, ScoreBoard board, WidgetSettings settings) {
		this.brands = brands;
		this.board = board;
		this.settings = settings;
		this.cache = Caffeine.newBuilder().maximumSize(settings.cacheSize()).expireAfterWrite(settings.maxAge())
				.buildAsync();
	}

	/** The brand's widget; empty for a brand that does not exist. */
	Mono<Optional<BrandWidget>> widget(String slug) {
		if (slug.length() > MAX_SLUG || !SLUG.matcher(slug).matches()) {
			return Mono.just(Optional.empty());
		}
		// A cancelled request must not cancel the load other requests share.
		return Mono.fromFuture(() -> cache.get(slug, (key, executor) -> load(key).toFuture()), true);
	}

	private Mono<Optional<BrandWidget>> load(String slug) {
		return brands.bySlug(slug)
				.flatMap(brand -> board.of(brand)
						.map(score -> Optional.of(new BrandWidget(brand, score, settings.brandPage(brand.slug())))))
				.defaultIfEmpty(Optional.empty());
	}

	@Override
	public void start() {
		invalidations = board.allChanges()
				.doOnNext(change -> cache.synchronous().invalidate(change.brandSlug()))
				.doOnError(ex -> log.warn("Following score changes failed ({}); following again", ex.getMessage()))
				.retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(100)).maxBackoff(Duration.ofSeconds(10)))
				.subscribe();
	}

	@Override
	public void stop() {
		Disposable running = invalidations;
		if (running != null) {
			running.dispose();
		}
	}

	@Override
	public boolean isRunning() {
		Disposable running = invalidations;
		return running != null && !running.isDisposed();
	}
}
