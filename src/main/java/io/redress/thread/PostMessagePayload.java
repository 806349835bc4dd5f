package io.redress.thread;

import java.util.List;

import io.redress.complaint.Complaint;
import io.redress.shared.UserError;

/** The result of {@code postMessage}: the message and its complaint as they now are, or why nothing was posted. */
record PostMessagePayload(Message message, Complaint complaint, List<UserError> userErrors) {

	static PostMessagePayload failed(List<UserError> errors) {
		return new PostMessagePayload(null, null, errors);
	}
}
