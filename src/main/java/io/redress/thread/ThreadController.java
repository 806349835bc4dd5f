package io.redress.thread;

import java.util.List;
import java.util.Map;

import io.redress.complaint.Complaint;
import io.redress.complaint.ComplaintEvent;
import io.redress.shared.Connection;
import io.redress.shared.GlobalId;
import io.redress.shared.PageRequest;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Maps the thread fields of {@code Complaint}, the {@code Message} type and {@code postMessage}. */
@Controller
class ThreadController {

	private final MessageDirectory directory;
	private final ThreadManagement management;

	ThreadController(MessageDirectory directory, ThreadManagement management) {
		this.directory = directory;
		this.management = management;
	}

	@SchemaMapping(typeName = "Complaint")
	Mono<Connection<Message>> messages(Complaint complaint, @Argument Integer first, @Argument String after) {
		return Mono.defer(() -> directory.thread(complaint, PageRequest.of(first, after)));
	}

	// Batched: a page of complaints with their latest messages costs one statement.
	@BatchMapping(typeName = "Complaint")
	Mono<Map<Complaint, List<Message>>> latestMessages(List<Complaint> complaints) {
		return directory.latest(complaints);
	}

	@SchemaMapping(typeName = "Message")
	String id(Message message) {
		return GlobalId.encode(Message.TYPE, message.id());
	}

	@SchemaMapping(typeName = "ComplaintEvent")
	Mono<Message> message(ComplaintEvent event) {
		return event.messageId() == null ? Mono.empty() : directory.byId(event.messageId());
	}

	@MutationMapping
	Mono<PostMessagePayload> postMessage(@Argument PostMessageInput input) {
		return management.post(input);
	}
}
