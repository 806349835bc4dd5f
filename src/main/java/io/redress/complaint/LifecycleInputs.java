package io.redress.complaint;

import java.time.OffsetDateTime;

/** The inputs of the lifecycle mutations; each names the complaint by its global id. */
final class LifecycleInputs {

	private LifecycleInputs() {
	}

	public record ProposeResolution(String complaintId, ProposalKind kind, String summary, OffsetDateTime dueAt) {
	}

	public record AcceptResolution(String complaintId) {
	}

	public record RejectResolution(String complaintId, String reason) {
	}

	public record GiveUpComplaint(String complaintId) {
	}

	public record WithdrawComplaint(String complaintId) {
	}

	public record ReopenComplaint(String complaintId) {
	}

	public record RateResolution(String complaintId, Integer stars, Boolean wouldBuyAgain, String comment) {
	}

	public record AssignComplaint(String complaintId, String assignee) {
	}

	public record AnswerFollowUp(String complaintId, Boolean held, String comment) {
	}
}
