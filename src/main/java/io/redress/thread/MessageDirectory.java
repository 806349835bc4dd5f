package io.redress.thread;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.redress.complaint.Complaint;
import io.redress.complaint.ComplaintAccess;
import io.redress.complaint.Participation;
import io.redress.shared.Connection;
import io.redress.shared.Cursors;
import io.redress.shared.NodeLookup;
import io.redress.shared.NotFoundException;
import io.redress.shared.PageRequest;
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
	private final ComplaintAccess access;

	MessageDirectory(Messages messages, ComplaintAccess access) {
		this.messages = messages;
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
				.filter(complaint -> complaint.participant() || message.publiclyVisible())
				.map(complaint -> complaint.participant() ? message : message.masked()));
	}

	/** A complaint's thread, oldest first. */
	public Mono<Connection<Message>> thread(Complaint complaint, PageRequest page) {
		long afterId = page.after() == null ? 0 : Cursors.decode(page.after()).id();
		return messages.page(complaint.id(), complaint.participant(), afterId, page.fetchSize())
				.map(message -> complaint.participant() ? message : message.masked())
				.collectList()
				.map(rows -> Connection.of(rows, page, message -> Cursors.encode("m", message.id())));
	}

	/** The latest few messages of each complaint of a page, in one statement. */
	public Mono<Map<Complaint, List<Message>>> latest(List<Complaint> batch) {
		Map<Long, Complaint> byId = batch.stream()
				.collect(Collectors.toMap(Complaint::id, Function.identity(), (a, b) -> a));
		List<Long> participantOf = batch.stream().filter(Complaint::participant).map(Complaint::id).toList();
		return messages.latest(byId.keySet(), participantOf, LATEST_COUNT)
				.map(message -> byId.get(message.complaintId()).participant() ? message : message.masked())
				.collectMultimap(Message::complaintId)
				.map(byComplaint -> batch.stream().collect(Collectors.toMap(Function.identity(),
						complaint -> List.copyOf(byComplaint.getOrDefault(complaint.id(), List.of())), (a, b) -> a)));
	}
}
