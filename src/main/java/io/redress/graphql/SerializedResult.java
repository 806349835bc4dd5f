package io.redress.graphql;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.util.RawValue;

/**
 * One subscription event's result, serialised once for all the subscribers that share it: its specification map
 * holds the JSON text of {@code data}, {@code errors} and {@code extensions}, which the WebSocket and Server-Sent
 * Event handlers copy as they are into each subscriber's own frame ({@code {"id":…,"type":"next","payload":…}}).
 * The result itself stays readable ({@link #getErrors()} for {@link IncompleteEvents}), and it carries the log
 * position of its event.
 */
final class SerializedResult implements ExecutionResult {

	private final ExecutionResult result;
	private final Map<String, Object> specification;
	private final long position;

	private SerializedResult(ExecutionResult result, Map<String, Object> specification, long position) {
		this.result = result;
		this.specification = specification;
		this.position = position;
	}

	static SerializedResult of(ExecutionResult result, long position, JsonMapper json) {
		Map<String, Object> serialised = new LinkedHashMap<>();
		result.toSpecification().forEach((key, value) -> serialised.put(key, new RawValue(json.writeValueAsString(value))));
		return new SerializedResult(result, Collections.unmodifiableMap(serialised), position);
	}

	/** The position of the event in the log; -1 when unknown. */
	long position() {
		return position;
	}

	@Override
	public List<GraphQLError> getErrors() {
		return result.getErrors();
	}

	@Override
	public <T> T getData() {
		return result.getData();
	}

	@Override
	public boolean isDataPresent() {
		return result.isDataPresent();
	}

	@Override
	public Map<Object, Object> getExtensions() {
		return result.getExtensions();
	}

	@Override
	public Map<String, Object> toSpecification() {
		return specification;
	}
}
