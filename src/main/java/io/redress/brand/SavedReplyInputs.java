package io.redress.brand;

import java.util.List;

import io.redress.shared.UserError;

/** The inputs and payload of the saved-reply mutations. */
final class SavedReplyInputs {

	private SavedReplyInputs() {
	}

	record SaveReplyInput(String brandId, String title, String body) {
	}

	record DeleteSavedReplyInput(String savedReplyId) {
	}

	/** The saved reply as it now is (null when nothing changed or it was deleted), and why nothing changed. */
	record SavedReplyPayload(SavedReply savedReply, List<UserError> userErrors) {

		static SavedReplyPayload failed(List<UserError> errors) {
			return new SavedReplyPayload(null, errors);
		}
	}
}
