package io.redress.graphql;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.PreparsedDocumentProvider;
import graphql.schema.GraphQLSchema;

/**
 * Charges each operation to its caller's budgets once its document is found ({@link DocumentLookup}: its text, or a
 * persisted query's hash), parsed and validated, and before anything runs: this is the one step of graphql-java that
 * may wait (on Redis) without blocking, and by then the document is known to be sound, so its price can be computed.
 * A refused operation is answered with its {@code RATE_LIMITED} error and never executed.
 */
final class OperationCharge implements PreparsedDocumentProvider {

	/** The key under which {@link CallerLimits} leaves the {@link Caller} in the operation's GraphQL context. */
	static final String CALLER = OperationCharge.class.getName() + ".CALLER";

	private final CallerBudgets budgets;
	private final Supplier<GraphQLSchema> schema;
	private final long baseCost;
	private final Set<String> contentMutations;
	private final DocumentLookup documents;

	/**
	 * Prices of operations sent without variables, by document and operation name: such an operation always costs
	 * the same, and pricing walks its document twice. Bounded, like the parsed documents, by the documents' length.
	 */
	private final Cache<List<String>, OperationPrice> fixedPrices = Caffeine.newBuilder()
			.maximumWeight(1_000_000).weigher((List<String> key, OperationPrice price) -> key.get(0).length()).build();

	OperationCharge(CallerBudgets budgets, Supplier<GraphQLSchema> schema, LimitSettings settings,
			DocumentLookup documents) {
		this.budgets = budgets;
		this.documents = documents;
		this.schema = schema;
		this.baseCost = settings.baseCost();
		this.contentMutations = Set.copyOf(settings.contentMutations());
	}

	@Override
	public CompletableFuture<PreparsedDocumentEntry> getDocumentAsync(ExecutionInput input,
			Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
		return documents.get(input, parseAndValidate).thenCompose(entry -> charge(entry, input));
	}

	private CompletableFuture<PreparsedDocumentEntry> charge(PreparsedDocumentEntry entry, ExecutionInput input) {
		Caller caller = input.getGraphQLContext().get(CALLER);
		if (caller == null) {
			return CompletableFuture.completedFuture(entry);
		}
		return budgets.charge(caller, price(entry, input))
				.thenApply(refusal -> refusal.map(PreparsedDocumentEntry::new).orElse(entry));
	}

	private OperationPrice price(PreparsedDocumentEntry entry, ExecutionInput input) {
		if (entry.hasErrors()) {
			return OperationPrice.base(baseCost);
		}
		if (input.getVariables().isEmpty()) {
			return fixedPrices.get(Arrays.asList(input.getQuery(), input.getOperationName()),
					key -> computed(entry, input));
		}
		return computed(entry, input);
	}

	private OperationPrice computed(PreparsedDocumentEntry entry, ExecutionInput input) {
		try {
			return OperationPrice.of(entry.getDocument(), input, schema.get(), baseCost, contentMutations);
		}
		catch (RuntimeException ex) {
			// Variables that do not fit the operation: execution refuses it with a proper error right after this.
			return OperationPrice.base(baseCost);
		}
	}
}
