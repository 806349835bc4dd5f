package io.redress.thread;

import io.redress.shared.NodeLookup;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/** {@code node(id:)} finds a message the viewer may read: private ones only for the complaint's participants. */
@Component
class MessageNodeLookup implements NodeLookup {

	private final MessageDirectory directory;

	MessageNodeLookup(MessageDirectory directory) {
		this.directory = directory;
	}

	@Override
	public String typeName() {
		return Message.TYPE;
	}

	@Override
	public Mono<Message> find(long id) {
		return directory.byId(id);
	}
}
