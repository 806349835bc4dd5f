package io.redress.complaint;

import java.util.List;
import java.util.Set;

import io.redress.account.AccountManagement;
import io.redress.brand.BrandDirectory;
import io.redress.realtime.EventLog;
import io.redress.realtime.NewEvent;
import io.redress.realtime.Visibility;
import io.redress.realtime.StoredEvent;
import io.redress.security.Viewer;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Tells the member a case is assigned to what the brand hears about it in person: the assignment itself and its
 * targets near or past ({@code DUE_SOON}, {@code FIRST_RESPONSE_OVERDUE}, {@code RESOLUTION_OVERDUE}). Each is a copy
 * of the brand's event addressed to the assignee's profile, appended in the transaction of the brand's event, which
 * {@code viewerEvents} delivers to them alone (while they are still a member of the brand) and never to the
 * consumer, a webhook or another subscription. An assignee who is no longer a member is told nothing.
 */
@Component
class AssigneeNotices {

	/** The brand events an assignee hears of in person. */
	private static final Set<ComplaintEventType> TOLD = Set.of(ComplaintEventType.COMPLAINT_ASSIGNED,
			ComplaintEventType.DUE_SOON, ComplaintEventType.FIRST_RESPONSE_OVERDUE,
			ComplaintEventType.RESOLUTION_OVERDUE);

	/** The payload key that marks the copy as the assignee's, beside those of the brand's event. */
	static final String ADDRESSED_TO = "addressedTo";

	/**
	 * The assignee's profile while they are a member of the brand, read from the account and brand modules'
	 * published views, without locking anything: sweeps on several nodes may tell the same assignee at once.
	 */
	private static final String MEMBER_PROFILE = """
			SELECT p.profile_id FROM account_profiles p
			JOIN brand_roles r ON r.subject = p.subject AND r.brand_id = :brandId
			WHERE p.subject = :assignee""";

	private final DatabaseClient db;
	private final BrandDirectory brands;
	private final AccountManagement accounts;
	private final EventLog events;

	AssigneeNotices(DatabaseClient db, BrandDirectory brands, AccountManagement accounts, EventLog events) {
		this.db = db;
		this.brands = brands;
		this.accounts = accounts;
		this.events = events;
	}

	/** Addresses a copy of {@code brandEvent} to {@code assignee}, a subject, if they are a member of its brand. */
	Mono<Void> tell(NewEvent brandEvent, String assignee) {
		if (assignee == null || !(brandEvent.type() instanceof ComplaintEventType type) || !TOLD.contains(type)) {
			return Mono.empty();
		}
		long brandId = brandEvent.brandId();
		return memberProfile(assignee, brandId)
				// One person, one side: whoever filed the complaint never hears the brand's side of it.
				.filter(profileId -> !profileId.equals(brandEvent.consumerId()))
				.flatMap(profileId -> {
					NewEvent addressed = new NewEvent(type, brandId, brandEvent.complaintId(), profileId,
							Visibility.ADDRESSEE, brandEvent.payload());
					return events.append(addressed.with(ADDRESSED_TO, "ASSIGNEE"));
				})
				.then();
	}

	/** The member's profile; created for a member who never used Redress in person (rare: a member signs in). */
	private Mono<Long> memberProfile(String assignee, long brandId) {
		return db.sql(MEMBER_PROFILE).bind("brandId", brandId).bind("assignee", assignee)
				.map(row -> row.get("profile_id", Long.class)).one()
				.switchIfEmpty(Mono.defer(() -> brands.rolesOf(assignee, List.of(brandId))
						.filter(roles -> roles.containsKey(brandId))
						.flatMap(member -> accounts.profileOf(new Viewer(assignee, Set.of())))
						.map(profile -> profile.id())));
	}

	/** Whether a stored event is such a copy: delivered only while its addressee is a member of its brand. */
	static boolean isAssigneeNotice(StoredEvent event) {
		return event.visibility() == Visibility.ADDRESSEE && event.brandId() != null
				&& TOLD.stream().anyMatch(event::is);
	}
}
