package io.redress.complaint;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.redress.account.AccountManagement;
import io.redress.brand.BrandDirectory;
import io.redress.realtime.EventFilter;
import io.redress.realtime.EventStreams;
import io.redress.realtime.RealtimeSettings;
import io.redress.realtime.StoredEvent;
import io.redress.realtime.Visibility;
import io.redress.security.CurrentViewer;
import io.redress.security.Viewer;
import io.redress.shared.ForbiddenException;
import io.redress.shared.GlobalId;
import io.redress.shared.NotFoundException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * Live complaint events. A subscriber receives only events it could read with a query: public ones for everyone,
 * participant ones for the consumer, the brand and moderators, internal brand ones for the brand and moderators.
 * Access that rests on brand membership is re-checked before events are delivered, so a removed member stops.
 * Members of a partner brought into a case get its participant events but those about what the consumer kept from
 * partners, and the brand's internal ones never.
 */
@Service
class ComplaintSubscriptions {

	private final EventStreams streams;
	private final ComplaintAccess access;
	private final BrandDirectory brands;
	private final AccountManagement accounts;
	private final Duration membershipCheck;
	private final ComplaintPartners partners;

	/** Cases a partner's brand events follow at most: its newest involvements when the subscription starts, and any it joins. */
	static final int MAX_PARTNER_CASES = 10_000;

	private static final Pattern PARTNER = Pattern.compile("\"partnerBrandId\":\\s*(\\d+)");
	private static final Pattern KEPT = Pattern.compile("\"keptFromPartners\":\\s*true");

	/** By the stored event's identity, as long as some subscriber's buffer still holds it. */
	private final Cache<StoredEvent, ComplaintEvent> shared = Caffeine.newBuilder().weakKeys().build();

	ComplaintSubscriptions(EventStreams streams, ComplaintAccess access, BrandDirectory brands,
			AccountManagement accounts, RealtimeSettings settings, ComplaintPartners partners) {
		this.partners = partners;
		this.streams = streams;
		this.access = access;
		this.brands = brands;
		this.accounts = accounts;
		this.membershipCheck = settings.membershipCheck();
	}

	/** One complaint's events; anyone who may read the complaint may follow it. */
	public Flux<ComplaintEvent> ofComplaint(String complaintId, String after) {
		long id = GlobalId.decode(complaintId, Complaint.TYPE).orElseThrow(() -> new NotFoundException("Complaint"));
		return settled(access.participation(id)).flatMapMany(participation -> {
			Flux<StoredEvent> log = streams.follow(EventFilter.complaint(id), after);
			if (participation.party() == Party.CONSUMER) {
				// The consumer's erasure is a SYSTEM fact about this complaint: it ends what they follow as its consumer.
				log = log.takeWhile(event -> !event.is(ComplaintEventType.CONSUMER_ERASED));
			}
			Flux<ComplaintEvent> events = log.filter(StoredEvent::forSubscribers)
					.filter(event -> visible(event, participation.party()))
					.map(this::event);
			if (participation.party() == Party.PARTNER) {
				// The partner's decline is the last event its members follow as a partner of this case.
				long partner = participation.partnerBrandId();
				return whileMember(log.takeUntil(event -> event.is(ComplaintEventType.PARTNER_DECLINED)
						&& partnerOf(event) == partner).filter(StoredEvent::forSubscribers)
						.filter(event -> visible(event, Party.PARTNER)).map(this::event),
						participation.viewer(), partner);
			}
			return participation.party() == Party.BRAND
					? whileMember(events, participation.viewer(), participation.complaint().brandId()) : events;
		});
	}

	/**
	 * A brand's events, for its members (integrations included) and moderators. A member receives the events of
	 * complaints they filed themselves as that complaint's consumer does: without the brand's internal ones. Members
	 * also receive the events of the cases their brand takes part in as a partner, as a partner does (a partner reads
	 * the whole case, so a replay may hold events from before it joined); those cases are another brand's, so this
	 * follows the whole log and keeps the brand's own events and those of its cases, kept up to date from the
	 * involvement and decline events as they pass.
	 */
	public Flux<ComplaintEvent> ofBrand(String brandId, String after) {
		long id = GlobalId.decode(brandId, "Brand").orElseThrow(() -> new NotFoundException("Brand"));
		return CurrentViewer.required().flatMapMany(viewer -> settled(isMember(viewer, id)).flatMapMany(member -> {
			if (!member && !viewer.isModerator()) {
				return Flux.error(new ForbiddenException("Only the brand's members follow its events"));
			}
			if (!member) {
				return follow(EventFilter.brand(id), after)
						.filter(event -> aboutAComplaint(event) && visible(event, Party.MODERATOR))
						.map(this::event);
			}
			return settled(accounts.profileOf(viewer)).flatMapMany(profile -> partners.casesOf(id, MAX_PARTNER_CASES)
					.collectList().flatMapMany(involved -> {
						Set<Long> cases = ConcurrentHashMap.newKeySet();
						cases.addAll(involved);
						return whileMember(follow(EventFilter.ALL, after)
								.filter(event -> aboutAComplaint(event) && (Long.valueOf(id).equals(event.brandId())
										? visible(event, partyOf(profile.id(), event))
										: partnerCase(cases, id, event) && visible(event, partnerOf(profile.id(), event))))
								.map(this::event), viewer, id);
					}));
		}));
	}

	/**
	 * Whether an event of another brand's complaint is about a case {@code partnerId} takes part in; its involvement
	 * adds the case, and its decline (delivered still) removes it.
	 */
	private static boolean partnerCase(Set<Long> cases, long partnerId, StoredEvent event) {
		boolean aboutThisPartner = partnerOf(event) == partnerId;
		if (aboutThisPartner && event.is(ComplaintEventType.PARTNER_INVOLVED)) {
			cases.add(event.complaintId());
			return true;
		}
		if (aboutThisPartner && event.is(ComplaintEventType.PARTNER_DECLINED)) {
			return cases.remove(event.complaintId());
		}
		return cases.contains(event.complaintId());
	}

	private static long partnerOf(StoredEvent event) {
		Matcher partner = PARTNER.matcher(event.payload() == null ? "" : event.payload());
		return partner.find() ? Long.parseLong(partner.group(1)) : -1;
	}

	private static Party partnerOf(long memberProfileId, StoredEvent event) {
		return Long.valueOf(memberProfileId).equals(event.consumerId()) ? Party.CONSUMER : Party.PARTNER;
	}

	/** A member who filed a complaint against their own brand follows it as its consumer, never as the brand. */
	private static Party partyOf(long memberProfileId, StoredEvent event) {
		return Long.valueOf(memberProfileId).equals(event.consumerId()) ? Party.CONSUMER : Party.BRAND;
	}

	/**
	 * The events of the viewer's own complaints, except the brand's internal ones, and the events addressed to the
	 * viewer in person (the log's consumer id is then the addressee's profile): among them what the brand hears
	 * about the cases assigned to the viewer ({@link AssigneeNotices}), delivered only while the viewer is still a
	 * member of that brand. It ends when the viewer erases their account: the erasure is an event about them as the
	 * consumer, so it arrives in this stream's own order.
	 */
	public Flux<ComplaintEvent> ofViewer(String after) {
		return settled(CurrentViewer.required().flatMap(viewer -> accounts.profileOf(viewer)
				.map(profile -> new Subscriber(viewer, profile.id()))))
				.flatMapMany(subscriber -> {
					Viewer viewer = subscriber.viewer();
					Map<Long, Mono<Boolean>> memberships = new ConcurrentHashMap<>();
					return streams.follow(EventFilter.consumer(subscriber.profileId()), after)
							// The erasure is a SYSTEM fact: seen before subscribers' events are picked, it only ends the stream.
							.takeWhile(event -> !event.is(ComplaintEventType.CONSUMER_ERASED))
							.filter(event -> event.visibility() == Visibility.ADDRESSEE || visible(event, Party.CONSUMER))
							.concatMap(event -> !AssigneeNotices.isAssigneeNotice(event) ? Mono.just(event)
									: memberships.computeIfAbsent(event.brandId(), brand -> isMember(viewer, brand)
											.cache(ok -> membershipCheck, error -> Duration.ZERO, () -> Duration.ZERO))
											.filter(Boolean::booleanValue).map(member -> event))
							.map(this::event);
				});
	}

	/** Who follows their own events: the viewer, and their profile (the log's consumer id of what is theirs). */
	private record Subscriber(Viewer viewer, long profileId) {
	}

	/**
	 * A lookup a subscription starts from, as a plain value: {@code flatMapMany} keeps its source subscribed for as
	 * long as the stream runs, and a database query's subscription holds its statement's parsed SQL and row
	 * descriptions (some 7 KB), which every idle subscription would keep.
	 */
	private static <T> Mono<T> settled(Mono<T> lookup) {
		return Mono.deferContextual(context -> Mono.fromFuture(lookup.contextWrite(context).toFuture()));
	}

	/** The log as subscribers may ever see it: facts kept for modules ({@code SYSTEM} events) are never theirs. */
	private Flux<StoredEvent> follow(EventFilter filter, String after) {
		return streams.follow(filter, after).filter(StoredEvent::forSubscribers);
	}

	/**
	 * Passes events only while the viewer is still a member. Membership is checked when an event is about to be
	 * delivered, at most once per check interval, so idle subscriptions cost the database nothing.
	 */
	private Flux<ComplaintEvent> whileMember(Flux<ComplaintEvent> events, Viewer viewer, long brandId) {
		Mono<Boolean> member = isMember(viewer, brandId)
				.cache(ok -> membershipCheck, error -> Duration.ZERO, () -> Duration.ZERO);
		return events.concatMap(event -> member.flatMap(stillMember -> stillMember ? Mono.just(event)
				: Mono.error(new ForbiddenException("You are no longer a member of this brand"))));
	}

	private Mono<Boolean> isMember(Viewer viewer, long brandId) {
		return brands.rolesOf(viewer.subject(), List.of(brandId)).map(roles -> roles.containsKey(brandId));
	}

	private static boolean visible(StoredEvent event, Party party) {
		if (party == Party.PARTNER && event.payload() != null && KEPT.matcher(event.payload()).find()) {
			return false;
		}
		return switch (event.visibility()) {
			case PUBLIC -> true;
			case PARTICIPANTS -> party.isParticipant();
			case BRAND -> party.readsInternalNotes();
			case SYSTEM, ADDRESSEE -> false;
		};
	}

	/** Complaint streams carry complaint events only; brand-level events of the log are not theirs. */
	private static boolean aboutAComplaint(StoredEvent event) {
		return event.complaintId() != null;
	}

	/**
	 * The event as subscribers receive it: one object for every subscriber the hub hands the same stored event to, so
	 * that its fields are resolved once per audience, not once per subscriber (the GraphQL layer shares them by
	 * the event's identity).
	 */
	private ComplaintEvent event(StoredEvent event) {
		return shared.get(event, stored -> new ComplaintEvent(stored.cursor().encoded(), stored.type(),
				stored.occurredAt(), stored.complaintId(), stored.messageId(), stored.payload()));
	}
}
