package io.redress.graphql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.language.Argument;
import graphql.language.Directive;
import graphql.language.Document;
import graphql.language.Node;
import graphql.language.VariableReference;

/**
 * Prices already computed ({@link OperationPrice}: pricing walks the document twice), kept with the parsed document
 * they are for, which {@link ParsedDocuments} keeps as one object for as long as clients send its text (or its
 * persisted query's hash): they go when it goes. A price depends on the operation's name and on the variables given
 * to a page size ({@code first}, see {@link PageSizeComplexity}) or to {@code @skip} and {@code @include}, and on no
 * other variable, so {@code brand(slug: $slug)} is priced once whatever the slug.
 */
final class OperationPrices {

	/** Prices kept per document: page sizes and conditions sent as variables could make any number of them. */
	static final int MAX_PER_DOCUMENT = 256;

	private final Cache<Document, DocumentPrices> byDocument = Caffeine.newBuilder().weakKeys().build();

	/**
	 * The price of {@code operationName} in {@code document} with {@code variables}: kept, or computed by
	 * {@code price}; a null price (variables that do not fit the operation) is returned and not kept.
	 */
	OperationPrice get(Document document, String operationName, Map<String, Object> variables,
			Supplier<OperationPrice> price) {
		DocumentPrices prices = byDocument.get(document, DocumentPrices::of);
		List<Object> key = prices.key(operationName, variables);
		OperationPrice known = prices.prices().get(key);
		if (known != null) {
			return known;
		}
		OperationPrice computed = price.get();
		if (computed != null && prices.prices().size() < MAX_PER_DOCUMENT) {
			prices.prices().put(key, computed);
		}
		return computed;
	}

	/** The variables (sorted by name) used anywhere in the document as a page size or a condition of inclusion. */
	static List<String> variablesPriced(Document document) {
		Set<String> read = new TreeSet<>();
		collect(document, false, read);
		return List.copyOf(read);
	}

	private static void collect(Node<?> node, boolean priced, Set<String> read) {
		if (priced && node instanceof VariableReference variable) {
			read.add(variable.getName());
		}
		for (Node<?> child : node.getChildren()) {
			collect(child, priced || isPriced(node, child), read);
		}
	}

	/** Whether {@code child} of {@code node} is an argument a price reads: a page size, or skip's or include's. */
	private static boolean isPriced(Node<?> node, Node<?> child) {
		if (!(child instanceof Argument argument)) {
			return false;
		}
		if (node instanceof Directive directive) {
			return directive.getName().equals("skip") || directive.getName().equals("include");
		}
		return argument.getName().equals("first");
	}

	/** One document's priced variables, and its prices by operation name and the values of those variables. */
	private record DocumentPrices(List<String> variables, Map<List<Object>, OperationPrice> prices) {

		static DocumentPrices of(Document document) {
			return new DocumentPrices(variablesPriced(document), new ConcurrentHashMap<>());
		}

		/** The operation's name and the priced variables' values, null for those not sent (a list allows nulls). */
		List<Object> key(String operationName, Map<String, Object> values) {
			List<Object> key = new ArrayList<>(1 + variables.size());
			key.add(operationName);
			for (String name : variables) {
				key.add(values.get(name));
			}
			return key;
		}
	}
}
