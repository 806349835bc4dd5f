package io.redress.thread;

import io.redress.complaint.Complaint;
import io.redress.shared.Cursors;
import io.redress.shared.PageRequest;

/**
 * One page of one complaint's thread as one reader asks for it: the key that batches every thread page of a request
 * into one statement. Whether the reader takes part in the complaint travels with it, so the statement applies the
 * reader's rights itself.
 */
record ThreadPage(long complaintId, boolean participant, boolean insider, boolean partner, long afterId,
		PageRequest page) {

	/** The page of {@code complaint}'s thread at {@code position}. */
	static ThreadPage of(Complaint complaint, Position position) {
		return new ThreadPage(complaint.id(), complaint.participant(), complaint.insider(), complaint.partner(),
				position.afterId(), position.page());
	}

	/**
	 * Where a page of any thread starts, from the field's arguments alone: the same for every complaint of a list, so
	 * the cursor is decoded once for the field. A cursor this server did not make is refused here.
	 */
	record Position(PageRequest page, long afterId) {

		static Position of(PageRequest page) {
			return new Position(page, page.after() == null ? 0 : Cursors.decode(page.after()).id());
		}
	}
}
