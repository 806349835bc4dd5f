package io.redress.graphql;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import graphql.language.Document;
import graphql.parser.Parser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kept prices are shared only by operations that must cost the same: the same parsed document, the same operation,
 * and the same values of the variables a price reads (page sizes, conditions of inclusion).
 */
class OperationPricesTests {

	private static final String BRAND_PAGE = """
			query Page($slug: String!, $n: Int, $withComplaints: Boolean!) {
			  brand(slug: $slug) { name complaints(first: $n) @include(if: $withComplaints) { nodes { title } } }
			}""";

	private final OperationPrices prices = new OperationPrices();

	private final AtomicInteger computed = new AtomicInteger();

	@Test
	void onlyPageSizesAndConditionsOfInclusionArePriced() {
		assertThat(OperationPrices.variablesPriced(Parser.parse(BRAND_PAGE))).containsExactly("n", "withComplaints");
	}

	@Test
	void operationsThatDifferInAnUnpricedVariableShareOnePrice() {
		Document document = Parser.parse(BRAND_PAGE);

		OperationPrice first = price(document, "Page", Map.of("slug", "acme", "n", 5, "withComplaints", true), 60);
		OperationPrice second = price(document, "Page", Map.of("slug", "globex", "n", 5, "withComplaints", true), 99);

		assertThat(second).isEqualTo(first);
		assertThat(computed).hasValue(1);
	}

	@Test
	void anotherPageSizeConditionOperationOrDocumentIsPricedAgain() {
		Document document = Parser.parse(BRAND_PAGE);
		price(document, "Page", Map.of("slug", "acme", "n", 5, "withComplaints", true), 60);

		assertThat(price(document, "Page", Map.of("slug", "acme", "n", 50, "withComplaints", true), 510).cost())
				.isEqualTo(510);
		assertThat(price(document, "Page", Map.of("slug", "acme", "n", 50, "withComplaints", false), 10).cost())
				.isEqualTo(10);
		assertThat(price(document, "Other", Map.of("slug", "acme", "n", 5, "withComplaints", true), 70).cost())
				.isEqualTo(70);
		// Two documents named by a persisted query's hash alone have the same text (none): the document tells them apart.
		assertThat(price(Parser.parse(BRAND_PAGE), "Page", Map.of("slug", "acme", "n", 5, "withComplaints", true), 80)
				.cost()).isEqualTo(80);
		assertThat(computed).hasValue(5);
	}

	@Test
	void aPriceThatCouldNotBeComputedIsNotKept() {
		Document document = Parser.parse(BRAND_PAGE);
		Map<String, Object> variables = new HashMap<>(Map.of("slug", "acme", "withComplaints", true));

		assertThat(prices.get(document, "Page", variables, () -> null)).isNull();
		assertThat(price(document, "Page", variables, 25).cost()).isEqualTo(25);
	}

	private OperationPrice price(Document document, String operation, Map<String, Object> variables, long cost) {
		return prices.get(document, operation, variables, () -> {
			computed.incrementAndGet();
			return new OperationPrice(cost, 0);
		});
	}
}
