package io.redress.complaint;

import io.redress.complaint.LifecycleInputs.AcceptResolution;
import io.redress.complaint.LifecycleInputs.AnswerFollowUp;
import io.redress.complaint.LifecycleInputs.AssignComplaint;
import io.redress.complaint.LifecycleInputs.GiveUpComplaint;
import io.redress.complaint.LifecycleInputs.ProposeResolution;
import io.redress.complaint.LifecycleInputs.RateResolution;
import io.redress.complaint.LifecycleInputs.RejectResolution;
import io.redress.complaint.LifecycleInputs.ReopenComplaint;
import io.redress.complaint.LifecycleInputs.WithdrawComplaint;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** Maps the complaint mutations onto the module's services. */
@Controller
class ComplaintMutationController {

	private final ComplaintFiling filing;
	private final ResolutionManagement resolutions;
	private final ComplaintLifecycle lifecycle;
	private final FollowUpManagement followUps;

	ComplaintMutationController(ComplaintFiling filing, ResolutionManagement resolutions, ComplaintLifecycle lifecycle,
			FollowUpManagement followUps) {
		this.filing = filing;
		this.resolutions = resolutions;
		this.lifecycle = lifecycle;
		this.followUps = followUps;
	}

	@MutationMapping
	Mono<ComplaintPayload> fileComplaint(@Argument FileComplaintInput input) {
		return filing.file(input);
	}

	@MutationMapping
	Mono<ComplaintPayload> proposeResolution(@Argument ProposeResolution input) {
		return resolutions.propose(input);
	}

	@MutationMapping
	Mono<ComplaintPayload> acceptResolution(@Argument AcceptResolution input) {
		return resolutions.accept(input);
	}

	@MutationMapping
	Mono<ComplaintPayload> rejectResolution(@Argument RejectResolution input) {
		return resolutions.reject(input);
	}

	@MutationMapping
	Mono<ComplaintPayload> giveUpComplaint(@Argument GiveUpComplaint input) {
		return lifecycle.giveUp(input);
	}

	@MutationMapping
	Mono<ComplaintPayload> withdrawComplaint(@Argument WithdrawComplaint input) {
		return lifecycle.withdraw(input);
	}

	@MutationMapping
	Mono<ComplaintPayload> reopenComplaint(@Argument ReopenComplaint input) {
		return lifecycle.reopen(input);
	}

	@MutationMapping
	Mono<ComplaintPayload> rateResolution(@Argument RateResolution input) {
		return lifecycle.rate(input);
	}

	@MutationMapping
	Mono<ComplaintPayload> assignComplaint(@Argument AssignComplaint input) {
		return lifecycle.assign(input);
	}

	@MutationMapping
	Mono<ComplaintPayload> answerFollowUp(@Argument AnswerFollowUp input) {
		return followUps.answer(input);
	}
}
