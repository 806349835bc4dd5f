package io.redress.thread;

import graphql.schema.idl.RuntimeWiring;
import io.redress.complaint.Complaint;
import io.redress.shared.GlobalId;
import io.redress.shared.LoadedField;
import io.redress.shared.PageRequest;
import io.redress.shared.PlainField;

import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;

/**
 * The thread's fields run once for every complaint of a list or every message of a thread: a complaint's page of
 * messages is its key for the keyed loader (ThreadController), a message's id a plain field; neither is a
 * {@code @SchemaMapping} paying a handler method and context propagation per row.
 */
@Component
class ThreadFields implements RuntimeWiringConfigurer {

	@Override
	public void configure(RuntimeWiring.Builder wiring) {
		wiring.type("Complaint", type -> type.dataFetcher("messages", LoadedField.<Complaint, ThreadPage.Position>of(
				ThreadController.THREAD_LOADER, environment -> ThreadPage.Position.of(
						PageRequest.of(environment.getArgument("first"), environment.getArgument("after"))),
				ThreadPage::of)));
		wiring.type("Message", type -> type.dataFetcher("id",
				PlainField.<Message>of(message -> GlobalId.encode(Message.TYPE, message.id()))));
	}
}
