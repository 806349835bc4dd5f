package io.redress.widget;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import io.redress.brand.Brand;
import io.redress.score.ResolutionScore;

/**
 * A brand's widget data as one node holds it in memory, with each representation rendered once: a request for a
 * cached widget writes bytes that already exist.
 */
final class BrandWidget {

	private final Brand brand;
	private final ResolutionScore score;
	private final String brandPage;
	private final Map<String, Representation> rendered = new ConcurrentHashMap<>(4);

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
		return rendered.computeIfAbsent(variant, ignored -> render.apply(this));
	}
}
