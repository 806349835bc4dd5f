package io.redress.widget;

import java.util.Optional;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.redress.brand.BrandDirectory;
import io.redress.score.ScoreBoard;
import io.redress.shared.ContinuousFlow;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * This node's widgets in memory: a brand's widget is read from the database once, then served from here until its
 * score changes (the change event, which every node receives, drops it at once) or {@code max-age} passes (which
 * picks up a renamed brand). Concurrent first requests for a brand share one load.
 */
@Component
@EnableConfigurationProperties(WidgetSettings.class)
class WidgetCache extends ContinuousFlow {

	private final BrandDirectory brands;
	private final ScoreBoard board;
	private final WidgetSettings settings;
	private final AsyncCache<String, Optional<BrandWidget>> cache;

	WidgetCache(BrandDirectory brands, ScoreBoard board, WidgetSettings settings) {
		this.brands = brands;
		this.board = board;
		this.settings = settings;
		this.cache = Caffeine.newBuilder().maximumSize(settings.cacheSize()).expireAfterWrite(settings.maxAge())
				.buildAsync();
	}

	/** The brand's widget; empty for a brand that does not exist. */
	Mono<Optional<BrandWidget>> widget(String slug) {
		// Texts that cannot be slugs are answered at once and never take a place in the cache.
		if (!BrandDirectory.isSlug(slug)) {
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

	/** Drops a brand's widgets the moment its score changes, on every node. */
	@Override
	protected Flux<?> flow() {
		return board.allChanges().doOnNext(change -> cache.synchronous().invalidate(change.brandSlug()));
	}

	@Override
	protected String description() {
		return "Following score changes";
	}

}
