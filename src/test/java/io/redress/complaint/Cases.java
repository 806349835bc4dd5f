package io.redress.complaint;

import java.util.HashMap;
import java.util.Map;

import org.springframework.graphql.test.tester.GraphQlTester;

/** The lifecycle mutations and the complaint view, by name. */
final class Cases {

	private Cases() {
	}

	static GraphQlTester.Response post(GraphQlTester author, String complaintId, String body, String visibility) {
		return author.documentName("postMessage")
				.variable("input", Map.of("complaintId", complaintId, "body", body, "visibility", visibility))
				.execute();
	}

	/** Runs one of the lifecycle mutations of {@code lifecycle.graphql}; the complaint id is added to the input. */
	static GraphQlTester.Response act(GraphQlTester caller, String mutation, String complaintId,
			Map<String, Object> more) {
		Map<String, Object> input = new HashMap<>(more);
		input.put("complaintId", complaintId);
		return caller.documentName("lifecycle").operationName(mutation).variable("input", input).execute();
	}

	static GraphQlTester.Response act(GraphQlTester caller, String mutation, String complaintId) {
		return act(caller, mutation, complaintId, Map.of());
	}

	static GraphQlTester.Response view(GraphQlTester viewer, String complaintId) {
		return viewer.documentName("complaintView").variable("id", complaintId).execute();
	}
}
