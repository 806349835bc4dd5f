package io.redress.widget;

import java.time.Instant;

import io.redress.brand.Brand;
import io.redress.score.ResolutionScore;

/** What score.json and each live update carry: the brand, where its public page is, and its score in brief. */
record ScoreDocument(BrandPart brand, ScorePart score) {

	static ScoreDocument of(Brand brand, String brandPage, ResolutionScore score) {
		return new ScoreDocument(new BrandPart(brand.slug(), brand.name(), brandPage),
				new ScorePart(score.value(), score.low(), score.high(), score.tier().name(), score.ratedCount(),
						score.complaintCount(), score.computedAt()));
	}

	record BrandPart(String slug, String name, String url) {
	}

	record ScorePart(double value, double low, double high, String tier, int ratedCount, int complaintCount,
			Instant computedAt) {
	}
}
