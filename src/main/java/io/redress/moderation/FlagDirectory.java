package io.redress.moderation;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.redress.account.AccountManagement;
import io.redress.brand.Brand;
import io.redress.complaint.Complaint;
import io.redress.complaint.ModerationStatus;
import io.redress.security.CurrentViewer;
import io.redress.security.Viewer;
import io.redress.shared.BadRequestException;
import io.redress.shared.Connection;
import io.redress.shared.Cursors;
import io.redress.shared.ForbiddenException;
import io.redress.shared.NodeLookup;
import io.redress.shared.PageRequest;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * Reading flags and ledgers. Moderators read every flag whole, with its audit trail; the flagger reads their own
 * flag, the author of the flagged content the flags on it (without the flagger's note); for anyone else a flag
 * does not exist. Ledgers are public.
 */
@Service
class FlagDirectory implements NodeLookup {

	private final Flags flags;
	private final Ledger ledger;
	private final AccountManagement accounts;

	FlagDirectory(Flags flags, Ledger ledger, AccountManagement accounts) {
		this.flags = flags;
		this.ledger = ledger;
		this.accounts = accounts;
	}

	@Override
	public String typeName() {
		return Flag.TYPE;
	}

	/** A flag the viewer may read, as they may see it; empty, as for a missing one, otherwise. */
	@Override
	public Mono<Flag> byId(long id) {
		return flags.findById(id).flatMap(this::seen);
	}

	/** The flag as the signed-in viewer may see it; empty when they may not read it. */
	Mono<Flag> seen(Flag flag) {
		return CurrentViewer.get().filter(Viewer::isAuthenticated).flatMap(viewer -> {
			if (viewer.isModerator()) {
				return Mono.just(flag.forModerator());
			}
			return accounts.profileOf(viewer).flatMap(profile -> {
				if (Objects.equals(flag.flaggerId(), profile.id())) {
					return Mono.just(flag);
				}
				return Objects.equals(flag.authorId(), profile.id()) ? Mono.just(flag.forAuthor()) : Mono.empty();
			});
		});
	}

	/** The flag as the caller sees it after a change they made. */
	Mono<FlagPayload> reread(Flag flag) {
		return flags.findById(flag.id()).flatMap(this::seen).map(FlagPayload::ok);
	}

	/**
	 * Why each held complaint of a page is under review: the open signal flags on it, one statement for the page.
	 * Complaints not held by a signal are absent.
	 */
	Mono<Map<Complaint, ComplaintReview>> reviews(List<Complaint> batch) {
		List<Complaint> held = batch.stream().filter(complaint -> complaint.moderation() == ModerationStatus.HELD)
				.toList();
		if (held.isEmpty()) {
			return Mono.just(Map.of());
		}
		return flags.openSignals(held.stream().map(Complaint::id).collect(Collectors.toSet()))
				.collectMultimap(Flag::complaintId)
				.map(byComplaint -> held.stream().filter(complaint -> byComplaint.containsKey(complaint.id()))
						.collect(Collectors.toMap(Function.identity(), complaint -> review(byComplaint.get(complaint.id())),
								(a, b) -> a)));
	}

	private static ComplaintReview review(java.util.Collection<Flag> signals) {
		List<ComplaintReview.TrippedSignal> tripped = signals.stream()
				.map(flag -> new ComplaintReview.TrippedSignal(flag.signal(), flag.note(), flag.createdAt())).toList();
		return new ComplaintReview(tripped.get(0).at(), tripped);
	}

	/** The moderators' queue, oldest first. */
	Mono<Connection<Flag>> queue(PageRequest page, FlagReason reason, FlagStatus status) {
		long afterId = afterId(page);
		return CurrentViewer.required().flatMap(viewer -> {
			if (!viewer.isModerator()) {
				return Mono.error(new ForbiddenException("Only moderators work the moderation queue"));
			}
			return flags.queue(reason, status, afterId, page.fetchSize()).map(Flag::forModerator).collectList()
					.map(rows -> Connection.of(rows, page, flag -> Cursors.encode("f", flag.id())));
		});
	}

	/** The standing ruling of each flag that has one: one statement for the batch. */
	Mono<Map<Flag, FlagRuling>> rulings(List<Flag> batch) {
		return trails(batch).map(byFlag -> batch.stream()
				.filter(flag -> byFlag.getOrDefault(flag.id(), List.of()).stream().anyMatch(FlagHistoryEntry::isRuling))
				.collect(Collectors.toMap(Function.identity(), flag -> FlagRuling.of(byFlag.get(flag.id()).stream()
						.filter(FlagHistoryEntry::isRuling).reduce((first, second) -> second).orElseThrow(),
						flag.moderatorView()), (a, b) -> a)));
	}

	/** Each flag's audit trail for moderators (null for anyone else): one statement for the batch. */
	Mono<Map<Flag, List<FlagHistoryEntry>>> histories(List<Flag> batch) {
		List<Flag> moderated = batch.stream().filter(Flag::moderatorView).toList();
		return trails(moderated).map(byFlag -> moderated.stream().collect(Collectors.toMap(Function.identity(),
				flag -> byFlag.getOrDefault(flag.id(), List.of()), (a, b) -> a)));
	}

	/** Each brand's ledger in numbers: one statement for a page of brands. */
	Mono<Map<Brand, LedgerSummary>> summaries(List<Brand> brands) {
		Set<Long> ids = brands.stream().map(Brand::id).collect(Collectors.toSet());
		return ledger.counts(ids).collectMultimap(Ledger.Count::brandId).map(byBrand -> brands.stream()
				.collect(Collectors.toMap(Function.identity(), brand -> summary(byBrand.get(brand.id())), (a, b) -> a)));
	}

	/** The same page of several brands' ledgers, newest first: one statement. */
	Mono<Map<Long, Connection<LedgerEntry>>> logs(Set<Long> brandIds, PageRequest page) {
		long before = page.after() == null ? Long.MAX_VALUE : afterId(page);
		return ledger.pages(brandIds, before, page.fetchSize()).collectMultimap(LedgerEntry::brandId)
				.map(byBrand -> brandIds.stream().collect(Collectors.toMap(Function.identity(),
						brandId -> Connection.of(List.copyOf(byBrand.getOrDefault(brandId, List.of())), page,
								entry -> Cursors.encode("l", entry.id())))));
	}

	private Mono<Map<Long, List<FlagHistoryEntry>>> trails(List<Flag> batch) {
		if (batch.isEmpty()) {
			return Mono.just(Map.of());
		}
		return flags.history(batch.stream().map(Flag::id).collect(Collectors.toSet()))
				.collectList().map(entries -> entries.stream().collect(Collectors.groupingBy(FlagHistoryEntry::flagId)));
	}

	private static LedgerSummary summary(java.util.Collection<Ledger.Count> counts) {
		if (counts == null) {
			return LedgerSummary.NONE;
		}
		int removed = counts.stream().filter(count -> count.action() == LedgerEntry.Action.REMOVED)
				.mapToInt(Ledger.Count::complaints).sum();
		int held = counts.stream().filter(count -> count.action() == LedgerEntry.Action.HELD)
				.mapToInt(Ledger.Count::complaints).sum();
		Map<FlagReason, Integer> byReason = counts.stream()
				.collect(Collectors.groupingBy(Ledger.Count::reason, Collectors.summingInt(Ledger.Count::complaints)));
		return new LedgerSummary(removed, held, byReason.entrySet().stream().sorted(Map.Entry.comparingByKey())
				.map(entry -> new LedgerSummary.ReasonCount(entry.getKey(), entry.getValue())).toList());
	}

	private static long afterId(PageRequest page) {
		if (page.after() == null) {
			return 0;
		}
		try {
			return Cursors.decode(page.after()).id();
		}
		catch (RuntimeException ex) {
			throw new BadRequestException("after is not a cursor of this connection");
		}
	}
}
