package io.redress.insight;

import java.time.OffsetDateTime;
import java.util.List;

import io.redress.brand.Brand;
import io.redress.shared.GlobalId;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Maps {@code Brand.insights} and the {@code BrandInsights} fields, each part read only when asked for. */
@Controller
class InsightController {

	/** The complaint module's node type, named here as clients see it: themes name complaints by global id. */
	private static final String COMPLAINT = "Complaint";

	private final InsightReading reading;

	InsightController(InsightReading reading) {
		this.reading = reading;
	}

	// One brand's insights are a handful of aggregate statements over its own complaints; they are not batched
	// across brands, as a caller reads them only for the brands it belongs to.
	@SchemaMapping(typeName = "Brand")
	Mono<BrandInsights> insights(Brand brand, @Argument OffsetDateTime from, @Argument OffsetDateTime to,
			@Argument InsightGranularity granularity) {
		return reading.of(brand, from, to, granularity);
	}

	@SchemaMapping(typeName = "BrandInsights")
	OffsetDateTime from(BrandInsights insights) {
		return insights.period() == null ? null : insights.period().from();
	}

	@SchemaMapping(typeName = "BrandInsights")
	OffsetDateTime to(BrandInsights insights) {
		return insights.period() == null ? null : insights.period().to();
	}

	@SchemaMapping(typeName = "BrandInsights")
	InsightGranularity granularity(BrandInsights insights) {
		return insights.period() == null ? null : insights.period().granularity();
	}

	@SchemaMapping(typeName = "BrandInsights")
	Mono<Long> filed(BrandInsights insights) {
		return insights.totals().map(InsightTotals::filed);
	}

	@SchemaMapping(typeName = "BrandInsights")
	Mono<List<InsightRows.Count>> byCategory(BrandInsights insights) {
		return insights.breakdown().map(InsightRows.Breakdown::byCategory);
	}

	@SchemaMapping(typeName = "BrandInsights")
	Mono<List<InsightRows.Count>> byStatus(BrandInsights insights) {
		return insights.breakdown().map(InsightRows.Breakdown::byStatus);
	}

	@SchemaMapping(typeName = "BrandInsights")
	Mono<List<InsightRows.Point>> series(BrandInsights insights) {
		return reading.series(insights);
	}

	@SchemaMapping(typeName = "BrandInsights")
	Mono<Percentiles> firstResponseHours(BrandInsights insights) {
		return insights.totals().map(InsightTotals::firstResponseHours);
	}

	@SchemaMapping(typeName = "BrandInsights")
	Mono<Percentiles> resolutionHours(BrandInsights insights) {
		return insights.totals().map(InsightTotals::resolutionHours);
	}

	@SchemaMapping(typeName = "BrandInsights")
	Mono<Double> resolutionRate(BrandInsights insights) {
		return insights.totals().mapNotNull(InsightTotals::resolutionRate);
	}

	@SchemaMapping(typeName = "BrandInsights")
	Mono<List<InsightTotals.StarCount>> ratingDistribution(BrandInsights insights) {
		return insights.totals().map(InsightTotals::ratingDistribution);
	}

	@SchemaMapping(typeName = "BrandInsights")
	Mono<Long> ratedCount(BrandInsights insights) {
		return insights.totals().map(InsightTotals::rated);
	}

	@SchemaMapping(typeName = "BrandInsights")
	Mono<Double> wouldBuyAgainRate(BrandInsights insights) {
		return insights.totals().mapNotNull(InsightTotals::wouldBuyAgainRate);
	}

	@SchemaMapping(typeName = "BrandInsights")
	Mono<Double> followUpHeldRate(BrandInsights insights) {
		return reading.heldRate(insights);
	}

	@SchemaMapping(typeName = "BrandInsights")
	Mono<List<InsightRows.Theme>> themes(BrandInsights insights) {
		return reading.themes(insights);
	}

	@SchemaMapping(typeName = "BrandInsights")
	Mono<List<InsightRows.Agent>> agents(BrandInsights insights) {
		return reading.agents(insights);
	}

	@SchemaMapping(typeName = "BrandInsights")
	Mono<InsightRows.AsPartner> asPartner(BrandInsights insights) {
		return reading.asPartner(insights);
	}

	@SchemaMapping(typeName = "InsightTheme")
	List<String> complaintIds(InsightRows.Theme theme) {
		return theme.complaintIds().stream().map(id -> GlobalId.encode(COMPLAINT, id)).toList();
	}
}
