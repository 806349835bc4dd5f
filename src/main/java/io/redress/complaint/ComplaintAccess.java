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
 * Who may see what of a complaint. The consumer, the brand's members, the members of partner brands brought into the
 * case and moderators are participants and see it whole (partners without the brand's assignee); everyone else sees
 * the public parts, masked, and a withdrawn, hidden or removed complaint not at all. This is the one place that
 * decides how a viewer stands to a complaint, for single reads ({@link #participation}) and pages ({@link #seenBy}).
 */
@Component
public class ComplaintAccess {

	private final Complaints complaints;
	private final BrandDirectory brands;
	private final ComplaintPartners partners;

	ComplaintAccess(Complaints complaints, BrandDirectory brands, ComplaintPartners partners) {
		this.complaints = complaints;
		this.brands = brands;
		this.partners = partners;
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
	 * Each row of a page as the viewer may see it, in order, judged by the role in its brand and the partner seat that
	 * the page's own statement read with it; rows the viewer may not read are left out.
	 */
	List<Complaint> seenBy(Viewer viewer, List<ComplaintPages.Listed> rows) {
		return rows.stream()
				.map(row -> row.complaint().seenBy(party(viewer, row.complaint(), row.viewerRole(),
						row.viewerPartner())))
				.filter(ComplaintAccess::readable)
				.toList();
	}

	private Mono<Participation> participation(Viewer viewer, Mono<Complaint> row) {
		return row.flatMap(complaint -> {
			Mono<Optional<BrandRole>> role = viewer.isAuthenticated()
					? brands.rolesOf(viewer.subject(), List.of(complaint.brandId()))
							.map(byBrand -> Optional.ofNullable(byBrand.get(complaint.brandId())))
					: Mono.just(Optional.empty());
			return role.flatMap(brandRole -> partnerSeat(viewer, complaint, brandRole).map(seat -> {
				Party party = party(viewer, complaint, brandRole.orElse(null), seat.orElse(null));
				return new Participation(complaint.seenBy(party), viewer, party, brandRole,
						party == Party.PARTNER ? seat.get() : null);
			}));
		})
				.filter(participation -> readable(participation.complaint()))
				.switchIfEmpty(Mono.error(() -> new NotFoundException("Complaint")));
	}

	/** The partner brought into the case that the viewer belongs to; looked up only for a signed-in outsider. */
	private Mono<Optional<Long>> partnerSeat(Viewer viewer, Complaint complaint, Optional<BrandRole> brandRole) {
		if (!viewer.isAuthenticated() || brandRole.isPresent() || complaint.filedBy(viewer.subject())) {
			return Mono.just(Optional.empty());
		}
		return partners.seatOf(complaint.id(), viewer.subject()).map(Optional::of).defaultIfEmpty(Optional.empty());
	}

	private static Party party(Viewer viewer, Complaint complaint, BrandRole brandRole, Long partnerBrandId) {
		if (complaint.filedBy(viewer.subject())) {
			return Party.CONSUMER;
		}
		if (brandRole != null) {
			return Party.BRAND;
		}
		if (partnerBrandId != null) {
			return Party.PARTNER;
		}
		return viewer.isModerator() ? Party.MODERATOR : Party.PUBLIC;
	}

	private static boolean readable(Complaint complaint) {
		return complaint.participant() || complaint.publiclyVisible();
	}
}
