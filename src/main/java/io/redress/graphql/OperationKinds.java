package io.redress.graphql;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;

import org.springframework.graphql.server.WebGraphQlRequest;

/** Which kind of operation a request runs, for the rare answer given without graphql-java's own parse at hand. */
final class OperationKinds {

	private OperationKinds() {
	}

	static boolean isMutation(WebGraphQlRequest request) {
		try {
			Document document = Parser.parse(request.getDocument());
			String name = request.getOperationName();
			return document.getDefinitionsOfType(OperationDefinition.class).stream()
					.filter(operation -> name == null || name.equals(operation.getName()))
					.findFirst()
					.map(operation -> operation.getOperation() == OperationDefinition.Operation.MUTATION)
					.orElse(false);
		}
		catch (InvalidSyntaxException ex) {
			return false;
		}
	}
}
