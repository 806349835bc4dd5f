package io.redress.complaint;

import io.redress.shared.NodeLookup;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/** {@code node(id:)} finds a complaint the viewer may read, as the viewer may see it. */
@Component
class ComplaintNodeLookup implements NodeLookup {

	private final ComplaintDirectory directory;

	ComplaintNodeLookup(ComplaintDirectory directory) {
		this.directory = directory;
	}

	@Override
	public String typeName() {
		return Complaint.TYPE;
	}

	@Override
	public Mono<Complaint> find(long id) {
		return directory.byId(id);
	}
}
