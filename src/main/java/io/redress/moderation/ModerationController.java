package io.redress.moderation;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import graphql.schema.DataFetchingEnvironment;

import io.redress.brand.Brand;
import io.redress.complaint.Complaint;
import io.redress.complaint.ComplaintEvent;
import io.redress.complaint.ModerationStatus;
import io.redress.moderation.ModerationInputs.AppealRuling;
import io.redress.moderation.ModerationInputs.FlagContent;
import io.redress.moderation.ModerationInputs.HideFlaggedContent;
import io.redress.moderation.ModerationInputs.RuleOnFlag;
import io.redress.shared.Connection;
import io.redress.shared.GlobalId;
import io.redress.shared.PageRequest;
import org.dataloader.DataLoader;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

/**
 * Maps the moderation operations, the {@code Flag} type, a brand's ledger, a notice's flag, the signal rules and
 * whether a complaint is under review.
 */
@Controller
class ModerationController {

	private final FlagFiling filing;
	private final FlagRulings rulings;
	private final FlagAppeals appeals;
	private final FlagDirectory directory;
	private final JsonMapper json;
	private final SignalSettings signals;

	private static final String LOG_LOADER = "moderationLog";

	ModerationController(FlagFiling filing, FlagRulings rulings, FlagAppeals appeals, FlagDirectory directory,
			JsonMapper json, SignalSettings signals, BatchLoaderRegistry loaders) {
		this.filing = filing;
		this.rulings = rulings;
		this.appeals = appeals;
		this.directory = directory;
		this.json = json;
		this.signals = signals;
		// moderationLog takes arguments, which @BatchMapping cannot pass: a keyed loader batches it instead, one
		// statement per distinct page in a request however many brands ask.
		loaders.<LogKey, Connection<LedgerEntry>>forName(LOG_LOADER).registerMappedBatchLoader((keys, env) ->
				Flux.fromIterable(keys.stream().collect(Collectors.groupingBy(LogKey::page)).entrySet())
						.concatMap(group -> directory.logs(group.getValue().stream().map(LogKey::brandId)
								.collect(Collectors.toSet()), group.getKey())
								.flatMapIterable(byBrand -> group.getValue().stream()
										.map(key -> Map.entry(key, byBrand.get(key.brandId()))).toList()))
						.collectMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	@MutationMapping
	Mono<FlagPayload> flagContent(@Argument FlagContent input) {
		return filing.flag(input);
	}

	@MutationMapping
	Mono<FlagPayload> hideFlaggedContent(@Argument HideFlaggedContent input) {
		return rulings.hide(input);
	}

	@MutationMapping
	Mono<FlagPayload> ruleOnFlag(@Argument RuleOnFlag input) {
		return rulings.rule(input);
	}

	@MutationMapping
	Mono<FlagPayload> appealRuling(@Argument AppealRuling input) {
		return appeals.appeal(input);
	}

	@QueryMapping
	Mono<Connection<Flag>> moderationQueue(@Argument Integer first, @Argument String after,
			@Argument QueueFilter filter) {
		QueueFilter given = filter == null ? new QueueFilter(null, null) : filter;
		return directory.queue(PageRequest.of(first, after), given.reason(), given.status());
	}

	@QueryMapping
	List<SignalRuleInfo> signalRules() {
		return Arrays.stream(SignalRule.values()).map(rule -> SignalRuleInfo.of(rule, signals)).toList();
	}

	@SchemaMapping(typeName = "Flag")
	SignalRuleInfo signal(Flag flag) {
		return flag.signal() == null ? null : SignalRuleInfo.of(flag.signal(), signals);
	}

	/** Held by a signal or hidden at once: either way out of the score until a moderator rules. */
	@SchemaMapping(typeName = "Complaint")
	boolean underReview(Complaint complaint) {
		return complaint.moderation() == ModerationStatus.HELD || complaint.moderation() == ModerationStatus.HIDDEN;
	}

	// One statement for a whole page of complaints.
	@BatchMapping(typeName = "Complaint")
	Mono<Map<Complaint, ComplaintReview>> review(List<Complaint> batch) {
		return directory.reviews(batch);
	}

	@SchemaMapping(typeName = "Flag")
	String id(Flag flag) {
		return GlobalId.encode(Flag.TYPE, flag.id());
	}

	@SchemaMapping(typeName = "Flag")
	String targetId(Flag flag) {
		return GlobalId.encode(flag.targetKind().typeName(), flag.targetId());
	}

	@SchemaMapping(typeName = "Flag")
	String complaintId(Flag flag) {
		return GlobalId.encode(Complaint.TYPE, flag.complaintId());
	}

	// One statement for a whole page of flags, not one per flag.
	@BatchMapping(typeName = "Flag")
	Mono<Map<Flag, FlagRuling>> ruling(List<Flag> batch) {
		return directory.rulings(batch);
	}

	@BatchMapping(typeName = "Flag")
	Mono<Map<Flag, List<FlagHistoryEntry>>> history(List<Flag> batch) {
		return directory.histories(batch);
	}

	// One statement for a whole page of brands.
	@BatchMapping(typeName = "Brand")
	Mono<Map<Brand, LedgerSummary>> moderation(List<Brand> batch) {
		return directory.summaries(batch);
	}

	@SchemaMapping(typeName = "Brand")
	CompletableFuture<Connection<LedgerEntry>> moderationLog(Brand brand, @Argument Integer first,
			@Argument String after, DataFetchingEnvironment environment) {
		DataLoader<LogKey, Connection<LedgerEntry>> loader = environment.getDataLoader(LOG_LOADER);
		return loader.load(new LogKey(brand.id(), PageRequest.of(first, after)));
	}

	/** The flag a moderation notice is about, read with the subscriber's rights; null on other events. */
	@SchemaMapping(typeName = "ComplaintEvent")
	Mono<Flag> flag(ComplaintEvent event) {
		JsonNode flagId = event.payload() == null ? null : json.readTree(event.payload()).get("flagId");
		return flagId == null || !flagId.isNumber() ? Mono.empty() : directory.byId(flagId.asLong());
	}

	/** One brand's ledger page. */
	record LogKey(long brandId, PageRequest page) {
	}

	/** The queue's filter: a reason, a status (without one, the flags waiting for a moderator). */
	record QueueFilter(FlagReason reason, FlagStatus status) {
	}
}
