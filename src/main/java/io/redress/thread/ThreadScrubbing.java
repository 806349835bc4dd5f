package io.redress.thread;

import io.redress.complaint.Complaint;
import io.redress.shared.GlobalId;
import io.redress.shared.TextMask;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * A person's messages when they ask what Redress holds about them, and when they erase their account: the private
 * messages of their complaints lose their text, the public ones are masked for good, and nothing names them.
 */
@Service
public class ThreadScrubbing {

	/** What a private message of an erased consumer's complaint reads, for the brand and moderators alike. */
	public static final String ERASED = "[erased]";

	private final Messages messages;

	ThreadScrubbing(Messages messages) {
		this.messages = messages;
	}

	/** The messages of the consumer's complaints, and those {@code subject} wrote for brands: {@code limit} of each. */
	public Mono<ThreadPersonalData> personalDataOf(long consumerId, String subject, int limit) {
		return Mono.zip(messages.inComplaintsOf(consumerId, limit).map(ThreadScrubbing::record).collectList(),
				messages.writtenForBrandsBy(subject, limit).map(ThreadScrubbing::record).collectList())
				.map(both -> new ThreadPersonalData(both.getT1(), both.getT2()));
	}

	/**
	 * Scrubs the consumer's threads inside the caller's transaction. Private messages (both sides: that is where
	 * personal details are exchanged, and replies quote them) read {@link #ERASED}; public messages are masked for
	 * good, as the public already saw them; none names its author any more.
	 */
	public Mono<Void> scrub(long consumerId) {
		return messages.erasePrivate(consumerId, ERASED)
				.then(messages.lockPublicInComplaintsOf(consumerId)
						.map(message -> new Message(message.id(), message.complaintId(), message.authorKind(),
								message.authorName(), message.visibility(),
								TextMask.maskToStore(message.body(), ThreadManagement.MAX_BODY), message.createdAt(),
								message.moderation(), message.redacted(), message.keptFromPartners()))
						.collectList()
						.flatMap(messages::rewrite));
	}

	/** Inside the caller's transaction: messages {@code subject} posted for a brand stay the brand's, naming nobody. */
	public Mono<Void> forgetBrandMember(String subject) {
		return messages.unlinkAuthor(subject);
	}

	private static ThreadPersonalData.MessageRecord record(Message message) {
		return new ThreadPersonalData.MessageRecord(GlobalId.encode(Message.TYPE, message.id()),
				GlobalId.encode(Complaint.TYPE, message.complaintId()), message.authorKind().name(),
				message.authorName(), message.visibility().name(), message.body(), message.createdAt());
	}
}
