package io.redress.complaint;

import java.util.List;

import io.redress.account.AccountManagement;
import io.redress.account.Profile;
import io.redress.brand.Brand;
import io.redress.brand.BrandDirectory;
import io.redress.brand.BrandManagement;
import io.redress.brand.BrandPayload;
import io.redress.realtime.EventLog;
import io.redress.realtime.NewEvent;
import io.redress.security.CurrentViewer;
import io.redress.security.Viewer;
import io.redress.shared.EmailAddress;
import io.redress.shared.InputCheck;
import io.redress.shared.RequestHash;
import io.redress.shared.UserError;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Filing a complaint. With an idempotency key, any number of identical requests, even at once, file one complaint
 * and all return it: the unique key makes concurrent inserts wait for the first and then find its row.
 */
@Service
class ComplaintFiling {

	static final int MAX_TITLE = 200;
	static final int MAX_DESCRIPTION = 10_000;
	static final int MAX_ORDER_REFERENCE = 100;
	static final int MAX_IDEMPOTENCY_KEY = 100;

	private final Complaints complaints;
	private final ComplaintAccess access;
	private final AccountManagement accounts;
	private final BrandDirectory brandDirectory;
	private final BrandManagement brandManagement;
	private final EventLog events;
	private final TransactionalOperator tx;
	private final Deadlines deadlines;

	ComplaintFiling(Complaints complaints, ComplaintAccess access, AccountManagement accounts,
			BrandDirectory brandDirectory, BrandManagement brandManagement, EventLog events, TransactionalOperator tx,
			Deadlines deadlines) {
		this.deadlines = deadlines;
		this.complaints = complaints;
		this.access = access;
		this.accounts = accounts;
		this.brandDirectory = brandDirectory;
		this.brandManagement = brandManagement;
		this.events = events;
		this.tx = tx;
	}

	public Mono<ComplaintPayload> file(FileComplaintInput input) {
		return CurrentViewer.required().flatMap(viewer -> {
			InputCheck check = check(input);
			if (check.failed()) {
				return Mono.just(ComplaintPayload.failed(check.errors()));
			}
			// The profile is read (and its row locked) inside the filing's transaction: an erasure of the account
			// either waits for the filing, and anonymises its complaint too, or commits first, and the filing gets
			// the new profile a later sign-in gets; a complaint never lands on an erased profile with its details.
			return tx.transactional(accounts.profileOf(viewer).flatMap(profile -> brand(input).flatMap(brand -> brand
					.brand() == null ? Mono.just(ComplaintPayload.failed(brand.userErrors()))
							: ownBrand(viewer, brand.brand()).flatMap(own -> own
									? Mono.just(ComplaintPayload.failed(input.brandSlug() != null ? "brandSlug" : "newBrand",
											"OWN_BRAND", "You belong to " + brand.brand().name()
													+ "'s team, so you cannot file a complaint against it"))
									: file(input, brand.brand(), profile)))));
		});
	}

	/** One person, one side: a brand's members and integrations never file against it. */
	private Mono<Boolean> ownBrand(Viewer viewer, Brand brand) {
		return brandDirectory.rolesOf(viewer.subject(), List.of(brand.id())).map(roles -> roles.containsKey(brand.id()));
	}

	private Mono<ComplaintPayload> file(FileComplaintInput input, Brand brand, Profile consumer) {
		NewComplaint complaint = new NewComplaint(brand.id(), input.title().strip(), input.description().strip(),
				input.category(), stripped(input.orderReference()), input.idempotencyKey(), hash(input, brand));
		return complaints.insert(complaint, consumer.id(), brand.responseTargetHours(), brand.resolutionTargetDays())
				.flatMap(id -> deadlines.scheduleTargets(id)
						.then(contactAddress(input, brand))
						.then(events.append(NewEvent.about(ComplaintEventType.COMPLAINT_FILED, brand.id(), id,
								consumer.id(), ComplaintEventType.COMPLAINT_FILED.visibility())))
						.then(seen(id)))
				.switchIfEmpty(Mono.defer(() -> complaints.byIdempotencyKey(consumer.id(), input.idempotencyKey())
						.flatMap(earlier -> earlier.requestHash().equals(complaint.requestHash())
								? seen(earlier.complaint().id())
								: Mono.just(ComplaintPayload.failed("idempotencyKey", "IDEMPOTENCY_KEY_REUSED",
										"This idempotency key was used for a different complaint")))));
	}

	/** The address the consumer gave for an unclaimed brand, before the filing's event that may invite it. */
	private Mono<Void> contactAddress(FileComplaintInput input, Brand brand) {
		return EmailAddress.parse(input.brandContactEmail())
				.map(email -> brandManagement.offerContactAddress(brand, email)).orElse(Mono.empty());
	}

	private Mono<ComplaintPayload> seen(long complaintId) {
		return access.participation(complaintId).map(participation -> ComplaintPayload.ok(participation.complaint()));
	}

	private Mono<BrandPayload> brand(FileComplaintInput input) {
		if (input.brandSlug() != null) {
			return brandDirectory.bySlug(input.brandSlug()).map(brand -> new BrandPayload(brand, List.of()))
					.defaultIfEmpty(new BrandPayload(null, List.of(UserError.of("brandSlug", "NOT_FOUND",
							"No brand has this slug; name a brand not on Redress yet with newBrand"))));
		}
		return brandManagement.findOrCreateUnclaimed(input.newBrand().name(), input.newBrand().website(), "newBrand.");
	}

	private static InputCheck check(FileComplaintInput input) {
		InputCheck check = new InputCheck()
				.requiredText("title", input.title(), MAX_TITLE)
				.requiredText("description", input.description(), MAX_DESCRIPTION)
				.optionalText("orderReference", input.orderReference(), MAX_ORDER_REFERENCE)
				.optionalText("idempotencyKey", input.idempotencyKey(), MAX_IDEMPOTENCY_KEY)
				.optionalEmail("brandContactEmail", input.brandContactEmail());
		if ((input.brandSlug() == null) == (input.newBrand() == null)) {
			check.add(UserError.of("brandSlug", "INVALID", "Give either brandSlug or newBrand, not both or neither"));
		}
		return check;
	}

	/** What makes two filings "the same request" for the idempotency key. */
	private static String hash(FileComplaintInput input, Brand brand) {
		if (input.idempotencyKey() == null) {
			return null;
		}
		return RequestHash.of(Long.toString(brand.id()), input.title().strip(), input.description().strip(),
				input.category().name(), String.valueOf(stripped(input.orderReference())));
	}

	private static String stripped(String text) {
		return text == null ? null : text.strip();
	}
}
