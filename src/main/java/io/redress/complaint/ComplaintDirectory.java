package io.redress.complaint;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.redress.account.Profile;
import io.redress.brand.BrandDirectory;
import io.redress.security.CurrentViewer;
import io.redress.shared.BadRequestException;
import io.redress.shared.Connection;
import io.redress.shared.Cursors;
import io.redress.shared.NodeLookup;
import io.redress.shared.NotFoundException;
import io.redress.shared.PageRequest;
import io.redress.shared.SearchText;
import io.redress.shared.SharedReads;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Reading complaints: one by id, the public feed, a consumer's own, a brand's. Each row is shown as the viewer may
 * see it ({@link ComplaintAccess}); relations of a page cost one statement each.
 */
@Service
class ComplaintDirectory implements NodeLookup {

	static final int MAX_SEARCH = 100;

	private final Complaints complaints;
	private final ComplaintPages pages;
	private final Proposals proposals;
	private final Ratings ratings;
	private final ComplaintAccess access;
	private final BrandDirectory brands;
	private final SharedReads<PageKey, List<ComplaintPages.Listed>> sharedPages;

	ComplaintDirectory(Complaints complaints, ComplaintPages pages, Proposals proposals, Ratings ratings,
			ComplaintAccess access, BrandDirectory brands,
			@Value("${redress.database.statement-timeout}") Duration statementTimeout) {
		this.complaints = complaints;
		this.pages = pages;
		this.proposals = proposals;
		this.ratings = ratings;
		this.access = access;
		this.brands = brands;
		this.sharedPages = new SharedReads<>(SharedReads.patience(statementTimeout));
	}

	/** {@code node(id:)} finds a complaint the viewer may read, as the viewer may see it. */
	@Override
	public String typeName() {
		return Complaint.TYPE;
	}

	/** A complaint the viewer may read; empty otherwise, exactly as for one that does not exist. */
	@Override
	public Mono<Complaint> byId(long id) {
		return access.participation(id).map(Participation::complaint)
				.onErrorResume(NotFoundException.class, ex -> Mono.empty());
	}

	/** The public feed, newest first. Withdrawn complaints are never in it. */
	public Mono<Connection<Complaint>> feed(PageRequest page, ComplaintFilter filter, ComplaintJoins joins) {
		ComplaintFilter given = filter == null ? ComplaintFilter.NONE : filter;
		String pattern = SearchText.likePattern(given.search(), MAX_SEARCH);
		if (given.brandSlug() == null) {
			return page(new ComplaintQuery(null, null, given.status(), given.category(), pattern, null, 0), joins, page);
		}
		return brands.bySlugShared(given.brandSlug())
				.flatMap(brand -> page(new ComplaintQuery(brand.id(), null, given.status(), given.category(), pattern,
						null, 0), joins, page))
				.defaultIfEmpty(Connection.of(List.of(), page, Complaints.CURSOR));
	}

	/**
	 * The same page of several brands' complaints, by brand id, in one statement; a brand's members see its complaints
	 * whole. {@code query} is what {@link #brandQuery} made of the arguments.
	 */
	Mono<Map<Long, Connection<Complaint>>> ofBrands(Set<Long> brandIds, ComplaintQuery query, ComplaintJoins joins,
			PageRequest page) {
		return CurrentViewer.get().flatMap(viewer -> pages
				.brandPages(brandIds, query, joins, viewer.subject(), page.fetchSize()).collectList()
				.map(rows -> access.seenBy(viewer, rows).stream().collect(Collectors.groupingBy(Complaint::brandId)))
				.map(byBrand -> brandIds.stream().collect(Collectors.toMap(Function.identity(),
						brandId -> Connection.of(byBrand.getOrDefault(brandId, List.of()), page, Complaints.CURSOR)))));
	}

	/**
	 * A brand page's arguments, checked (a bad cursor fails here, in the field that has it, not in a whole batch): the
	 * same for every brand that asks alike, so such brands share one statement.
	 */
	static ComplaintQuery brandQuery(ComplaintStatus status, PageRequest page) {
		return positioned(new ComplaintQuery(null, null, status, null, null, null, 0), page);
	}

	/** The viewer's own complaints, withdrawn ones included: one statement. */
	public Mono<Connection<Complaint>> ofViewer(Profile viewer, PageRequest page, ComplaintJoins joins) {
		return page(new ComplaintQuery(null, viewer.id(), null, null, null, null, 0), joins, page);
	}

	/** The latest proposal of each complaint, masked for non-participants. */
	public Mono<Map<Complaint, Proposal>> resolutions(List<Complaint> batch) {
		Map<Long, Complaint> byId = byId(batch);
		return proposals.latest(byId.keySet()).collectMap(proposal -> byId.get(proposal.complaintId()),
				proposal -> byId.get(proposal.complaintId()).participant() ? proposal : proposal.masked());
	}

	/** Each complaint's rating, its comment masked for non-participants. */
	public Mono<Map<Complaint, Rating>> ratings(List<Complaint> batch) {
		Map<Long, Complaint> byId = byId(batch);
		return ratings.byComplaints(byId.keySet()).collectMap(rating -> byId.get(rating.complaintId()),
				rating -> byId.get(rating.complaintId()).participant() ? rating : rating.masked());
	}

	/**
	 * A page of a feed. Requests asking for the same page at the same time share its statement (the newest complaints,
	 * asked by every anonymous visitor of the front page, are the usual case); the rows it reads depend only on the
	 * key, which holds the viewer's subject, and each request decides from them what its viewer sees.
	 */
	private Mono<Connection<Complaint>> page(ComplaintQuery query, ComplaintJoins joins, PageRequest page) {
		ComplaintQuery positioned = positioned(query, page);
		return CurrentViewer.get().flatMap(viewer -> {
			PageKey key = new PageKey(positioned, joins, viewer.subject(), page.fetchSize());
			return sharedPages.read(key, () -> read(key))
					.map(rows -> Connection.of(access.seenBy(viewer, rows), page, Complaints.CURSOR));
		});
	}

	static ComplaintQuery positioned(ComplaintQuery query, PageRequest page) {
		return page.after() == null ? query : after(query, Cursors.decode(page.after()));
	}

	private static ComplaintQuery after(ComplaintQuery query, Cursors.Key key) {
		try {
			return new ComplaintQuery(query.brandId(), query.consumerId(), query.status(), query.category(),
					query.titlePattern(), OffsetDateTime.parse(key.value()), key.id());
		}
		catch (RuntimeException ex) {
			throw new BadRequestException("after is not a cursor of this connection");
		}
	}


	private static Map<Long, Complaint> byId(List<Complaint> batch) {
		return batch.stream().collect(Collectors.toMap(Complaint::id, Function.identity(), (a, b) -> a));
	}

	/** Reads a feed page from its key alone, so the key names everything the statement depends on. */
	private Mono<List<ComplaintPages.Listed>> read(PageKey key) {
		return pages.page(key.query(), key.joins(), key.viewerSubject(), key.limit()).collectList();
	}

	/** Everything a feed page's statement depends on. */
	private record PageKey(ComplaintQuery query, ComplaintJoins joins, String viewerSubject, int limit) {
	}
}
