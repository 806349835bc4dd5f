package io.redress.complaint;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Function;

import io.redress.brand.BrandDirectory;
import io.redress.brand.BrandRole;
import io.redress.complaint.LifecycleInputs.AssignComplaint;
import io.redress.complaint.LifecycleInputs.GiveUpComplaint;
import io.redress.complaint.LifecycleInputs.RateResolution;
import io.redress.complaint.LifecycleInputs.ReopenComplaint;
import io.redress.complaint.LifecycleInputs.WithdrawComplaint;
import io.redress.realtime.NewEvent;
import io.redress.shared.ForbiddenException;
import io.redress.shared.InputCheck;
import io.redress.shared.UserError;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import static io.redress.complaint.ComplaintAction.ASSIGN;
import static io.redress.complaint.ComplaintAction.GIVE_UP;
import static io.redress.complaint.ComplaintAction.RATE;
import static io.redress.complaint.ComplaintAction.REOPEN;
import static io.redress.complaint.ComplaintAction.WITHDRAW;
import static io.redress.complaint.ComplaintEventType.COMPLAINT_ASSIGNED;
import static io.redress.complaint.ComplaintEventType.COMPLAINT_REOPENED;
import static io.redress.complaint.ComplaintEventType.COMPLAINT_UNRESOLVED;
import static io.redress.complaint.ComplaintEventType.COMPLAINT_WITHDRAWN;
import static io.redress.complaint.ComplaintEventType.RESOLUTION_RATED;

/**
 * The consumer's ways out and back (give up, withdraw, reopen, rate), the brand's assignment of cases, and the
 * lifecycle's door for other modules' actions on a complaint (posting in its thread).
 */
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
	private final ComplaintPartners partners;
	private final AssigneeNotices assignees;

	ComplaintLifecycle(ComplaintChanges changes, Complaints complaints, Proposals proposals, Ratings ratings,
			BrandDirectory brands, ComplaintPartners partners, AssigneeNotices assignees) {
		this.partners = partners;
		this.assignees = assignees;
		this.changes = changes;
		this.complaints = complaints;
		this.proposals = proposals;
		this.ratings = ratings;
		this.brands = brands;
	}

	/**
	 * Takes {@code action} on a complaint for another module, in one transaction with the complaint locked:
	 * {@code work} runs only when the lifecycle allows the action, and must call {@link #move} to make the
	 * transition; a wrong state answers {@code refused} with the user error.
	 */
	public <T> Mono<T> take(String complaintId, ComplaintAction action, Function<List<UserError>, T> refused,
			Function<LifecycleStep, Mono<T>> work) {
		return changes.take(complaintId, action, refused, work);
	}

	/**
	 * Makes an allowed step's transition (and records the brand's first response, or a partner's first answer in the
	 * case) inside the caller's transaction.
	 */
	public Mono<Void> move(LifecycleStep step) {
		Long partner = step.participation().partnerBrandId();
		return partner == null ? changes.move(step)
				: changes.move(step).then(partners.stampFirstResponse(step.complaint().id(), partner));
	}

	/** Marks the case active now (a message was posted) inside the caller's transaction. */
	public Mono<Void> touch(LifecycleStep step) {
		return complaints.touch(step.complaint().id());
	}

	Mono<ComplaintPayload> giveUp(GiveUpComplaint input) {
		return changes.change(input.complaintId(), GIVE_UP,
				step -> proposals.answer(step.complaint().id(), Proposal.Status.REJECTED, null)
						.then(changes.complete(step, COMPLAINT_UNRESOLVED)));
	}

	Mono<ComplaintPayload> withdraw(WithdrawComplaint input) {
		return changes.change(input.complaintId(), WITHDRAW, step -> changes.complete(step, COMPLAINT_WITHDRAWN));
	}

	Mono<ComplaintPayload> reopen(ReopenComplaint input) {
		return changes.change(input.complaintId(), REOPEN, step -> {
			if (step.complaint().resolvedAt().plus(Complaint.REOPEN_WINDOW).isBefore(OffsetDateTime.now())) {
				return Mono.just(ComplaintPayload.failed("complaintId", "REOPEN_WINDOW_CLOSED",
						"A complaint can be reopened within 30 days of its resolution"));
			}
			return ratings.makeRevisable(step.complaint().id()).then(changes.complete(step, COMPLAINT_REOPENED));
		});
	}

	Mono<ComplaintPayload> rate(RateResolution input) {
		return changes.change(input.complaintId(), RATE, step -> {
			InputCheck check = new InputCheck().range("stars", input.stars(), 1, 5)
					.optionalText("comment", input.comment(), MAX_COMMENT);
			if (check.failed()) {
				return Mono.just(ComplaintPayload.failed(check.errors()));
			}
			Complaint complaint = step.complaint();
			String comment = input.comment() == null ? null : input.comment().strip();
			return ratings.put(complaint.id(), complaint.brandId(), input.stars(), input.wouldBuyAgain(), comment)
					.flatMap(rating -> changes.complete(step, RESOLUTION_RATED))
					.switchIfEmpty(Mono.fromSupplier(() -> ComplaintPayload.failed("complaintId", "ALREADY_RATED",
							"This complaint is rated; a rating can be revised after a reopen")));
		});
	}

	/**
	 * Agents take a case themselves; owners and managers give it to any agent, manager or owner of the brand, except
	 * the member who filed it (one person, one side). The assignee hears of it in person ({@link AssigneeNotices}).
	 */
	Mono<ComplaintPayload> assign(AssignComplaint input) {
		return changes.change(input.complaintId(), ASSIGN, step -> {
			Participation brandSide = step.participation();
			InputCheck check = new InputCheck().optionalText("assignee", input.assignee(), MAX_SUBJECT);
			if (check.failed()) {
				return Mono.just(ComplaintPayload.failed(check.errors()));
			}
			String assignee = input.assignee() == null ? brandSide.viewer().subject() : input.assignee();
			if (!assignee.equals(brandSide.viewer().subject())
					&& brandSide.brandRole().filter(BrandRole::manages).isEmpty()) {
				return Mono.error(new ForbiddenException("Agents may only take cases themselves"));
			}
			if (step.complaint().filedBy(assignee)) {
				return Mono.just(ComplaintPayload.failed("assignee", "OWN_COMPLAINT",
						"The consumer who filed the complaint never works it for the brand; assign someone else"));
			}
			long brandId = step.complaint().brandId();
			Mono<Boolean> assignable = brands.rolesOf(assignee, List.of(brandId)).map(roles -> {
				BrandRole role = roles.get(brandId);
				return role != null && role != BrandRole.INTEGRATION;
			});
			return assignable.flatMap(ok -> !ok
					? Mono.just(ComplaintPayload.failed(List.of(UserError.of("assignee", "NOT_A_MEMBER",
							"Cases go to the brand's agents, managers and owners"))))
					: complaints.assign(step.complaint().id(), assignee)
							.then(changes.complete(step, COMPLAINT_ASSIGNED))
							.flatMap(assigned -> assignees.tell(NewEvent.about(COMPLAINT_ASSIGNED, brandId,
									step.complaint().id(), step.complaint().consumerId(),
									COMPLAINT_ASSIGNED.visibility()), assignee).thenReturn(assigned)));
		});
	}
}
