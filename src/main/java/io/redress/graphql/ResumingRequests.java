package io.redress.graphql;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import graphql.GraphQLContext;
import graphql.execution.SubscriptionExecutionStrategy;
import graphql.introspection.Introspection;
import graphql.language.Argument;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.language.VariableReference;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;

import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebSocketGraphQlRequest;

/**
 * Subscriptions that resume from a cursor ({@code after: $after}), as {@link SharedSubscriptions} hands them over to a
 * shared stream: which requests can be handed over, and the same request without its cursor.
 */
final class ResumingRequests {

	private static final String AFTER = "after";
	private static final Pattern AFTER_VARIABLE = Pattern.compile("\\$after\\b");

	/** What the interceptors around {@link SharedSubscriptions} put in a request's GraphQL context, for a request made here. */
	private static final List<Object> CONTEXT_KEPT = List.of(OperationCharge.CALLER,
			SubscriptionExecutionStrategy.KEEP_SUBSCRIPTION_EVENTS_ORDERED, Introspection.INTROSPECTION_DISABLED);

	private ResumingRequests() {
	}

	/**
	 * Whether the request resumes from a cursor in the one way a shared stream can take it over: the subscription's
	 * field takes {@code after: $after}, the variable is used nowhere else, and it has a value. Anything else runs on
	 * its own execution, as it is.
	 */
	static boolean resumes(WebGraphQlRequest request) {
		if (request.getVariables().get(AFTER) == null || request.getDocument() == null
				|| AFTER_VARIABLE.matcher(request.getDocument()).results().count() != 2) {
			return false;
		}
		try {
			Document document = Parser.parse(request.getDocument());
			String name = request.getOperationName();
			return document.getDefinitionsOfType(OperationDefinition.class).stream()
					.filter(operation -> name == null || name.equals(operation.getName()))
					.findFirst()
					.filter(operation -> operation.getOperation() == OperationDefinition.Operation.SUBSCRIPTION)
					.flatMap(operation -> operation.getSelectionSet().getSelectionsOfType(Field.class).stream()
							.findFirst())
					.map(field -> field.getArguments().stream().anyMatch(ResumingRequests::isAfterVariable))
					.orElse(false);
		}
		catch (InvalidSyntaxException ex) {
			return false;
		}
	}

	private static boolean isAfterVariable(Argument argument) {
		return argument.getName().equals(AFTER) && argument.getValue() instanceof VariableReference reference
				&& reference.getName().equals(AFTER);
	}

	/**
	 * The same request without its cursor, for the caller the request's own execution was prepared for: it is
	 * validated and charged as one more operation of theirs, and never runs unless it starts a group.
	 * Its data loaders are the caller's to configure.
	 */
	static WebGraphQlRequest withoutCursor(WebGraphQlRequest request, GraphQLContext context) {
		Map<String, Object> variables = withoutCursor(request.getVariables());
		Map<String, Object> body = new HashMap<>();
		body.put("query", request.getDocument());
		body.put("operationName", request.getOperationName());
		body.put("variables", variables);
		body.put("extensions", request.getExtensions());
		WebGraphQlRequest live = request instanceof WebSocketGraphQlRequest socketRequest
				? new WebSocketGraphQlRequest(request.getUri().toUri(), request.getHeaders(), request.getCookies(),
						request.getRemoteAddress(), request.getAttributes(), body, request.getId() + " live",
						request.getLocale(), socketRequest.getSessionInfo())
				: new WebGraphQlRequest(request.getUri().toUri(), request.getHeaders(), request.getCookies(),
						request.getRemoteAddress(), request.getAttributes(), body, request.getId() + " live",
						request.getLocale());
		Map<Object, Object> kept = new HashMap<>();
		for (Object name : CONTEXT_KEPT) {
			context.getOrEmpty(name).ifPresent(value -> kept.put(name, value));
		}
		live.configureExecutionInput((input, builder) -> builder.graphQLContext(kept).build());
		return live;
	}

	/** {@code variables} without the cursor. */
	static Map<String, Object> withoutCursor(Map<String, Object> variables) {
		Map<String, Object> without = new HashMap<>(variables);
		without.remove(AFTER);
		return without;
	}
}
