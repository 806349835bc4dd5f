package io.redress.graphql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionResult;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.language.Document;

/**
 * Operations already found within one query limit (depth or complexity), kept with the parsed document they are
 * for, as {@link OperationPrices} keeps prices: {@link ParsedDocuments} keeps that document as one object for as long
 * as clients send it, and the verdicts go when it goes. Like a price, a verdict depends on the operation's name and
 * on the variables given to a page size ({@code first}) or to {@code @skip} and {@code @include}
 * ({@link OperationPrices#variablesPriced}), and on no other variable, so {@code brand(slug: $slug)} is checked once
 * whatever the slug. Only operations within the limit are kept: one over it is checked again each time, so that its
 * refusal is made, with its error, exactly as before.
 */
final class PassedLimits {

	private final Cache<Document, DocumentVerdicts> byDocument = Caffeine.newBuilder().weakKeys().build();

	/**
	 * Runs {@code check} (a limit's own check, which throws when the operation is over it) unless the operation was
	 * found within the limit before, and keeps that it is once the check passes.
	 */
	InstrumentationContext<ExecutionResult> checkOnce(ExecutionContext context,
			Supplier<InstrumentationContext<ExecutionResult>> check) {
		if (passed(context)) {
			return SimpleInstrumentationContext.noOp();
		}
		InstrumentationContext<ExecutionResult> checked = check.get();
		pass(context);
		return checked;
	}

	/** Whether the operation {@code context} runs was found within the limit before. */
	boolean passed(ExecutionContext context) {
		DocumentVerdicts verdicts = byDocument.getIfPresent(context.getDocument());
		return verdicts != null && verdicts.passed().containsKey(verdicts.key(context));
	}

	/** Keeps that the operation {@code context} runs is within the limit. */
	void pass(ExecutionContext context) {
		DocumentVerdicts verdicts = byDocument.get(context.getDocument(), DocumentVerdicts::of);
		if (verdicts.passed().size() < OperationPrices.MAX_PER_DOCUMENT) {
			verdicts.passed().put(verdicts.key(context), Boolean.TRUE);
		}
	}

	/** One document's variables read by a limit, and the operations within it, by name and those variables' values. */
	private record DocumentVerdicts(List<String> variables, Map<List<Object>, Boolean> passed) {

		static DocumentVerdicts of(Document document) {
			return new DocumentVerdicts(OperationPrices.variablesPriced(document),
					new ConcurrentHashMap<>());
		}

		/** The operation's name and the values (as coerced, which is what the limits read) of the variables read. */
		List<Object> key(ExecutionContext context) {
			Map<String, Object> values = context.getCoercedVariables().toMap();
			List<Object> key = new ArrayList<>(1 + variables.size());
			key.add(context.getOperationDefinition().getName());
			for (String name : variables) {
				key.add(values.get(name));
			}
			return key;
		}
	}
}
