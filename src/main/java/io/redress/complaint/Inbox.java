package io.redress.complaint;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import io.redress.security.CurrentViewer;
import io.redress.shared.BadRequestException;
import io.redress.shared.Connection;
import io.redress.shared.Cursors;
import io.redress.shared.PageRequest;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * A brand's team inbox: its complaints filtered and ordered for the people who work them. The brand's members
 * (integrations included) and moderators read it; for anyone else it is empty, as the brand's team is.
 */
@Service
class Inbox {

	/** The widest {@code dueWithin}: a year, in hours. */
	static final int MAX_DUE_WITHIN = 8_760;
	static final int MAX_ASSIGNEE = 255;

	private final InboxPages pages;
	private final ComplaintAccess access;

	Inbox(InboxPages pages, ComplaintAccess access) {
		this.pages = pages;
		this.access = access;
	}

	Mono<Connection<Complaint>> page(long brandId, PageRequest page, InboxFilter given, InboxOrder givenOrder) {
		InboxFilter filter = given == null ? InboxFilter.NONE : given;
		InboxOrder order = givenOrder == null ? InboxOrder.DUE_AT : givenOrder;
		if (filter.dueWithin() != null && (filter.dueWithin() < 1 || filter.dueWithin() > MAX_DUE_WITHIN)) {
			return Mono.error(new BadRequestException("dueWithin must be 1 to " + MAX_DUE_WITHIN + " hours"));
		}
		if (filter.assignee() != null && filter.assignee().length() > MAX_ASSIGNEE) {
			return Mono.error(new BadRequestException("assignee is at most " + MAX_ASSIGNEE + " characters"));
		}
		Cursors.Key after = page.after() == null ? null : position(page.after());
		return CurrentViewer.get().flatMap(viewer -> pages.page(new InboxPages.InboxQuery(brandId,
				viewer.isAuthenticated() ? viewer.subject() : "", viewer.isModerator(), filter, order,
				after == null ? null : after.value(), after == null ? 0 : after.id()), page.fetchSize())
				.collectList()
				.map(rows -> Connection.of(access.seenBy(viewer, rows), page,
						complaint -> Cursors.encode(order.cursorKey(complaint), complaint.id()))));
	}

	private static Cursors.Key position(String cursor) {
		Cursors.Key key = Cursors.decode(cursor);
		if (!key.value().equals("infinity")) {
			try {
				OffsetDateTime.parse(key.value());
			}
			catch (DateTimeParseException ex) {
				throw new BadRequestException("after is not a cursor of this connection");
			}
		}
		return key;
	}
}
