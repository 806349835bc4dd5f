package io.redress.complaint;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import graphql.schema.DataFetchingEnvironment;
import io.redress.brand.Brand;
import io.redress.shared.Connection;
import io.redress.shared.PageRequest;
import org.dataloader.DataLoader;
import reactor.core.publisher.Flux;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

/** Maps {@code Brand.inbox}. */
@Controller
class InboxController {

	private static final String INBOXES = "brandInboxes";

	private final Inbox inbox;

	InboxController(Inbox inbox, BatchLoaderRegistry loaders) {
		this.inbox = inbox;
		// The inbox takes arguments, which @BatchMapping cannot pass: a keyed loader batches it instead, one statement
		// per distinct set of arguments in a request however many brands ask.
		loaders.<InboxKey, Connection<Complaint>>forName(INBOXES).registerMappedBatchLoader((keys, env) ->
				Flux.fromIterable(keys.stream().collect(Collectors.groupingBy(InboxKey::arguments)).entrySet())
						.concatMap(group -> inbox.pages(group.getValue().stream().map(InboxKey::brandId)
								.collect(Collectors.toSet()), group.getKey())
								.flatMapIterable(byBrand -> group.getValue().stream()
										.map(key -> Map.entry(key, byBrand.get(key.brandId()))).toList()))
						.collectMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	@SchemaMapping(typeName = "Brand")
	CompletableFuture<Connection<Complaint>> inbox(Brand brand, @Argument Integer first, @Argument String after,
			@Argument InboxFilter filter, @Argument InboxOrder orderBy, DataFetchingEnvironment environment) {
		DataLoader<InboxKey, Connection<Complaint>> loader = environment.getDataLoader(INBOXES);
		return loader.load(new InboxKey(brand.id(), inbox.arguments(PageRequest.of(first, after), filter, orderBy)));
	}

	/**
	 * The brand the consumer filed against, when this complaint came in a brand's inbox as a case that brand is a
	 * partner in; null otherwise.
	 */
	@SchemaMapping(typeName = "Complaint")
	CompletableFuture<Brand> partnerCaseOf(Complaint complaint, DataFetchingEnvironment environment) {
		if (!complaint.related().partnerCase()) {
			return CompletableFuture.completedFuture(null);
		}
		if (complaint.related().brand() != null) {
			return CompletableFuture.completedFuture(complaint.related().brand());
		}
		DataLoader<Complaint, Brand> brands = environment.getDataLoader(ComplaintController.BRANDS);
		return brands.load(complaint);
	}

	/** One brand's inbox page: the brand, and the arguments it shares with every brand asking alike. */
	record InboxKey(long brandId, Inbox.InboxArguments arguments) {
	}
}
