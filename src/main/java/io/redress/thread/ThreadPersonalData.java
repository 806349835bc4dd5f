package io.redress.thread;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A person's messages, as their data export shows them: the whole thread of each of their complaints (private
 * messages included, both sides), and what they posted as a member of a brand.
 */
public record ThreadPersonalData(List<MessageRecord> inTheirComplaints, List<MessageRecord> writtenForBrands) {

	public ThreadPersonalData {
		inTheirComplaints = List.copyOf(inTheirComplaints);
		writtenForBrands = List.copyOf(writtenForBrands);
	}

	/** One message; {@code id} and {@code complaintId} are global ids. */
	public record MessageRecord(String id, String complaintId, String authorKind, String authorName,
			String visibility, String body, OffsetDateTime createdAt) {
	}
}
