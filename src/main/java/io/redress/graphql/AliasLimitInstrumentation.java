package io.redress.graphql;

import java.util.concurrent.atomic.AtomicInteger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.ExecutionResult;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.Node;
import graphql.language.NodeTraverser;
import graphql.language.NodeVisitorStub;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;

/**
 * Refuses documents with more aliased fields than allowed: aliases let one small request ask for the same costly
 * field many times over, which depth and complexity limits alone price too low. The count depends on the document
 * alone, so it is kept with the parsed document ({@link ParsedDocuments} keeps that as one object for as long as
 * clients send it): walking the whole document on every request was 5 % of Q1's allocations.
 */
final class AliasLimitInstrumentation extends SimplePerformantInstrumentation {

	private final int maxAliases;

	private final Cache<Document, Integer> counts = Caffeine.newBuilder().weakKeys().build();

	AliasLimitInstrumentation(int maxAliases) {
		this.maxAliases = maxAliases;
	}

	@Override
	public InstrumentationContext<ExecutionResult> beginExecuteOperation(
			InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
		int aliases = counts.get(parameters.getExecutionContext().getDocument(), AliasLimitInstrumentation::aliases);
		if (aliases > maxAliases) {
			throw new AbortExecutionException(
					"The operation uses " + aliases + " aliases; at most " + maxAliases + " are allowed");
		}
		return SimpleInstrumentationContext.noOp();
	}

	/** The aliased fields of {@code document}, in all its operations and fragments. */
	private static int aliases(Document document) {
		AtomicInteger aliases = new AtomicInteger();
		// Pre-order visits each field once; depth-first would visit it on the way in and again on the way out.
		new NodeTraverser().preOrder(new NodeVisitorStub() {
			@Override
			public TraversalControl visitField(Field field, TraverserContext<Node> context) {
				if (field.getAlias() != null) {
					aliases.incrementAndGet();
				}
				return TraversalControl.CONTINUE;
			}
		}, document);
		return aliases.get();
	}
}
