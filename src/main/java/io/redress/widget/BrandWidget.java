package io.redress.widget;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

import io.redress.brand.Brand;
import io.redress.score.ResolutionScore;
import reactor.core.publisher.Mono;

/**
 * A brand's widget data as one node holds it in memory, with each representation rendered once: a request for a
 * cached widget or page writes bytes that already exist. What only some representations need (the carousel's cases,
 * the page's complaints) is read the first time one asks, once, and kept with the rest.
 */
final class BrandWidget {

	/** Representations kept per brand: every shape, theme and language, with room to spare, but never unbounded. */
	static final int MAX_RENDERED = 96;

	private final Brand brand;
	private final ResolutionScore score;
	private final String brandPage;
	private final Map<String, Representation> rendered = new ConcurrentHashMap<>(8);
	private final Map<String, Mono<?>> loaded = new ConcurrentHashMap<>(4);

	BrandWidget(Brand brand, ResolutionScore score, String brandPage) {
		this.brand = brand;
		this.score = score;
		this.brandPage = brandPage;
	}

	Brand brand() {
		return brand;
	}

	ResolutionScore score() {
		return score;
	}

	String brandPage() {
		return brandPage;
	}

	Representation rendered(String variant, Function<BrandWidget, Representation> render) {
		Representation kept = rendered.get(variant);
		if (kept != null) {
			return kept;
		}
		if (rendered.size() >= MAX_RENDERED) {
			return render.apply(this);
		}
		return rendered.computeIfAbsent(variant, ignored -> render.apply(this));
	}

	/** What {@code load} reads, read once and shared by every request; a failed read is tried again next time. */
	@SuppressWarnings("unchecked")
	<T> Mono<T> loaded(String key, Supplier<Mono<T>> load) {
		return (Mono<T>) loaded.computeIfAbsent(key, ignored -> load.get()
				.cache(value -> Duration.ofDays(1), error -> Duration.ZERO, () -> Duration.ofDays(1)));
	}
}
