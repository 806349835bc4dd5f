package io.redress.brand;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.redress.brand.SavedReplyInputs.DeleteSavedReplyInput;
import io.redress.brand.SavedReplyInputs.SaveReplyInput;
import io.redress.brand.SavedReplyInputs.SavedReplyPayload;
import io.redress.security.CurrentViewer;
import io.redress.security.Viewer;
import io.redress.shared.ForbiddenException;
import io.redress.shared.GlobalId;
import io.redress.shared.InputCheck;
import io.redress.shared.NotFoundException;
import io.redress.shared.UserError;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * A brand's saved replies: its owners and managers save and delete them, its members (and moderators) read them.
 * The placeholders are filled when a member posts the text ({@link #fill}).
 */
@Service
public class SavedReplyManagement {

	static final int MAX_TITLE = 100;
	static final int MAX_BODY = 10_000;
	/** Saved replies a brand holds at most, and so lists whole. */
	static final int MAX_PER_BRAND = 200;

	private final SavedReplies replies;
	private final Brands brands;
	private final BrandMembers members;
	private final TeamEvents events;
	private final TransactionalOperator tx;
	private final BrandDirectory directory;

	SavedReplyManagement(SavedReplies replies, Brands brands, BrandMembers members, TeamEvents events,
			TransactionalOperator tx, BrandDirectory directory) {
		this.directory = directory;
		this.replies = replies;
		this.brands = brands;
		this.members = members;
		this.events = events;
		this.tx = tx;
	}

	Mono<SavedReplyPayload> save(SaveReplyInput input) {
		return CurrentViewer.required().flatMap(viewer -> BrandIds.brand(input.brandId()).flatMap(brandId -> {
			InputCheck check = new InputCheck().requiredText("title", input.title(), MAX_TITLE)
					.requiredText("body", input.body(), MAX_BODY);
			if (check.failed()) {
				return Mono.just(SavedReplyPayload.failed(check.errors()));
			}
			return tx.transactional(brands.lock(brandId).switchIfEmpty(Mono.error(new NotFoundException("Brand")))
					.then(requireManager(viewer, brandId))
					.then(replies.count(brandId))
					.flatMap(count -> count >= MAX_PER_BRAND ? Mono.just(tooMany())
							: insert(brandId, input, viewer.subject())));
		}));
	}

	private Mono<SavedReplyPayload> insert(long brandId, SaveReplyInput input, String author) {
		return replies.insert(brandId, input.title().strip(), input.body().strip(), author)
				.flatMap(saved -> events.append(BrandEventType.SAVED_REPLY_SAVED, brandId)
						.thenReturn(new SavedReplyPayload(saved, List.of())));
	}

	private static SavedReplyPayload tooMany() {
		return SavedReplyPayload.failed(List.of(UserError.of("brandId", "TOO_MANY_SAVED_REPLIES",
				"A brand keeps at most " + MAX_PER_BRAND + " saved replies; delete one first")));
	}

	/** A reply the caller may not read is NOT_FOUND, as a missing one; members who do not manage are FORBIDDEN. */
	Mono<SavedReplyPayload> delete(DeleteSavedReplyInput input) {
		return CurrentViewer.required().flatMap(viewer -> Mono.justOrEmpty(GlobalId.decode(input.savedReplyId(),
				SavedReply.TYPE))
				.flatMap(id -> tx.transactional(replies.findById(id)
						.filterWhen(reply -> readable(viewer, reply.brandId()))
						.flatMap(reply -> requireManager(viewer, reply.brandId())
								.then(replies.delete(reply.id()))
								.then(events.append(BrandEventType.SAVED_REPLY_DELETED, reply.brandId()))
								.thenReturn(new SavedReplyPayload(null, List.of())))))
				.switchIfEmpty(Mono.error(() -> new NotFoundException("Saved reply"))));
	}

	private Mono<Boolean> readable(Viewer viewer, long brandId) {
		return viewer.isModerator() ? Mono.just(true) : members.roleOf(brandId, viewer.subject()).hasElement();
	}

	/** Each brand's saved replies for its members and moderators; for everyone else none. */
	Mono<Map<Brand, List<SavedReply>>> ofBrands(List<Brand> batch) {
		return CurrentViewer.get().flatMap(viewer -> {
			Mono<List<Long>> readable = viewer.isModerator()
					? Mono.just(batch.stream().map(Brand::id).toList())
					: !viewer.isAuthenticated() ? Mono.just(List.of())
							: directory.rolesOf(viewer.subject(), batch.stream().map(Brand::id).toList())
									.map(roles -> List.copyOf(roles.keySet()));
			return readable.flatMap(ids -> ids.isEmpty() ? Mono.just(Map.<Long, List<SavedReply>>of())
					: replies.ofBrands(ids, MAX_PER_BRAND).collect(Collectors.groupingBy(SavedReply::brandId)))
					.map(byBrand -> batch.stream().collect(Collectors.toMap(Function.identity(),
							brand -> byBrand.getOrDefault(brand.id(), List.of()), (a, b) -> a)));
		});
	}

	/**
	 * The text a member posts in a complaint's thread with its placeholders filled: {@code {consumerName}} with the
	 * name the consumer shows under, {@code {brandName}} with the brand's name.
	 */
	public Mono<String> fill(String text, long brandId, String consumerName) {
		if (!text.contains("{consumerName}") && !text.contains("{brandName}")) {
			return Mono.just(text);
		}
		return brands.findById(brandId).map(brand -> text.replace("{consumerName}", consumerName)
				.replace("{brandName}", brand.name())).defaultIfEmpty(text);
	}

	private Mono<Void> requireManager(Viewer viewer, long brandId) {
		return members.roleOf(brandId, viewer.subject()).filter(BrandRole::manages)
				.switchIfEmpty(Mono.error(() -> new ForbiddenException("Only the brand's owners and managers keep its saved replies")))
				.then();
	}
}
