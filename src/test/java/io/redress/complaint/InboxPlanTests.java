package io.redress.complaint;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.redress.ApiTest;
import io.redress.shared.GlobalId;
import io.redress.testing.TestDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.reactive.TransactionalOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The inbox at volume: a brand with 100,000 complaints, and a courier involved in 45,000 of them as a partner. Each
 * order's page is read through its indexes, in order, and stops at the page's limit: no sort and no scan of the
 * brand's complaints or of the partner's cases, whatever the filter. The plans are
 * PostgreSQL's own ({@code EXPLAIN}), once with the values bound (a custom plan) and once as the generic plan a
 * prepared statement may settle on.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InboxPlanTests extends ApiTest {

	private static final int COMPLAINTS = 100_000;
	private static final int SLICE = 10_000;

	@Autowired
	TransactionalOperator tx;

	private long brandId;
	private String agent;
	/** A courier involved in half the brand's cases (a tenth of those declined), with no complaint of its own. */
	private long partnerId;
	private String partnerAgent;

	@BeforeAll
	void aBrandWithAHundredThousandComplaints() {
		String owner = unique("owner");
		agent = unique("agent");
		String slug = unique("volume");
		brandId = GlobalId.decode(registerBrand(owner, slug), "Brand").orElseThrow();
		addMember(owner, GlobalId.encode("Brand", brandId), agent, "AGENT");
		String consumer = unique("consumer");
		fileComplaint(consumer, slug, "The first", "Filed through the API");
		// In slices, each well within the statement timeout on a loaded machine.
		for (int start = 1; start <= COMPLAINTS; start += SLICE) {
			insertComplaints(consumer, start);
		}
		String partnerOwner = unique("owner");
		partnerAgent = unique("agent");
		String partnerSlug = unique("courier");
		partnerId = GlobalId.decode(registerBrand(partnerOwner, partnerSlug), "Brand").orElseThrow();
		addMember(partnerOwner, GlobalId.encode("Brand", partnerId), partnerAgent, "AGENT");
		db.sql("""
				INSERT INTO complaint_partners (complaint_id, partner_brand_id, brand_id, status)
				SELECT id, :partnerId, brand_id, CASE WHEN id % 20 = 0 THEN 'DECLINED' ELSE 'INVOLVED' END
				FROM complaints WHERE brand_id = :brandId AND id % 2 = 0""")
				.bind("partnerId", partnerId).bind("brandId", brandId).then().block(Duration.ofMinutes(2));
		db.sql("ANALYZE complaints").then().block(Duration.ofMinutes(1));
		db.sql("ANALYZE complaint_partners").then().block(Duration.ofMinutes(1));
	}

	private void insertComplaints(String consumer, int start) {
		db.sql("""
				INSERT INTO complaints (brand_id, consumer_id, title, public_title, description, category, status,
				                        assignee, created_at, first_response_due_at, first_response_at,
				                        resolution_due_at, resolved_at, last_activity_at)
				SELECT :brandId, p.id, 'Complaint ' || n, 'Complaint ' || n, 'What went wrong',
				       (ARRAY['DELIVERY','BILLING','REFUND','OTHER'])[1 + n % 4],
				       (ARRAY['OPEN','IN_PROGRESS','RESOLUTION_PROPOSED','RESOLVED','UNRESOLVED'])[1 + n % 5],
				       CASE WHEN n % 3 = 0 THEN :agent END,
				       now() - n * interval '5 minutes', now() - n * interval '5 minutes' + interval '48 hours',
				       CASE WHEN n % 5 <> 0 THEN now() - n * interval '5 minutes' + interval '2 hours' END,
				       now() - n * interval '5 minutes' + interval '14 days',
				       CASE WHEN n % 5 IN (3, 4) THEN now() - n * interval '4 minutes' END,
				       now() - n * interval '3 minutes'
				FROM generate_series(:start, :start + :count - 1) AS n, profiles p WHERE p.subject = :consumer""")
				.bind("brandId", brandId).bind("agent", agent).bind("start", start).bind("count", SLICE)
				.bind("consumer", consumer).then().block(Duration.ofMinutes(2));
	}

	@ParameterizedTest
	@EnumSource(InboxOrder.class)
	void eachOrderReadsItsIndexInOrderAndStopsAtTheLimit(InboxOrder order) {
		for (InboxFilter filter : FILTERS) {
			for (boolean generic : List.of(false, true)) {
				String plan = plan(agent, brandId, order, filter, generic);

				// Below the page's Limit: the brand's own complaints, then its partner cases, each read from an index
				// in order and cut at the limit. (Above it, the page's rows, at most the limit for each part and each
				// brand asked, are merged and put in brand order.)
				assertThat(plan).doesNotContain("Seq Scan on complaints").doesNotContain("Seq Scan on complaint_partners");
				if (readsTheNotYetDue(filter, plan)) {
					continue;
				}
				assertThat(ownPart(plan)).as("%s %s generic=%s", order, filter, generic)
						.contains("Index Scan").containsAnyOf(indexes(order)).doesNotContain("Sort");
			}
		}
	}

	@ParameterizedTest
	@EnumSource(InboxOrder.class)
	void aPartnersCasesAreReadFromItsOwnIndexInOrderAndStopAtTheLimit(InboxOrder order) {
		for (InboxFilter filter : FILTERS) {
			for (boolean generic : List.of(false, true)) {
				String plan = plan(partnerAgent, partnerId, order, filter, generic);

				assertThat(plan).doesNotContain("Seq Scan on complaints").doesNotContain("Seq Scan on complaint_partners");
				if (filter.assignee() != null) {
					continue; // A partner case has no assignee for the partner: that part reads nothing.
				}
				if (readsThePartnersNotYetDue(filter, plan)) {
					continue;
				}
				assertThat(partnerPart(plan)).as("%s %s generic=%s", order, filter, generic)
						.contains(partnerIndex(order)).doesNotContain("Sort");
			}
		}
	}

	@Test
	void thePartnersDefaultPageIsTheDueFirstOfFortyFiveThousandCases() {
		String plan = plan(partnerAgent, partnerId, InboxOrder.DUE_AT, InboxFilter.NONE, false);

		LoggerFactory.getLogger(InboxPlanTests.class).info("A partner's default inbox page at {} involved cases:\n{}",
				COMPLAINTS * 45 / 100, plan);
		assertThat(plan).contains("complaint_partners_inbox_due_idx");
		assertThat(db.sql("""
				SELECT count(*) FROM complaint_partners WHERE partner_brand_id = :partnerId AND status = 'INVOLVED'""")
				.bind("partnerId", partnerId).map(row -> row.get(0, Long.class)).one().block()).isBetween(44_000L, 46_000L);
	}

	private static final List<InboxFilter> FILTERS = List.of(InboxFilter.NONE,
			new InboxFilter(ComplaintStatus.IN_PROGRESS, null, null, null, null, true),
			new InboxFilter(null, ComplaintCategory.BILLING, null, null, 48, null),
			new InboxFilter(null, ComplaintCategory.BILLING, "someone", false, null, null));

	/**
	 * "Not overdue" is a narrow range of the due index (only running complaints are due in the future): with enough
	 * other rows in the table the planner may read that range and sort it, which is as bounded.
	 */
	private static boolean readsTheNotYetDue(InboxFilter filter, String plan) {
		return (Boolean.FALSE.equals(filter.overdue()) || filter.dueWithin() != null)
				&& plan.contains("complaints_inbox_due_idx") && plan.contains("due_at > now()");
	}

	/** As {@link #readsTheNotYetDue}, for the cases a partner is involved in, by the copy of their due time. */
	private static boolean readsThePartnersNotYetDue(InboxFilter filter, String plan) {
		return (Boolean.FALSE.equals(filter.overdue()) || filter.dueWithin() != null)
				&& plan.contains("complaint_partners_inbox_due_idx") && plan.contains("case_due_at > now()");
	}

	/** The plan of the brand's own complaints: from the second Limit (the first is the merged page's) to the third. */
	private static String ownPart(String plan) {
		List<Integer> limits = limits(plan);
		assertThat(limits).as(plan).hasSizeGreaterThanOrEqualTo(3);
		return plan.substring(limits.get(1), limits.get(2));
	}

	/** The plan of the partner cases: from the third Limit on, up to the page's joins above it. */
	private static String partnerPart(String plan) {
		List<Integer> limits = limits(plan);
		assertThat(limits).as(plan).hasSizeGreaterThanOrEqualTo(3);
		String rest = plan.substring(limits.get(2));
		int above = rest.indexOf("->  Hash");
		return above < 0 ? rest : rest.substring(0, above);
	}

	private static List<Integer> limits(String plan) {
		List<Integer> at = new ArrayList<>();
		for (int index = plan.indexOf("Limit"); index >= 0; index = plan.indexOf("Limit", index + 1)) {
			at.add(index);
		}
		return at;
	}

	@Test
	void theDefaultPageIsTheDueFirstOfTheHundredThousand() {
		String plan = plan(agent, brandId, InboxOrder.DUE_AT, InboxFilter.NONE, false);

		LoggerFactory.getLogger(InboxPlanTests.class).info("The inbox's default page at {} complaints:\n{}",
				COMPLAINTS, plan);
		assertThat(plan).contains("complaints_inbox_due_idx");
		assertThat(db.sql("SELECT count(*) FROM complaints WHERE brand_id = :brandId").bind("brandId", brandId)
				.map(row -> row.get(0, Long.class)).one().block()).isEqualTo(COMPLAINTS + 1L);
	}

	/**
	 * The feed's and the brand pages' statements as a prepared statement runs them once PostgreSQL settles on its
	 * generic plan (Q3's feed page and Q2's brand pages among them): each reads its index in order and stops at the
	 * page, for an anonymous reader and a signed-in one, with and without filters. The old texts, with their
	 * {@code :x IS NULL OR} filters and a bare parameter limit, had a parallel scan of every complaint as their
	 * generic plan, so PostgreSQL planned them again at every execution.
	 */
	@Test
	void theFeedAndTheBrandPagesHaveAGenericPlanThatReadsTheirIndex() {
		ComplaintJoins joins = new ComplaintJoins(true, true, false, false, false);
		OffsetDateTime after = OffsetDateTime.now().minusDays(30);
		for (boolean signedIn : List.of(false, true)) {
			for (ComplaintQuery query : List.of(new ComplaintQuery(null, null, null, null, null, null, 0),
					new ComplaintQuery(null, null, ComplaintStatus.OPEN, null, null, after, 7))) {
				String feed = genericPlan(ComplaintPageStatements.page(query, joins, signedIn, 21));
				assertThat(feed).as("feed signedIn=%s %s", signedIn, query).contains("complaints_feed_idx")
						.doesNotContain("Seq Scan on complaints").doesNotContain("Gather")
						.doesNotContain("Sort Key: c.created_at");

				String brands = genericPlan(ComplaintPageStatements.brandPages(query, joins, signedIn, 6));
				// Where one brand holds nearly every complaint, as here, the feed's index serves a brand's page too.
				assertThat(brands).as("brand pages signedIn=%s %s", signedIn, query)
						.containsAnyOf("complaints_brand_idx", "complaints_feed_idx")
						.doesNotContain("Seq Scan on complaints").doesNotContain("Gather");
			}
		}
	}

	/** PostgreSQL's generic plan of a statement, its named parameters numbered as the driver sends them. */
	private String genericPlan(String statement) {
		Map<String, Integer> numbers = new HashMap<>();
		String numbered = Pattern.compile("(?<![:\\w]):(\\w+)").matcher(statement)
				.replaceAll(name -> "\\$" + numbers.computeIfAbsent(name.group(1), key -> numbers.size() + 1));
		// Over JDBC's simple protocol: a generic plan binds no parameter, and R2DBC sends no statement left unbound.
		TestDatabase database = TestDatabase.shared();
		try (Connection connection = DriverManager.getConnection(database.jdbcUrl() + "?preferQueryMode=simple",
				database.username(), database.password());
				Statement explain = connection.createStatement();
				ResultSet rows = explain.executeQuery("EXPLAIN (GENERIC_PLAN) " + numbered)) {
			StringBuilder plan = new StringBuilder();
			while (rows.next()) {
				plan.append(rows.getString(1)).append('\n');
			}
			return plan.toString();
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private String plan(String viewer, long brand, InboxOrder order, InboxFilter filter, boolean generic) {
		InboxPages.InboxQuery query = new InboxPages.InboxQuery(viewer, false, filter, order, null, 0);
		Flux<String> lines = InboxPages.bind(db.sql("EXPLAIN " + InboxPages.statement(order)), List.of(brand), query,
				21)
				.map(row -> row.get(0, String.class)).all();
		Flux<String> explained = generic
				? db.sql("SET LOCAL plan_cache_mode = force_generic_plan").then().thenMany(lines) : lines;
		return tx.transactional(explained).collect(Collectors.joining("\n")).block(Duration.ofSeconds(30));
	}

	/**
	 * The indexes that serve an order. Newest first is also the public feed's order: where one brand holds nearly
	 * every complaint, as in this test's database, the planner may read the feed's index and skip other brands' rows.
	 */
	private static String partnerIndex(InboxOrder order) {
		return switch (order) {
			case DUE_AT -> "complaint_partners_inbox_due_idx";
			case CREATED_AT -> "complaint_partners_inbox_created_idx";
			case LAST_ACTIVITY -> "complaint_partners_inbox_activity_idx";
		};
	}

	private static String[] indexes(InboxOrder order) {
		return switch (order) {
			case DUE_AT -> new String[] {"complaints_inbox_due_idx"};
			case CREATED_AT -> new String[] {"complaints_brand_idx", "complaints_feed_idx"};
			case LAST_ACTIVITY -> new String[] {"complaints_inbox_activity_idx"};
		};
	}
}
