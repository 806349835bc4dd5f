package io.redress.complaint;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.redress.security.Viewer;
import io.redress.shared.Connection;
import io.redress.shared.PageRequest;
import reactor.core.publisher.Mono;

import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;

/**
 * Complaints as anyone reads them, whoever asks: the public pages and widgets are the same for every visitor (and
 * cached so), so they are read as an anonymous reader, never with the caller's rights.
 */
@NamedInterface("read")
@Service
public class PublicCases {

	/**
	 * A page's rows with their ratings, masked with the row for the public ({@code Complaint.seenBy}); a page of cases
	 * shows no description, and shows when the brand responded and resolved (the clocks).
	 */
	private static final ComplaintJoins WITH_RATING = new ComplaintJoins(false, true, false, true, true);

	private final Complaints complaints;
	private final ComplaintPages pages;
	private final PublicCaseQueries queries;
	private final Ratings ratings;
	private final ComplaintAccess access;
	private final FollowUps followUps;

	PublicCases(Complaints complaints, ComplaintPages pages, PublicCaseQueries queries, Ratings ratings,
			ComplaintAccess access, FollowUps followUps) {
		this.complaints = complaints;
		this.pages = pages;
		this.queries = queries;
		this.ratings = ratings;
		this.access = access;
		this.followUps = followUps;
	}

	/** A brand's public complaints, newest first, with their ratings joined in: one statement a page. */
	public Mono<Connection<PublicCase>> ofBrand(long brandId, PageRequest page) {
		ComplaintQuery query = ComplaintDirectory.positioned(new ComplaintQuery(brandId, null, null, null, null, null, 0),
				page);
		return pages.page(query, WITH_RATING, "", page.fetchSize()).collectList()
				.map(rows -> Connection.of(access.seenBy(Viewer.anonymous(), rows), page, Complaints.CURSOR)
						.map(shown -> PublicCase.of(shown, shown.related().rating(), false)));
	}

	/** One complaint as the public reads it; empty when it is missing or not public, alike. */
	public Mono<PublicCase> byId(long id) {
		return complaints.findById(id).map(complaint -> complaint.seenBy(Party.PUBLIC))
				.filter(Complaint::publiclyVisible)
				.flatMap(complaint -> rated(List.of(complaint), true).map(cases -> cases.get(complaint)));
	}

	/** The brand's latest resolved complaints that their consumers rated, newest rating first. */
	public Mono<List<PublicCase>> ratedResolutions(long brandId, int limit) {
		return queries.ratedResolutions(brandId, Math.min(limit, PageRequest.MAX_FIRST))
				.map(complaint -> complaint.seenBy(Party.PUBLIC)).collectList()
				.flatMap(shown -> rated(shown, false).map(cases -> shown.stream().map(cases::get).toList()));
	}

	/** How fast the brand answers and resolves: one aggregate. */
	public Mono<CaseTimes> times(long brandId) {
		return queries.times(brandId);
	}

	/** The brand's answered follow-ups and how many held (public in aggregate, like {@code Brand.followUps}). */
	public Mono<HeldResolutions> heldResolutions(long brandId) {
		return followUps.summaries(List.of(brandId)).next()
				.map(summary -> new HeldResolutions(summary.answered(), summary.held()))
				.defaultIfEmpty(new HeldResolutions(0, 0));
	}

	private Mono<Map<Complaint, PublicCase>> rated(List<Complaint> shown, boolean withDescription) {
		if (shown.isEmpty()) {
			return Mono.just(Map.of());
		}
		return ratings.byComplaints(shown.stream().map(Complaint::id).toList())
				.collectMap(Rating::complaintId, Rating::masked)
				.map(byId -> shown.stream().collect(Collectors.toMap(Function.identity(),
						complaint -> PublicCase.of(complaint, byId.get(complaint.id()), withDescription), (a, b) -> a)));
	}
}
