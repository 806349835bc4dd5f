package io.redress.complaint;

import java.util.List;

import io.redress.realtime.EventLog;
import io.redress.realtime.NewEvent;
import io.redress.shared.TextMask;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * A consumer's complaints when the consumer asks what Redress holds about them, and when they erase their account:
 * the complaints, their outcomes and ratings stay (so every score stays true), their identity and personal data go.
 */
@Service
public class ComplaintAnonymisation {

	private final Complaints complaints;
	private final Proposals proposals;
	private final Ratings ratings;
	private final FollowUps followUps;
	private final EventLog events;

	ComplaintAnonymisation(Complaints complaints, Proposals proposals, Ratings ratings, FollowUps followUps,
			EventLog events) {
		this.followUps = followUps;
		this.complaints = complaints;
		this.proposals = proposals;
		this.ratings = ratings;
		this.events = events;
	}

	/** The consumer's complaints whole, newest first, at most {@code limit}, each with its proposals and rating. */
	public Mono<ComplaintPersonalData> personalDataOf(long consumerId, int limit) {
		return complaints.personal(consumerId, limit).collectList().flatMap(filed -> {
			List<Long> ids = filed.stream().map(Complaints.Filed::id).toList();
			return Mono.zip(proposals.allOf(ids).collectMultimap(Proposal::complaintId),
					ratings.byComplaints(ids).collectMap(Rating::complaintId))
					.map(related -> new ComplaintPersonalData(filed.stream().map(row -> row.complaint().with(
							related.getT1().getOrDefault(row.id(), List.of()).stream()
									.map(ComplaintAnonymisation::record).toList(),
							record(related.getT2().get(row.id())))).toList()));
		});
	}

	/**
	 * Anonymises the consumer's complaints inside the caller's transaction: titles, descriptions, rating comments and
	 * rejection reasons are masked for good, as the public sees them; order references and follow-up comments go; statuses, clocks, outcomes
	 * and stars stay, so no score moves. A {@code CONSUMER_ERASED} event about each complaint, and one about the
	 * consumer, commit with it: they end the subscriptions held as that consumer, each in its own stream's order.
	 */
	public Mono<Void> anonymise(long consumerId) {
		return complaints.lockOfConsumer(consumerId)
				.filter(complaint -> ComplaintStateMachine.decide(complaint.status(), ComplaintAction.ANONYMISE,
						Actor.CONSUMER) instanceof Transition)
				.collectList()
				.flatMap(filed -> complaints.anonymise(filed.stream().map(ComplaintAnonymisation::masked).toList())
						.thenMany(Flux.fromIterable(filed).concatMap(complaint -> events.append(NewEvent.about(
								ComplaintEventType.CONSUMER_ERASED, complaint.brandId(), complaint.id(), consumerId,
								ComplaintEventType.CONSUMER_ERASED.visibility()))))
						.then())
				.then(ratings.maskComments(consumerId))
				.then(proposals.maskRejectionReasons(consumerId))
				.then(followUps.forgetComments(consumerId))
				.then(events.append(NewEvent.aboutConsumer(ComplaintEventType.CONSUMER_ERASED, consumerId,
						ComplaintEventType.CONSUMER_ERASED.visibility())));
	}

	/** Inside the caller's transaction: cases assigned to {@code subject} and proposals they made name nobody. */
	public Mono<Void> forgetBrandMember(String subject) {
		return complaints.unassign(subject).then(proposals.forgetProposer(subject));
	}

	private static Complaint masked(Complaint complaint) {
		return new Complaint(complaint.id(), complaint.brandId(), complaint.consumerId(), null, complaint.authorName(),
				TextMask.maskToStore(complaint.title(), ComplaintFiling.MAX_TITLE),
				TextMask.maskToStore(complaint.writtenDescription(), ComplaintFiling.MAX_DESCRIPTION), complaint.category(),
				null, complaint.status(), null, complaint.createdAt(), complaint.firstResponseAt(),
				complaint.firstResponseDueAt(), complaint.resolvedAt(), complaint.resolutionDueAt(),
				complaint.lastActivityAt(), complaint.moderation(), complaint.redacted(), false, false, false);
	}

	private static ComplaintPersonalData.RatingRecord record(Rating rating) {
		return rating == null ? null : new ComplaintPersonalData.RatingRecord(rating.stars(), rating.wouldBuyAgain(),
				rating.writtenComment(), rating.ratedAt());
	}

	private static ComplaintPersonalData.ProposalRecord record(Proposal proposal) {
		return new ComplaintPersonalData.ProposalRecord(proposal.kind().name(), proposal.summary(), proposal.dueAt(),
				proposal.status().name(), proposal.proposedAt(), proposal.answeredAt(), proposal.rejectionReason());
	}
}
