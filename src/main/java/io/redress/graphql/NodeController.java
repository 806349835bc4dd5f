package io.redress.graphql;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.redress.shared.GlobalId;
import io.redress.shared.NodeLookup;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.stereotype.Controller;

/** {@code node(id:)}: decodes the global id and asks the module that owns the type. */
@Controller
class NodeController {

	private final Map<String, NodeLookup> lookups;

	NodeController(List<NodeLookup> lookups) {
		this.lookups = lookups.stream().collect(Collectors.toMap(NodeLookup::typeName, Function.identity()));
	}

	/** An id that is malformed, of an unknown type, or of a node the caller may not read answers null alike. */
	@QueryMapping
	Mono<Object> node(@Argument String id) {
		return Mono.justOrEmpty(GlobalId.decode(id))
				.flatMap(globalId -> {
					NodeLookup lookup = lookups.get(globalId.type());
					return lookup == null ? Mono.empty() : lookup.byId(globalId.id()).cast(Object.class);
				});
	}
}
