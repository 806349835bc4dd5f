package io.redress.complaint;

import java.util.List;
import java.util.Optional;

import io.redress.brand.BrandDirectory;
import io.redress.brand.BrandRole;
import io.redress.security.CurrentViewer;
import io.redress.security.Viewer;
import io.redress.shared.NotFoundException;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Who may see what of a complaint. The consumer, the brand's members and moderators are participants and see it
 * whole; everyone else sees the public parts, masked, and a withdrawn, hidden or removed complaint not at all.
 */
@Component
public class ComplaintAccess {

	private final Complaints complaints;
	private final BrandDirectory brands;

	ComplaintAccess(Complaints complaints, BrandDirectory brands) {
		this.complaints = complaints;
		this.brands = brands;
	}

	/** The viewer's part in a complaint; NOT_FOUND when it does not exist or the viewer may not read it. */
	public Mono<Participation> participation(long complaintId) {
		return CurrentViewer.get().flatMap(viewer -> participation(viewer, complaints.findById(complaintId)));
	}

	/**
	 * As {@link #participation(long)}, with the complaint row locked until the transaction ends; call it inside
	 * one, so changes to one complaint happen one at a time.
	 */
	Mono<Participation> lockedParticipation(long complaintId) {
		return CurrentViewer.get().flatMap(viewer -> participation(viewer, complaints.lock(complaintId)));
	}

	/**
	 * Each row of a page as the viewer may see it, in order, judged by the role in its brand that the page's own
	 * statement read with it; rows the viewer may not read are left out.
	 */
	List<Complaint> seenBy(Viewer viewer, List<ComplaintPages.Listed> rows) {
		return rows.stream()
				.map(row -> row.complaint().seenBy(party(viewer, row.complaint(), row.viewerRole())))
				.filter(ComplaintAccess::readable)
				.toList();
	}

	private Mono<Participation> participation(Viewer viewer, Mono<Complaint> row) {
		return row.flatMap(complaint -> {
			Mono<Optional<BrandRole>> role = viewer.isAuthenticated()
					? brands.rolesOf(viewer.subject(), List.of(complaint.brandId()))
							.map(byBrand -> Optional.ofNullable(byBrand.get(complaint.brandId())))
					: Mono.just(Optional.empty());
			return role.map(brandRole -> {
				Party party = party(viewer, complaint, brandRole.orElse(null));
				return new Participation(complaint.seenBy(party), viewer, party, brandRole);
			});
		})
				.filter(participation -> readable(participation.complaint()))
				.switchIfEmpty(Mono.error(() -> new NotFoundException("Complaint")));
	}

	private static Party party(Viewer viewer, Complaint complaint, BrandRole brandRole) {
		if (complaint.filedBy(viewer.subject())) {
			return Party.CONSUMER;
		}
		if (brandRole != null) {
			return Party.BRAND;
		}
		return viewer.isModerator() ? Party.MODERATOR : Party.PUBLIC;
	}

	private static boolean readable(Complaint complaint) {
		return complaint.participant() || complaint.publiclyVisible();
	}
}
