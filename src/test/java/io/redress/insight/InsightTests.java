package io.redress.insight;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import io.redress.ApiTest;
import io.redress.shared.GlobalId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A brand's insights over a period: figures of the complaints filed in it, the themes that rose against the period
 * before, work per agent for managers, and the brand's work as a partner; for its members and moderators only.
 */
class InsightTests extends ApiTest {

	enum Caller {
		ANONYMOUS, CONSUMER, AGENT, MANAGER, INTEGRATION, PARTNER_MEMBER, MODERATOR
	}

	private final OffsetDateTime to = OffsetDateTime.now(ZoneOffset.UTC).plusHours(1);
	private final OffsetDateTime from = to.minusDays(30);

	private String brand;
	private String courier;
	private String consumer;
	private String agent;
	private String manager;
	private String integration;
	private String courierAgent;
	private String resolved;
	private String givenUp;
	private String open;

	@BeforeEach
	void aMonthOfComplaintsAndTheMonthBefore() {
		Team shop = team(unique("insights"), "AGENT", "MANAGER", "INTEGRATION");
		brand = shop.slug();
		agent = shop.member("AGENT");
		manager = shop.member("MANAGER");
		integration = shop.member("INTEGRATION");
		Team courierTeam = team(unique("courier"), "AGENT");
		courier = courierTeam.slug();
		courierAgent = courierTeam.member("AGENT");
		consumer = unique("consumer");

		backdated(fileComplaint(consumer, brand, "Parcel late", "Took weeks"), 40);
		backdated(fileComplaint(consumer, brand, "Charged twice", "Two payments"), 45);
		resolved = fileComplaint(consumer, brand, "Parcel damaged in transit", "It arrived broken");
		succeeds(agent, "assignComplaint", resolved, Map.of());
		succeeds(agent, "proposeResolution", resolved, Map.of("kind", "REFUND", "summary", "A refund"));
		succeeds(consumer, "acceptResolution", resolved, Map.of());
		succeeds(consumer, "rateResolution", resolved, Map.of("stars", 5, "wouldBuyAgain", true));
		givenUp = fileComplaint(consumer, brand, "Parcel crushed and wet", "Soaked through");
		as(manager).documentName("postMessage").variable("input", Map.of("complaintId", givenUp,
				"body", "Sorry to hear that", "visibility", "PUBLIC")).execute();
		succeeds(consumer, "giveUpComplaint", givenUp, Map.of());
		succeeds(consumer, "rateResolution", givenUp, Map.of("stars", 2, "wouldBuyAgain", false));
		open = fileComplaint(consumer, brand, "Parcel missing", "Never came");
		as(agent).documentName("partners").operationName("involvePartner")
				.variable("input", Map.of("complaintId", open, "partnerBrandSlug", courier)).execute()
				.path("involvePartner.userErrors").entityList(Object.class).hasSize(0);
		as(courierAgent).documentName("postMessage").variable("input", Map.of("complaintId", open,
				"body", "Checking the driver's scans", "visibility", "PUBLIC")).execute();
	}

	@Test
	void membersReadThePeriodsFiguresAllComputedFromItsComplaints() {
		GraphQlTester.Response insights = insights(as(agent), brand, from, to);

		insights.path("brand.insights.userErrors").entityList(Object.class).hasSize(0)
				.path("brand.insights.filed").entity(Integer.class).isEqualTo(3)
				.path("brand.insights.byCategory[0].key").entity(String.class).isEqualTo("DELIVERY")
				.path("brand.insights.byCategory[0].count").entity(Integer.class).isEqualTo(3)
				.path("brand.insights.byStatus[*].key").entityList(String.class)
				.contains("RESOLVED", "UNRESOLVED", "OPEN").hasSize(3)
				.path("brand.insights.firstResponseHours.count").entity(Integer.class).isEqualTo(2)
				.path("brand.insights.firstResponseHours.p50").hasValue()
				.path("brand.insights.resolutionHours.count").entity(Integer.class).isEqualTo(1)
				.path("brand.insights.resolutionRate").entity(Double.class).isEqualTo(0.5)
				.path("brand.insights.ratingDistribution[*].count").entityList(Integer.class)
				.containsExactly(0, 1, 0, 0, 1)
				.path("brand.insights.ratedCount").entity(Integer.class).isEqualTo(2)
				.path("brand.insights.wouldBuyAgainRate").entity(Double.class).isEqualTo(0.5)
				.path("brand.insights.followUpHeldRate").valueIsNull();
		List<Integer> filedPerWeek = insights.path("brand.insights.series[*].filed").entityList(Integer.class).get();
		assertThat(filedPerWeek).hasSizeBetween(5, 6);
		assertThat(filedPerWeek.stream().mapToInt(Integer::intValue).sum()).isEqualTo(3);
	}

	@Test
	void theHeldRateIsTheShareOfThePeriodsAnsweredFollowUpsThatSaidTheResolutionHeld() {
		// The follow-up itself is FollowUpTests' subject; here its answer is written as answerFollowUp stores it.
		db.sql("""
				INSERT INTO follow_ups (complaint_id, resolved_at, brand_id, held, answered_at)
				SELECT id, resolved_at, brand_id, true, now() FROM complaints WHERE id = :id""")
				.bind("id", GlobalId.decode(resolved, "Complaint").orElseThrow()).then().block();

		insights(as(agent), brand, from, to).path("brand.insights.followUpHeldRate").entity(Double.class).isEqualTo(1.0);
		insights(as(agent), brand, from.minusDays(60), from).path("brand.insights.followUpHeldRate").valueIsNull();
	}

	@Test
	void themesAreTheTermsThatRoseAgainstThePreviousPeriodWithTheirNewestComplaints() {
		insights(as(agent), brand, from, to)
				.path("brand.insights.themes[*].term").entityList(String.class).containsExactly("parcel")
				.path("brand.insights.themes[0].stem").entity(String.class).isEqualTo("parcel")
				.path("brand.insights.themes[0].count").entity(Integer.class).isEqualTo(3)
				.path("brand.insights.themes[0].previousCount").entity(Integer.class).isEqualTo(1)
				.path("brand.insights.themes[0].change").entity(Integer.class).isEqualTo(2)
				.path("brand.insights.themes[0].complaintIds").entityList(String.class)
				.containsExactly(open, givenUp, resolved);
	}

	@Test
	void aRisingPhraseIsAThemeAsUsersWroteItInPlaceOfItsWordsAndAFlatOneIsNot() {
		backdated(fileComplaint(consumer, brand, "Screen cracked", "On arrival"), 40);
		backdated(fileComplaint(consumer, brand, "Screen cracked", "Out of the box"), 41);
		fileComplaint(consumer, brand, "Cracked screen", "Again");
		fileComplaint(consumer, brand, "Cracked screen", "Once more");
		String first = fileComplaint(consumer, brand, "Late delivery", "Nobody told me why.");
		String second = fileComplaint(consumer, brand, "Delivery was late", "Second time");
		String newest = fileComplaint(consumer, brand, "My late deliveries", "Still waiting");

		GraphQlTester.Response insights = insights(as(agent), brand, from, to);

		insights.path("brand.insights.themes[*].stem").entityList(String.class)
				.containsExactly("deliveri late", "parcel")
				.path("brand.insights.themes[0].term").entity(String.class).isEqualTo("late deliveries")
				.path("brand.insights.themes[0].count").entity(Integer.class).isEqualTo(3)
				.path("brand.insights.themes[0].previousCount").entity(Integer.class).isEqualTo(0)
				.path("brand.insights.themes[0].change").entity(Integer.class).isEqualTo(3)
				.path("brand.insights.themes[0].complaintIds").entityList(String.class)
				.containsExactly(newest, second, first);
	}

	@Test
	void themesFollowTheTextWhenItChangesSoARedactedWordIsGone() {
		String first = fileComplaint(consumer, brand, "Refund refused", "Twice");
		fileComplaint(consumer, brand, "Refund refused", "Again");
		insights(as(agent), brand, from, to).path("brand.insights.themes[*].stem").entityList(String.class)
				.contains("refund refus");

		// As a moderator's redaction or an erasure's masking writes it.
		db.sql("UPDATE complaints SET title = 'Redacted', description = 'Redacted' WHERE id = :id")
				.bind("id", GlobalId.decode(first, "Complaint").orElseThrow()).then().block();

		insights(as(agent), brand, from, to).path("brand.insights.themes[*].stem").entityList(String.class)
				.doesNotContain("refund refus", "refund", "refus");
	}

	@Test
	void themesCountEachComplaintOfAPeriodOnceWhereverItFallsInMonthsDaysOrPartDays() {
		for (int daysAgo : List.of(0, 3, 45, 200, 364)) {
			backdated(fileComplaint(consumer, brand, "Boiler leaking", "Water everywhere"), daysAgo);
		}
		OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);

		assertThat(boilerLeaks(now.minusDays(365), now.plusMinutes(5))).containsExactly(5);
		assertThat(boilerLeaks(now.minusDays(364).plusHours(1), now.plusMinutes(5))).containsExactly(4);
		assertThat(boilerLeaks(now.minusDays(46), now.minusDays(2).minusMinutes(1))).containsExactly(2);
		assertThat(boilerLeaks(now.minusMinutes(10), now.plusMinutes(5))).isEmpty();
	}

	private List<Integer> boilerLeaks(OffsetDateTime start, OffsetDateTime end) {
		return insights(as(agent), brand, start, end)
				.path("brand.insights.themes[?(@.stem == 'boiler leak')].count").entityList(Integer.class).get();
	}

	@Test
	void aPartnersInsightsShowHowFastItAnsweredInTheCasesItWasBroughtInto() {
		insights(as(courierAgent), courier, from, to)
				.path("brand.insights.filed").entity(Integer.class).isEqualTo(0)
				.path("brand.insights.asPartner.involved").entity(Integer.class).isEqualTo(1)
				.path("brand.insights.asPartner.answered").entity(Integer.class).isEqualTo(1)
				.path("brand.insights.asPartner.firstResponseHours.count").entity(Integer.class).isEqualTo(1);
	}

	@Test
	void managersSeeWhoAnsweredAndWhoResolved() {
		GraphQlTester.Response agents = as(manager).documentName("insights").operationName("agents")
				.variable("slug", brand).variable("from", from.toString()).variable("to", to.toString()).execute();

		agents.path("brand.insights.agents[*].subject").entityList(String.class).containsExactly(agent, manager)
				.path("brand.insights.agents[0].answered").entity(Integer.class).isEqualTo(1)
				.path("brand.insights.agents[0].resolved").entity(Integer.class).isEqualTo(1)
				.path("brand.insights.agents[1].answered").entity(Integer.class).isEqualTo(1)
				.path("brand.insights.agents[1].resolved").entity(Integer.class).isEqualTo(0)
				.path("brand.insights.agents[1].medianFirstResponseHours").hasValue();
	}

	@ParameterizedTest(name = "{0}")
	@EnumSource(Caller.class)
	void membersAndModeratorsReadInsightsAndOnlyManagersAndModeratorsPerAgent(Caller caller) {
		GraphQlTester.Response insights = insights(tester(caller), brand, from, to);
		GraphQlTester.Response agents = tester(caller).documentName("insights").operationName("agents")
				.variable("slug", brand).variable("from", from.toString()).variable("to", to.toString()).execute();

		switch (caller) {
			case ANONYMOUS -> insights.errors().expect(error -> error.getErrorType() == ErrorType.UNAUTHORIZED).verify()
					.path("brand.insights").valueIsNull();
			case CONSUMER, PARTNER_MEMBER -> insights.errors()
					.expect(error -> error.getErrorType() == ErrorType.FORBIDDEN).verify()
					.path("brand.insights").valueIsNull();
			case AGENT, INTEGRATION -> {
				everyFigureButAgents(insights);
				agents.errors().expect(error -> error.getErrorType() == ErrorType.FORBIDDEN).verify()
						.path("brand.insights.agents").valueIsNull();
			}
			case MANAGER, MODERATOR -> {
				everyFigureButAgents(insights);
				agents.path("brand.insights.agents").entityList(Object.class).hasSize(2);
			}
		}
	}

	private static void everyFigureButAgents(GraphQlTester.Response insights) {
		insights.path("brand.insights.filed").entity(Integer.class).isEqualTo(3)
				.path("brand.insights.byCategory").entityList(Object.class).hasSize(1)
				.path("brand.insights.series").entityList(Object.class).hasSizeGreaterThan(4)
				.path("brand.insights.firstResponseHours.count").entity(Integer.class).isEqualTo(2)
				.path("brand.insights.ratedCount").entity(Integer.class).isEqualTo(2)
				.path("brand.insights.themes[*].term").entityList(String.class).containsExactly("parcel")
				.path("brand.insights.asPartner.involved").entity(Integer.class).isEqualTo(0);
	}

	@Test
	void aPeriodMustEndAfterItStartsAndLastAtMostAYear() {
		insights(as(manager), brand, to.minusDays(367), to)
				.path("brand.insights.userErrors[0].code").entity(String.class).isEqualTo("PERIOD_TOO_LONG")
				.path("brand.insights.userErrors[0].field").entity(String.class).isEqualTo("to")
				.path("brand.insights.filed").valueIsNull()
				.path("brand.insights.themes").valueIsNull();
		insights(as(manager), brand, to, from)
				.path("brand.insights.userErrors[0].code").entity(String.class).isEqualTo("INVALID_PERIOD");
		insights(as(manager), brand, to.minusDays(366), to)
				.path("brand.insights.userErrors").entityList(Object.class).hasSize(0);
	}

	@Test
	void eachGranularityCutsThePeriodFromTheStartOfTheUnitHoldingItsFirstInstant() {
		OffsetDateTime monday = OffsetDateTime.parse("2026-11-02T00:00:00Z");
		assertThat(starts(monday.plusHours(5), monday.plusDays(14), "WEEK")).containsExactly(monday, monday.plusDays(7));
		assertThat(starts(monday, monday.plusDays(3), "DAY")).containsExactly(monday, monday.plusDays(1),
				monday.plusDays(2));
		assertThat(starts(monday.minusMonths(2), monday.plusMonths(1), "MONTH")).containsExactly(
				OffsetDateTime.parse("2026-09-01T00:00:00Z"), OffsetDateTime.parse("2026-10-01T00:00:00Z"),
				OffsetDateTime.parse("2026-11-01T00:00:00Z"), OffsetDateTime.parse("2026-12-01T00:00:00Z"));
	}

	private List<OffsetDateTime> starts(OffsetDateTime start, OffsetDateTime end, String granularity) {
		return insights(as(agent), brand, start, end, granularity).path("brand.insights.series[*].start")
				.entityList(String.class).get().stream().map(OffsetDateTime::parse).toList();
	}

	private GraphQlTester.Response insights(GraphQlTester caller, String slug, OffsetDateTime start,
			OffsetDateTime end) {
		return insights(caller, slug, start, end, "WEEK");
	}

	private GraphQlTester.Response insights(GraphQlTester caller, String slug, OffsetDateTime start,
			OffsetDateTime end, String granularity) {
		return caller.documentName("insights").operationName("insights").variable("slug", slug)
				.variable("from", start.truncatedTo(ChronoUnit.SECONDS).toString())
				.variable("to", end.truncatedTo(ChronoUnit.SECONDS).toString())
				.variable("granularity", granularity).execute();
	}

	private void backdated(String complaintId, int days) {
		db.sql("UPDATE complaints SET created_at = created_at - make_interval(days => :days) WHERE id = :id")
				.bind("days", days).bind("id", GlobalId.decode(complaintId, "Complaint").orElseThrow()).then().block();
	}

	private GraphQlTester tester(Caller caller) {
		return switch (caller) {
			case ANONYMOUS -> anonymous();
			case CONSUMER -> as(consumer);
			case AGENT -> as(agent);
			case MANAGER -> as(manager);
			case INTEGRATION -> as(integration);
			case PARTNER_MEMBER -> as(courierAgent);
			case MODERATOR -> as("mod");
		};
	}
}
