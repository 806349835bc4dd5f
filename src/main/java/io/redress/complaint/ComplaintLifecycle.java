package io.redress.complaint;

import java.time.OffsetDateTime;
import java.util.List;

import io.redress.brand.BrandDirectory;
import io.redress.brand.BrandRole;
import io.redress.complaint.LifecycleInputs.AssignComplaint;
import io.redress.complaint.LifecycleInputs.GiveUpComplaint;
import io.redress.complaint.LifecycleInputs.RateResolution;
import io.redress.complaint.LifecycleInputs.ReopenComplaint;
import io.redress.complaint.LifecycleInputs.WithdrawComplaint;
import io.redress.realtime.Visibility;
import io.redress.shared.ForbiddenException;
import io.redress.shared.InputCheck;
import io.redress.shared.UserError;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/** The consumer's ways out and back (give up, withdraw, reopen, rate) and the brand's assignment of cases. */
@Service
public class ComplaintLifecycle {

	static final int MAX_COMMENT = 2000;
	/** Token subjects are at most this long, as brand members are stored. */
	static final int MAX_SUBJECT = 255;

	private final ComplaintChanges changes;
	private final Complaints complaints;
	private final Proposals proposals;
	private final Ratings ratings;
	private final BrandDirectory brands;

	ComplaintLifecycle(ComplaintChanges changes, Complaints complaints, Proposals proposals, Ratings ratings,
			BrandDirectory brands) {
		this.changes = changes;
		this.complaints = complaints;
		this.proposals = proposals;
		this.ratings = ratings;
		this.brands = brands;
	}

	public Mono<ComplaintPayload> giveUp(GiveUpComplaint input) {
		return changes.change(input.complaintId(), participation -> ComplaintChanges.consumerOnly(participation)
				.flatMap(consumer -> {
					Complaint complaint = consumer.complaint();
					if (!complaint.status().isActive()) {
						return Mono.just(ComplaintChanges.wrongState(complaint, "given up"));
					}
					return proposals.answer(complaint.id(), Proposal.Status.REJECTED, null)
							.then(complaints.updateState(complaint.id(), ComplaintStatus.UNRESOLVED, false))
							.then(changes.event("COMPLAINT_UNRESOLVED", complaint, Visibility.PUBLIC))
							.then(changes.reread(consumer));
				}));
	}

	public Mono<ComplaintPayload> withdraw(WithdrawComplaint input) {
		return changes.change(input.complaintId(), participation -> ComplaintChanges.consumerOnly(participation)
				.flatMap(consumer -> {
					Complaint complaint = consumer.complaint();
					if (complaint.firstResponseAt() != null && complaint.status().isActive()) {
						return Mono.just(ComplaintPayload.failed("complaintId", "ALREADY_ANSWERED",
								"The brand has replied, so the complaint can no longer be withdrawn; give up instead"));
					}
					if (complaint.status() != ComplaintStatus.OPEN) {
						return Mono.just(ComplaintChanges.wrongState(complaint, "withdrawn"));
					}
					return complaints.updateState(complaint.id(), ComplaintStatus.WITHDRAWN, false)
							.then(changes.event("COMPLAINT_WITHDRAWN", complaint, Visibility.PARTICIPANTS))
							.then(changes.reread(consumer));
				}));
	}

	public Mono<ComplaintPayload> reopen(ReopenComplaint input) {
		return changes.change(input.complaintId(), participation -> ComplaintChanges.consumerOnly(participation)
				.flatMap(consumer -> {
					Complaint complaint = consumer.complaint();
					if (complaint.status() != ComplaintStatus.RESOLVED) {
						return Mono.just(ComplaintChanges.wrongState(complaint, "reopened"));
					}
					if (complaint.resolvedAt().plus(Complaint.REOPEN_WINDOW).isBefore(OffsetDateTime.now())) {
						return Mono.just(ComplaintPayload.failed("complaintId", "REOPEN_WINDOW_CLOSED",
								"A complaint can be reopened within 30 days of its resolution"));
					}
					return complaints.updateState(complaint.id(), ComplaintStatus.IN_PROGRESS, false)
							.then(ratings.makeRevisable(complaint.id()))
							.then(changes.event("COMPLAINT_REOPENED", complaint, Visibility.PUBLIC))
							.then(changes.reread(consumer));
				}));
	}

	public Mono<ComplaintPayload> rate(RateResolution input) {
		return changes.change(input.complaintId(), participation -> ComplaintChanges.consumerOnly(participation)
				.flatMap(consumer -> {
					Complaint complaint = consumer.complaint();
					if (!complaint.status().isRateable()) {
						return Mono.just(ComplaintChanges.wrongState(complaint, "rated yet"));
					}
					InputCheck check = new InputCheck().range("stars", input.stars(), 1, 5)
							.optionalText("comment", input.comment(), MAX_COMMENT);
					if (check.failed()) {
						return Mono.just(ComplaintPayload.failed(check.errors()));
					}
					String comment = input.comment() == null ? null : input.comment().strip();
					return ratings.put(complaint.id(), complaint.brandId(), input.stars(), input.wouldBuyAgain(), comment)
							.flatMap(rating -> changes.event("RESOLUTION_RATED", complaint, Visibility.PUBLIC)
									.then(changes.reread(consumer)))
							.switchIfEmpty(Mono.fromSupplier(() -> ComplaintPayload.failed("complaintId", "ALREADY_RATED",
									"This complaint is rated; a rating can be revised after a reopen")));
				}));
	}

	/** Agents take a case themselves; owners and managers give it to any agent, manager or owner of the brand. */
	public Mono<ComplaintPayload> assign(AssignComplaint input) {
		return changes.change(input.complaintId(), participation -> ComplaintChanges.brandWorkerOnly(participation)
				.flatMap(brandSide -> {
					Complaint complaint = brandSide.complaint();
					InputCheck check = new InputCheck().optionalText("assignee", input.assignee(), MAX_SUBJECT);
					if (check.failed()) {
						return Mono.just(ComplaintPayload.failed(check.errors()));
					}
					String assignee = input.assignee() == null ? brandSide.viewer().subject() : input.assignee();
					if (!assignee.equals(brandSide.viewer().subject())
							&& brandSide.brandRole().filter(BrandRole::manages).isEmpty()) {
						return Mono.error(new ForbiddenException("Agents may only take cases themselves"));
					}
					Mono<Boolean> assignable = brands.rolesOf(assignee, List.of(complaint.brandId())).map(roles -> {
						BrandRole role = roles.get(complaint.brandId());
						return role != null && role != BrandRole.INTEGRATION;
					});
					return assignable.flatMap(ok -> !ok
							? Mono.just(ComplaintPayload.failed(List.of(UserError.of("assignee", "NOT_A_MEMBER",
									"Cases go to the brand's agents, managers and owners"))))
							: complaints.assign(complaint.id(), assignee)
									.then(changes.event("COMPLAINT_ASSIGNED", complaint, Visibility.BRAND))
									.then(changes.reread(brandSide)));
				}));
	}

	/**
	 * The brand answered in the thread: an OPEN complaint moves to IN_PROGRESS and its first response is stamped.
	 * Call it inside the transaction that writes the message, with the complaint locked.
	 */
	public Mono<Void> recordBrandReply(Complaint complaint) {
		if (complaint.status() == ComplaintStatus.OPEN) {
			return complaints.updateState(complaint.id(), ComplaintStatus.IN_PROGRESS, true);
		}
		return complaint.firstResponseAt() == null ? complaints.updateState(complaint.id(), complaint.status(), true)
				: Mono.empty();
	}
}
