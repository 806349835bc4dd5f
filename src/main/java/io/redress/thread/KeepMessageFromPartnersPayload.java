package io.redress.thread;

import java.util.List;

import io.redress.shared.UserError;

/** The result of {@code keepMessageFromPartners}: the message as it now is, or why nothing changed. */
record KeepMessageFromPartnersPayload(Message message, List<UserError> userErrors) {

	static KeepMessageFromPartnersPayload failed(List<UserError> errors) {
		return new KeepMessageFromPartnersPayload(null, errors);
	}
}
