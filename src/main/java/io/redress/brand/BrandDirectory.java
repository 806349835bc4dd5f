package io.redress.brand;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.redress.security.CurrentViewer;
import io.redress.security.Viewer;
import io.redress.shared.Connection;
import io.redress.shared.Cursors;
import io.redress.shared.NodeLookup;
import io.redress.shared.PageRequest;
import io.redress.shared.SearchText;
import io.redress.shared.TextMask;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;

/**
 * Reading brands: the public directory, and the parts only a brand's team or a moderator may see. Every read of a
 * relation takes a batch of brands and costs one statement, whatever the batch size.
 */
@NamedInterface("read")
@Service
public class BrandDirectory implements NodeLookup {

	static final int MAX_SEARCH_LENGTH = 100;
	static final int MAX_MEMBERSHIPS = 100;

	private final Brands brands;
	private final BrandMembers members;
	private final BrandClaims claims;
	private final SharedSlugLookups sharedLookups;

	BrandDirectory(Brands brands, BrandMembers members, BrandClaims claims, SharedSlugLookups sharedLookups) {
		this.brands = brands;
		this.members = members;
		this.claims = claims;
		this.sharedLookups = sharedLookups;
	}

	public Mono<Brand> bySlug(String slug) {
		return isSlug(slug) ? brands.findBySlug(slug) : Mono.empty();
	}

	/**
	 * The same brand as {@link #bySlug}, from a statement that lookups made at the same time share; for reads outside
	 * a transaction (it cannot see a brand the caller's transaction has written).
	 */
	public Mono<Brand> bySlugShared(String slug) {
		return isSlug(slug) ? sharedLookups.find(slug) : Mono.empty();
	}

	/** Whether a text could be a brand's slug at all; anything else names no brand, without asking the database. */
	public static boolean isSlug(String candidate) {
		return Slugs.isValid(candidate);
	}

	/** Brands are public, so {@code node(id:)} finds any of them. */
	@Override
	public String typeName() {
		return Brand.TYPE;
	}

	@Override
	public Mono<Brand> byId(long id) {
		return brands.findById(id);
	}

	public Mono<Connection<Brand>> page(PageRequest request, String search) {
		String pattern = SearchText.likePattern(search, MAX_SEARCH_LENGTH);
		Cursors.Key after = request.after() == null ? null : Cursors.decode(request.after());
		return brands.page(pattern, after == null ? null : after.value(), after == null ? null : after.id(),
				request.fetchSize())
				.collectList()
				.map(rows -> Connection.of(rows, request, row -> Cursors.encode(row.sortKey(), row.brand().id()))
						.map(Brands.Listed::brand));
	}

	/** Each brand's team: empty for brands whose team the viewer may not see. */
	public Mono<Map<Brand, List<BrandMember>>> members(List<Brand> batch) {
		return CurrentViewer.get().flatMap(viewer -> members
				.visibleMembers(ids(batch), viewer.subject(), viewer.isModerator())
				.collectMultimap(BrandMember::brandId)
				.map(byBrand -> everyBrand(batch, brand -> List.copyOf(byBrand.getOrDefault(brand.id(), List.of())))));
	}

	/** The viewer's role in each brand; brands they are not a member of are absent. */
	public Mono<Map<Brand, BrandRole>> viewerRoles(List<Brand> batch) {
		return CurrentViewer.get().flatMap(viewer -> {
			if (!viewer.isAuthenticated()) {
				return Mono.just(Map.of());
			}
			Map<Long, Brand> byId = batch.stream().collect(Collectors.toMap(Brand::id, Function.identity(), (a, b) -> a));
			return members.membershipsOf(viewer.subject(), byId.keySet())
					.collectMap(member -> byId.get(member.brandId()), BrandMember::role);
		});
	}

	/**
	 * Each brand's description as the viewer may read it: whole for its members and moderators, with contact details
	 * masked for everyone else, as every other public text is.
	 */
	public Mono<Map<Brand, String>> descriptions(List<Brand> batch) {
		List<Brand> described = batch.stream().filter(brand -> brand.description() != null).toList();
		if (described.isEmpty()) {
			return Mono.just(Map.of());
		}
		return CurrentViewer.get().flatMap(viewer -> viewerRoles(described).map(roles -> described.stream()
				.collect(Collectors.toMap(Function.identity(), brand -> viewer.isModerator() || roles.containsKey(brand)
						? brand.description() : TextMask.mask(brand.description()), (a, b) -> a))));
	}

	/**
	 * Each brand's {@code DUE_SOON} lead times, for brands whose settings the viewer may read (its members and
	 * moderators); the others are left out, so their fields are null.
	 */
	Mono<Map<Brand, DueSoonLeads>> dueSoonLeads(List<Brand> batch) {
		return CurrentViewer.get().flatMap(viewer -> (viewer.isModerator() ? Mono.just(batch)
				: viewerRoles(batch).map(roles -> batch.stream().filter(roles::containsKey).toList()))
				.flatMap(readable -> readable.isEmpty() ? Mono.just(Map.<Brand, DueSoonLeads>of())
						: brands.dueSoonLeads(ids(readable)).collectMap(DueSoonLeads::brandId)
								.map(byId -> readable.stream().filter(brand -> byId.containsKey(brand.id()))
										.collect(Collectors.toMap(Function.identity(), brand -> byId.get(brand.id()),
												(a, b) -> a)))));
	}

	/** Claims on each brand: all of them for moderators, the viewer's own for everyone else. */
	public Mono<Map<Brand, List<BrandClaim>>> claims(List<Brand> batch) {
		return CurrentViewer.get().flatMap(viewer -> claims
				.visibleClaims(ids(batch), viewer.subject(), viewer.isModerator())
				.collectMultimap(BrandClaim::brandId)
				.map(byBrand -> everyBrand(batch, brand -> List.copyOf(byBrand.getOrDefault(brand.id(), List.of())))));
	}

	/** The roles {@code subject} holds in any of {@code brandIds}, by brand id: one statement for a whole page. */
	public Mono<Map<Long, BrandRole>> rolesOf(String subject, Collection<Long> brandIds) {
		if (subject == null || brandIds.isEmpty()) {
			return Mono.just(Map.of());
		}
		return members.membershipsOf(subject, brandIds).collectMap(BrandMember::brandId, BrandMember::role);
	}

	/** Brands by id, for relations of other modules: one statement for a whole batch. */
	public Flux<Brand> byIds(Collection<Long> ids) {
		return brands.findAllById(ids);
	}

	/** The brands the viewer belongs to; none for an anonymous caller. */
	public Flux<BrandMembership> viewerMemberships() {
		return CurrentViewer.get().filter(Viewer::isAuthenticated)
				.flatMapMany(viewer -> members.brandsOf(viewer.subject(), MAX_MEMBERSHIPS));
	}


	private static List<Long> ids(List<Brand> batch) {
		return batch.stream().map(Brand::id).distinct().toList();
	}

	private static <V> Map<Brand, V> everyBrand(List<Brand> batch, Function<Brand, V> value) {
		Map<Brand, V> result = new LinkedHashMap<>();
		batch.forEach(brand -> result.put(brand, value.apply(brand)));
		return result;
	}
}
