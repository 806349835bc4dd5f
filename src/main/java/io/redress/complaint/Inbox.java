package io.redress.complaint;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.redress.security.CurrentViewer;
import io.redress.security.Viewer;
import io.redress.shared.BadRequestException;
import io.redress.shared.Connection;
import io.redress.shared.Cursors;
import io.redress.shared.PageRequest;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * A brand's team inbox: its complaints, and the cases it is involved in as a partner, filtered and ordered for the
 * people who work them. The brand's members (integrations included) and moderators read it; for anyone else it is
 * empty, as the brand's team is. Each row is seen as its reader stands to it: a partner case as a partner sees it.
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

	/**
	 * The arguments of an inbox page, checked (a bad one fails in the field that has it, not in a whole batch): the
	 * same for every brand that asks alike, so such brands share one statement.
	 */
	InboxArguments arguments(PageRequest page, InboxFilter given, InboxOrder givenOrder) {
		InboxFilter filter = given == null ? InboxFilter.NONE : given;
		if (filter.dueWithin() != null && (filter.dueWithin() < 1 || filter.dueWithin() > MAX_DUE_WITHIN)) {
			throw new BadRequestException("dueWithin must be 1 to " + MAX_DUE_WITHIN + " hours");
		}
		if (filter.assignee() != null && filter.assignee().length() > MAX_ASSIGNEE) {
			throw new BadRequestException("assignee is at most " + MAX_ASSIGNEE + " characters");
		}
		Cursors.Key after = page.after() == null ? null : position(page.after());
		return new InboxArguments(filter, givenOrder == null ? InboxOrder.DUE_AT : givenOrder, page,
				after == null ? null : after.value(), after == null ? 0 : after.id());
	}

	/** The same page of several brands' inboxes, by brand id, in one statement. */
	Mono<Map<Long, Connection<Complaint>>> pages(Set<Long> brandIds, InboxArguments arguments) {
		InboxOrder order = arguments.order();
		return CurrentViewer.get().flatMap(viewer -> pages.pages(brandIds, new InboxPages.InboxQuery(
				viewer.isAuthenticated() ? viewer.subject() : "", viewer.isModerator(), arguments.filter(), order,
				arguments.afterKey(), arguments.afterId()), arguments.page().fetchSize())
				.collectList()
				.map(rows -> rows.stream().flatMap(row -> seenBy(viewer, row)).collect(Collectors.groupingBy(
						InboxEntry::inboxBrandId, Collectors.mapping(InboxEntry::complaint, Collectors.toList()))))
				.map(byBrand -> brandIds.stream().collect(Collectors.toMap(Function.identity(),
						brandId -> Connection.of(byBrand.getOrDefault(brandId, List.of()), arguments.page(),
								complaint -> Cursors.encode(order.cursorKey(complaint), complaint.id()))))));
	}

	/** A row as the viewer may see it (nothing when they may not), marked when it is a partner case. */
	private Stream<InboxEntry> seenBy(Viewer viewer, InboxPages.InboxRow row) {
		return access.seenBy(viewer, List.of(row.listed())).stream()
				.map(complaint -> new InboxEntry(row.inboxBrandId(), row.partnerCase()
						? complaint.with(complaint.related().asPartnerCase()) : complaint));
	}

	private record InboxEntry(long inboxBrandId, Complaint complaint) {
	}

	/** An inbox page's arguments: filter, order, size and keyset position. */
	record InboxArguments(InboxFilter filter, InboxOrder order, PageRequest page, String afterKey, long afterId) {
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
