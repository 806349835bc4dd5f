package io.redress.complaint;

/** What a brand offers to end a complaint. */
enum ProposalKind {
	REFUND, REPLACEMENT, REPAIR, CREDIT, EXPLANATION, OTHER
}
