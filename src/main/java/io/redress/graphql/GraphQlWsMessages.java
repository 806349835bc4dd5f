package io.redress.graphql;

import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The graphql-transport-ws messages a client may send, checked before Spring for GraphQL reads them: the protocol
 * closes the socket with 4400 on any malformed message, where a message that fails to decode would otherwise end
 * the socket with no status at all.
 */
final class GraphQlWsMessages {

	private static final Set<String> TYPES = Set.of("connection_init", "ping", "pong", "subscribe", "complete");

	private final JsonMapper json;

	GraphQlWsMessages(JsonMapper json) {
		this.json = json;
	}

	/** Whether a text frame is a well-formed client message of the protocol. */
	boolean wellFormed(String text) {
		JsonNode message;
		try {
			message = json.readTree(text);
		}
		catch (JacksonException ex) {
			return false;
		}
		if (message == null || !message.isObject() || !message.path("type").isString()
				|| !TYPES.contains(message.path("type").asString())) {
			return false;
		}
		JsonNode payload = message.path("payload");
		return switch (message.path("type").asString()) {
			case "subscribe" -> message.path("id").isString() && !message.path("id").asString().isEmpty()
					&& payload.isObject() && payload.path("query").isString();
			case "complete" -> message.path("id").isString();
			default -> payload.isMissingNode() || payload.isNull() || payload.isObject();
		};
	}
}
