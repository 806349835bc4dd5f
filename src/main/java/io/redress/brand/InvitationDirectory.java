package io.redress.brand;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.redress.security.CurrentViewer;
import io.redress.security.Viewer;
import io.redress.shared.BadRequestException;
import io.redress.shared.Connection;
import io.redress.shared.Cursors;
import io.redress.shared.PageRequest;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * Reading pending invitations: a brand's, for its owners and managers (and moderators); a subject's own, for them.
 * Expired ones are no longer listed.
 */
@Service
class InvitationDirectory {

	private final BrandInvitations invitations;

	InvitationDirectory(BrandInvitations invitations) {
		this.invitations = invitations;
	}

	/** Each brand's pending invitations, in one statement: empty for brands the viewer does not manage. */
	Mono<Map<Brand, List<BrandInvitation>>> ofBrands(List<Brand> batch) {
		return CurrentViewer.get().flatMap(viewer -> invitations
				.visibleInvitations(batch.stream().map(Brand::id).distinct().toList(), viewer.subject(),
						viewer.isModerator())
				.collectMultimap(BrandInvitation::brandId)
				.map(byBrand -> {
					Map<Brand, List<BrandInvitation>> result = new LinkedHashMap<>();
					batch.forEach(brand -> result.put(brand, List.copyOf(byBrand.getOrDefault(brand.id(), List.of()))));
					return result;
				}));
	}

	/** The signed-in viewer's pending invitations, newest first. */
	Mono<Connection<BrandInvitation>> ofViewer(PageRequest page) {
		Cursors.Key after = page.after() == null ? null : Cursors.decode(page.after());
		Long afterPosition = after == null ? null : position(after);
		return CurrentViewer.required().map(Viewer::subject)
				.flatMap(subject -> invitations.pendingFor(subject, afterPosition, after == null ? null : after.id(),
						page.fetchSize()).collectList())
				.map(rows -> Connection.of(rows, page,
						row -> Cursors.encode(Long.toString(row.position()), row.invitation().brandId()))
						.map(BrandInvitations.Positioned::invitation));
	}

	private static long position(Cursors.Key key) {
		try {
			return Long.parseLong(key.value());
		}
		catch (NumberFormatException ex) {
			throw new BadRequestException("after is not a cursor of this connection");
		}
	}
}
