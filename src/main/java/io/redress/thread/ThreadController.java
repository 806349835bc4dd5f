package io.redress.thread;

import java.util.List;
import java.util.Map;

import io.redress.complaint.Complaint;
import io.redress.complaint.ComplaintEvent;
import io.redress.shared.Connection;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

/** Maps the thread fields of {@code Complaint}, the {@code Message} type and {@code postMessage}. */
@Controller
class ThreadController {

	/** Complaint.messages' keyed loader. */
	static final String THREAD_LOADER = "threadPages";

	private final MessageDirectory directory;
	private final ThreadManagement management;
	private final MessageKeeping keeping;

	ThreadController(MessageDirectory directory, ThreadManagement management, MessageKeeping keeping,
			BatchLoaderRegistry loaders) {
		this.directory = directory;
		this.management = management;
		this.keeping = keeping;
		// messages takes arguments, which @BatchMapping cannot pass: a keyed loader batches it instead, one statement
		// for every thread page of a request whatever their arguments, each key carrying its own.
		loaders.<ThreadPage, Connection<Message>>forName(THREAD_LOADER)
				.registerMappedBatchLoader((keys, env) -> directory.threads(keys));
	}

	// Complaint.messages and Message.id are wired in ThreadFields.

	// Batched: a page of complaints with their latest messages costs one statement.
	@BatchMapping(typeName = "Complaint")
	Mono<Map<Complaint, List<Message>>> latestMessages(List<Complaint> complaints) {
		return directory.latest(complaints);
	}

	@SchemaMapping(typeName = "ComplaintEvent")
	Mono<Message> message(ComplaintEvent event) {
		return event.messageId() == null ? Mono.empty() : directory.byId(event.messageId());
	}

	@MutationMapping
	Mono<PostMessagePayload> postMessage(@Argument PostMessageInput input) {
		return management.post(input);
	}

	@MutationMapping
	Mono<KeepMessageFromPartnersPayload> keepMessageFromPartners(@Argument KeepMessageFromPartnersInput input) {
		return keeping.keep(input);
	}
}
