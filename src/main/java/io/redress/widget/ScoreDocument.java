package io.redress.widget;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.redress.brand.Brand;
import io.redress.score.ResolutionScore;

/**
 * What score.json and each live update carry: the brand, where its public page is, its score in brief, and the
 * widget to draw, in the language and shape asked for ({@code embed.js} draws {@code view} and nothing else).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ScoreDocument(BrandPart brand, ScorePart score, String locale, Node view) {

	static ScoreDocument of(Brand brand, String brandPage, ResolutionScore score, Words words, Node view) {
		return new ScoreDocument(new BrandPart(brand.slug(), brand.name(), brandPage),
				new ScorePart(score.value(), score.low(), score.high(), score.tier().name(), score.ratedCount(),
						score.complaintCount(), score.computedAt()), words.tag(), view);
	}

	record BrandPart(String slug, String name, String url) {
	}

	record ScorePart(double value, double low, double high, String tier, int ratedCount, int complaintCount,
			Instant computedAt) {
	}
}
