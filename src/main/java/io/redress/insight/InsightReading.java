package io.redress.insight;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;

import io.redress.brand.Brand;
import io.redress.brand.BrandDirectory;
import io.redress.brand.BrandRole;
import io.redress.security.CurrentViewer;
import io.redress.shared.ForbiddenException;
import io.redress.shared.InputCheck;
import io.redress.shared.UserError;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * Who reads insights: the brand's members (integrations included) and moderators; per agent, only its owners and
 * managers and moderators. A period must end after it starts and last at most a year.
 */
@Service
class InsightReading {

	private final InsightQueries queries;
	private final ThemeQueries themes;
	private final BrandDirectory brands;

	InsightReading(InsightQueries queries, ThemeQueries themes, BrandDirectory brands) {
		this.queries = queries;
		this.themes = themes;
		this.brands = brands;
	}

	Mono<BrandInsights> of(Brand brand, OffsetDateTime from, OffsetDateTime to, InsightGranularity granularity) {
		return CurrentViewer.required().flatMap(viewer -> brands.rolesOf(viewer.subject(), List.of(brand.id()))
				.map(roles -> {
					BrandRole role = roles.get(brand.id());
					if (role == null && !viewer.isModerator()) {
						throw new ForbiddenException("Only the brand's members read its insights");
					}
					List<UserError> errors = check(from, to);
					if (!errors.isEmpty()) {
						return BrandInsights.refused(errors);
					}
					InsightPeriod period = new InsightPeriod(brand.id(), from, to,
							granularity == null ? InsightGranularity.WEEK : granularity);
					boolean agentsVisible = viewer.isModerator() || role.manages();
					return new BrandInsights(period, agentsVisible, queries.totals(period).cache(),
							queries.breakdown(period).cache(), List.of());
				}));
	}

	/** Each list is null, as every other figure, for a period that cannot be read. */
	Mono<List<InsightRows.Agent>> agents(BrandInsights insights) {
		if (insights.period() == null) {
			return Mono.empty();
		}
		return insights.agentsVisible() ? queries.agents(insights.period()).collectList()
				: Mono.error(new ForbiddenException("Only the brand's owners and managers see insights per agent"));
	}

	Mono<List<InsightRows.Point>> series(BrandInsights insights) {
		return insights.period() == null ? Mono.empty() : queries.series(insights.period()).collectList();
	}

	Mono<List<InsightRows.Theme>> themes(BrandInsights insights) {
		return insights.period() == null ? Mono.empty() : themes.of(insights.period()).collectList();
	}

	Mono<Double> heldRate(BrandInsights insights) {
		return insights.period() == null ? Mono.empty() : queries.heldRate(insights.period());
	}

	Mono<InsightRows.AsPartner> asPartner(BrandInsights insights) {
		return insights.period() == null ? Mono.empty() : queries.asPartner(insights.period());
	}

	private static List<UserError> check(OffsetDateTime from, OffsetDateTime to) {
		InputCheck check = new InputCheck();
		if (!to.isAfter(from)) {
			check.add(UserError.of("to", "INVALID_PERIOD", "to must be after from"));
		}
		else if (Duration.between(from, to).compareTo(InsightPeriod.LONGEST) > 0) {
			check.add(UserError.of("to", "PERIOD_TOO_LONG", "A period lasts at most a year (366 days)"));
		}
		return check.errors();
	}
}
