package io.redress.complaint;

import io.redress.brand.Brand;
import io.redress.shared.Connection;
import io.redress.shared.PageRequest;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/**
 * Maps {@code Brand.inbox}: one statement per brand asked. A team works one inbox at a time, and the page's size
 * counts in the caller's budget for every brand that asks for it.
 */
@Controller
class InboxController {

	private final Inbox inbox;

	InboxController(Inbox inbox) {
		this.inbox = inbox;
	}

	@SchemaMapping(typeName = "Brand")
	Mono<Connection<Complaint>> inbox(Brand brand, @Argument Integer first, @Argument String after,
			@Argument InboxFilter filter, @Argument InboxOrder orderBy) {
		return Mono.defer(() -> inbox.page(brand.id(), PageRequest.of(first, after), filter, orderBy));
	}
}
