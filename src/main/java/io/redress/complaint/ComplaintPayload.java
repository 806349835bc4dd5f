package io.redress.complaint;

import java.util.List;

import io.redress.shared.UserError;

/** The result of a complaint mutation: the complaint as it now is, or why nothing changed. */
record ComplaintPayload(Complaint complaint, List<UserError> userErrors) {

	static ComplaintPayload ok(Complaint complaint) {
		return new ComplaintPayload(complaint, List.of());
	}

	static ComplaintPayload failed(List<UserError> errors) {
		return new ComplaintPayload(null, errors);
	}

	static ComplaintPayload failed(String field, String code, String message) {
		return failed(List.of(UserError.of(field, code, message)));
	}
}
