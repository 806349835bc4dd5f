package io.redress.graphql;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

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

	private final OperationPrices prices = new OperationPrices();

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
		OperationPrice price = prices.get(entry.getDocument(), input.getOperationName(), input.getVariables(),
				() -> computed(entry, input));
		// Variables that do not fit the operation: execution refuses it with a proper error right after this. Such a
		// price is not kept, so that one bad request cannot set the price of good ones.
		return price != null ? price : OperationPrice.base(baseCost);
	}

	/** The operation's price, or null when its variables do not fit it. */
	private OperationPrice computed(PreparsedDocumentEntry entry, ExecutionInput input) {
		try {
			return OperationPrice.of(entry.getDocument(), input, schema.get(), baseCost, contentMutations);
		}
		catch (RuntimeException ex) {
			return null;
		}
	}
}
