package io.redress.thread;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import io.redress.complaint.Complaint;
import io.redress.complaint.ComplaintAccess;
import io.redress.complaint.Participation;
import io.redress.shared.Connection;
import io.redress.shared.Cursors;
import io.redress.shared.NodeLookup;
import io.redress.shared.NotFoundException;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * Reading threads. The complaints handed in were already read with the viewer's rights, so they say whether the
 * viewer is a participant: participants read every message, everyone else the public ones, masked.
 */
@Service
class MessageDirectory implements NodeLookup {

	static final int LATEST_COUNT = 3;

	private final Messages messages;
	private final ThreadPages threads;
	private final ComplaintAccess access;

	MessageDirectory(Messages messages, ThreadPages threads, ComplaintAccess access) {
		this.messages = messages;
		this.threads = threads;
		this.access = access;
	}

	/**
	 * {@code node(id:)} finds a message the viewer may read: private, hidden and removed ones only for the
	 * complaint's participants.
	 */
	@Override
	public String typeName() {
		return Message.TYPE;
	}

	/** One message the viewer may read; empty, exactly as for a missing one, when they may not. */
	@Override
	public Mono<Message> byId(long id) {
		return messages.findById(id).flatMap(message -> access.participation(message.complaintId())
				.map(Participation::complaint)
				.onErrorResume(NotFoundException.class, ex -> Mono.empty())
				.filter(message::readableBy)
				.map(complaint -> complaint.participant() ? message : message.masked()));
	}

	/** A page of each thread asked for, oldest first: one statement however many threads a request reads. */
	public Mono<Map<ThreadPage, Connection<Message>>> threads(Collection<ThreadPage> asked) {
		List<ThreadPage> keys = List.copyOf(asked);
		if (keys.isEmpty()) {
			return Mono.just(Map.of());
		}
		return threads.pages(keys).collectMultimap(ThreadPages.KeyedMessage::keyIndex, ThreadPages.KeyedMessage::message)
				.map(byKey -> IntStream.range(0, keys.size()).boxed().collect(Collectors.toMap(keys::get,
						index -> Connection.of(List.copyOf(byKey.getOrDefault(index, List.of())), keys.get(index).page(),
								message -> Cursors.encode("m", message.id())),
						(a, b) -> a)));
	}

	/** The latest few messages of each complaint of a page, in one statement. */
	public Mono<Map<Complaint, List<Message>>> latest(List<Complaint> batch) {
		if (batch.isEmpty()) {
			return Mono.just(Map.of());
		}
		List<ThreadPages.ThreadReader> readers = batch.stream()
				.map(complaint -> new ThreadPages.ThreadReader(complaint.id(), complaint.participant(),
						complaint.insider(), complaint.partner())).toList();
		return threads.latest(readers, LATEST_COUNT)
				.collectMultimap(ThreadPages.KeyedMessage::keyIndex, ThreadPages.KeyedMessage::message)
				.map(byKey -> IntStream.range(0, batch.size()).boxed().collect(Collectors.toMap(batch::get,
						index -> List.copyOf(byKey.getOrDefault(index, List.of())), (a, b) -> a)));
	}
}
