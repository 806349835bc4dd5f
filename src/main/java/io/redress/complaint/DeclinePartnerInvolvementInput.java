package io.redress.complaint;

/** A partner brought into a case declines it, saying why. */
record DeclinePartnerInvolvementInput(String complaintId, String reason) {
}
