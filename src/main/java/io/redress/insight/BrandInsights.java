package io.redress.insight;

import java.util.List;

import io.redress.shared.UserError;
import reactor.core.publisher.Mono;

/**
 * A brand's insights for one period as a member may read them, or the user errors of a period that cannot be read
 * ({@code period} null). Each part is one statement, run when a field asks for it; parts that several fields share are
 * read once ({@code totals}, {@code breakdown}, cached). {@code agents} says whether the reader may see them.
 */
record BrandInsights(InsightPeriod period, boolean agentsVisible, Mono<InsightTotals> totals,
		Mono<InsightRows.Breakdown> breakdown, List<UserError> userErrors) {

	static BrandInsights refused(List<UserError> errors) {
		return new BrandInsights(null, false, Mono.empty(), Mono.empty(), errors);
	}
}
