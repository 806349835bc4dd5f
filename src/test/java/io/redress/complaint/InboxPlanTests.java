package io.redress.complaint;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import io.redress.ApiTest;
import io.redress.shared.GlobalId;
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
 * The inbox at volume: a brand with 100,000 complaints. Each order's page is read through its index, in order, and
 * stops at the page's limit: no sort and no scan of the brand's complaints, whatever the filter. The plans are
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
		db.sql("ANALYZE complaints").then().block(Duration.ofMinutes(1));
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
		for (InboxFilter filter : List.of(InboxFilter.NONE,
				new InboxFilter(ComplaintStatus.IN_PROGRESS, null, null, null, null, true),
				new InboxFilter(null, ComplaintCategory.BILLING, agent, false, null, null))) {
			for (boolean generic : List.of(false, true)) {
				String plan = plan(order, filter, generic);

				// Below the brand's Limit: an index read in order, no sort. (Above it, the page's rows, at most the
				// limit for each brand asked, are put in brand order.)
				String brandsPage = plan.substring(plan.indexOf("->  Limit"));
				// "Not overdue" is a narrow range of the due index (only running complaints are due in the future):
				// with enough other rows in the table the planner reads that range and sorts it, which is as bounded.
				boolean readsTheNotYetDue = Boolean.FALSE.equals(filter.overdue())
						&& brandsPage.contains("Index Scan using complaints_inbox_due_idx")
						&& brandsPage.contains("due_at > now()");
				if (readsTheNotYetDue) {
					assertThat(plan).doesNotContain("Seq Scan on complaints");
					continue;
				}
				assertThat(brandsPage).as("%s %s generic=%s", order, filter, generic)
						.contains("Index Scan").containsAnyOf(indexes(order)).doesNotContain("Sort");
				assertThat(plan).doesNotContain("Seq Scan on complaints");
			}
		}
	}

	@Test
	void theDefaultPageIsTheDueFirstOfTheHundredThousand() {
		String plan = plan(InboxOrder.DUE_AT, InboxFilter.NONE, false);

		LoggerFactory.getLogger(InboxPlanTests.class).info("The inbox's default page at {} complaints:\n{}",
				COMPLAINTS, plan);
		assertThat(plan).contains("complaints_inbox_due_idx");
		assertThat(db.sql("SELECT count(*) FROM complaints WHERE brand_id = :brandId").bind("brandId", brandId)
				.map(row -> row.get(0, Long.class)).one().block()).isEqualTo(COMPLAINTS + 1L);
	}

	private String plan(InboxOrder order, InboxFilter filter, boolean generic) {
		InboxPages.InboxQuery query = new InboxPages.InboxQuery(agent, false, filter, order, null, 0);
		Flux<String> lines = InboxPages.bind(db.sql("EXPLAIN " + InboxPages.statement(order)), List.of(brandId), query,
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
	private static String[] indexes(InboxOrder order) {
		return switch (order) {
			case DUE_AT -> new String[] {"complaints_inbox_due_idx"};
			case CREATED_AT -> new String[] {"complaints_brand_idx", "complaints_feed_idx"};
			case LAST_ACTIVITY -> new String[] {"complaints_inbox_activity_idx"};
		};
	}
}
