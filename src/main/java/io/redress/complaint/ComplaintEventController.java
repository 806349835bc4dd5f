package io.redress.complaint;

import io.redress.shared.GlobalId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.data.method.annotation.SubscriptionMapping;
import org.springframework.stereotype.Controller;

/** Maps the complaint subscriptions and the {@code ComplaintEvent} type. */
@Controller
class ComplaintEventController {

	private final ComplaintSubscriptions subscriptions;
	private final ComplaintDirectory directory;

	ComplaintEventController(ComplaintSubscriptions subscriptions, ComplaintDirectory directory) {
		this.subscriptions = subscriptions;
		this.directory = directory;
	}

	@SubscriptionMapping
	Flux<ComplaintEvent> complaintEvents(@Argument String complaintId, @Argument String after) {
		return Flux.defer(() -> subscriptions.ofComplaint(complaintId, after));
	}

	@SubscriptionMapping
	Flux<ComplaintEvent> brandEvents(@Argument String brandId, @Argument String after) {
		return Flux.defer(() -> subscriptions.ofBrand(brandId, after));
	}

	@SubscriptionMapping
	Flux<ComplaintEvent> viewerEvents(@Argument String after) {
		return Flux.defer(() -> subscriptions.ofViewer(after));
	}

	/** Read when the event is delivered, with the subscriber's rights: masked or whole, as a query would show it. */
	@SchemaMapping(typeName = "ComplaintEvent")
	Mono<Complaint> complaint(ComplaintEvent event) {
		return event.complaintId() == null ? Mono.empty() : directory.byId(event.complaintId());
	}

	@SchemaMapping(typeName = "ComplaintEvent")
	String complaintId(ComplaintEvent event) {
		return event.complaintId() == null ? null : GlobalId.encode(Complaint.TYPE, event.complaintId());
	}
}
