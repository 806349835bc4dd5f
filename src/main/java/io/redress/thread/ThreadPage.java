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

	/** The page of {@code complaint}'s thread the arguments ask for; a cursor this server did not make is refused here. */
	static ThreadPage of(Complaint complaint, PageRequest page) {
		long afterId = page.after() == null ? 0 : Cursors.decode(page.after()).id();
		return new ThreadPage(complaint.id(), complaint.participant(), complaint.insider(), complaint.partner(), afterId,
				page);
	}
}
