package io.redress.complaint;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import io.redress.ApiTest;
import io.redress.realtime.EventCursor;
import io.redress.shared.GlobalId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Targets that bite: each complaint's resolution target, and one event the moment a target passes or comes near,
 * exactly once however many nodes sweep, and after downtime too. The sweep is run here by hand; the moments are
 * moved into the past in the database, as the clock would.
 */
class TargetTests extends ApiTest {

	private static final String SETTINGS = """
			mutation($input: UpdateBrandSettingsInput!) {
			  updateBrandSettings(input: $input) {
			    brand { responseTargetHours resolutionTargetDays followUpDays } userErrors { field code }
			  }
			}""";

	@Autowired
	TargetWatch watch;

	private String brand;
	private String brandId;
	private String owner;
	private String agent;
	private String consumer;

	@BeforeEach
	void brandWithATeam() {
		brand = unique("targets");
		owner = unique("owner");
		agent = unique("agent");
		consumer = unique("consumer");
		brandId = registerBrand(owner, brand);
		addMember(owner, brandId, agent, "AGENT");
	}

	@Test
	void managersSetTheResolutionTargetAndEachNewComplaintIsDueByIt() {
		as(owner).document(SETTINGS).variable("input", Map.of("brandId", brandId, "resolutionTargetDays", 10,
				"followUpDays", 3)).execute()
				.path("updateBrandSettings.userErrors").entityList(Object.class).hasSize(0)
				.path("updateBrandSettings.brand.resolutionTargetDays").entity(Integer.class).isEqualTo(10)
				.path("updateBrandSettings.brand.followUpDays").entity(Integer.class).isEqualTo(3);

		String id = fileComplaint(consumer, brand, "Broken", "It broke");

		Map<String, Object> complaint = as(agent).document("""
				query($id: ID!) { complaint(id: $id) { createdAt resolutionDueAt resolutionOverdue dueAt firstResponseDueAt } }""")
				.variable("id", id).execute().path("complaint").entity(Map.class).get();
		OffsetDateTime created = OffsetDateTime.parse((String) complaint.get("createdAt"));
		assertThat(OffsetDateTime.parse((String) complaint.get("resolutionDueAt")))
				.isCloseTo(created.plusDays(10), within(Duration.ofSeconds(5)));
		assertThat(complaint.get("dueAt")).isEqualTo(complaint.get("firstResponseDueAt"));
		assertThat(complaint.get("resolutionOverdue")).isEqualTo(false);
	}

	@Test
	void aTargetOutOfRangeIsAUserErrorAndAgentsMayNotChangeIt() {
		as(owner).document(SETTINGS).variable("input", Map.of("brandId", brandId, "resolutionTargetDays", 0,
				"followUpDays", 31)).execute()
				.path("updateBrandSettings.brand").valueIsNull()
				.path("updateBrandSettings.userErrors[*].code").entityList(String.class)
				.containsExactly("OUT_OF_RANGE", "OUT_OF_RANGE")
				.path("updateBrandSettings.userErrors[*].field").entityList(String.class)
				.containsExactly("resolutionTargetDays", "followUpDays");

		as(agent).document(SETTINGS).variable("input", Map.of("brandId", brandId, "resolutionTargetDays", 5))
				.execute().errors().expect(error -> error.getErrorType() == ErrorType.FORBIDDEN).verify();
	}

	@Test
	void managersSetTheDueSoonLeadsAndEachNewComplaintIsWarnedByThem() {
		as(owner).document("""
				mutation($input: UpdateBrandSettingsInput!) {
				  updateBrandSettings(input: $input) {
				    brand { firstResponseDueSoonHours resolutionDueSoonHours } userErrors { field code }
				  }
				}""").variable("input", Map.of("brandId", brandId, "firstResponseDueSoonHours", 2,
				"resolutionDueSoonHours", 72)).execute()
				.path("updateBrandSettings.userErrors").entityList(Object.class).hasSize(0)
				.path("updateBrandSettings.brand.firstResponseDueSoonHours").entity(Integer.class).isEqualTo(2)
				.path("updateBrandSettings.brand.resolutionDueSoonHours").entity(Integer.class).isEqualTo(72);

		String id = fileComplaint(consumer, brand, "Lead", "Warned early");

		assertThat(leadBefore(id, "FIRST_RESPONSE")).isEqualTo(Duration.ofHours(2));
		assertThat(leadBefore(id, "RESOLUTION")).isEqualTo(Duration.ofHours(72));
	}

	@Test
	void aBrandWarnsFourHoursAndADayAheadUnlessItSaysOtherwise() {
		String id = fileComplaint(consumer, brand, "Default", "Default leads");

		assertThat(leadBefore(id, "FIRST_RESPONSE")).isEqualTo(Duration.ofHours(4));
		assertThat(leadBefore(id, "RESOLUTION")).isEqualTo(Duration.ofDays(1));
	}

	@Test
	void aLeadOutOfRangeIsAUserErrorAndOnlyManagersChangeIt() {
		as(owner).document(SETTINGS).variable("input", Map.of("brandId", brandId, "firstResponseDueSoonHours", 0,
				"resolutionDueSoonHours", 721)).execute()
				.path("updateBrandSettings.brand").valueIsNull()
				.path("updateBrandSettings.userErrors[*].code").entityList(String.class)
				.containsExactly("OUT_OF_RANGE", "OUT_OF_RANGE")
				.path("updateBrandSettings.userErrors[*].field").entityList(String.class)
				.containsExactly("firstResponseDueSoonHours", "resolutionDueSoonHours");

		String manager = unique("manager");
		addMember(owner, brandId, manager, "MANAGER");
		as(manager).document(SETTINGS).variable("input", Map.of("brandId", brandId, "firstResponseDueSoonHours", 720))
				.execute().path("updateBrandSettings.userErrors").entityList(Object.class).hasSize(0);
		for (String stranger : List.of(agent, consumer, "mod")) {
			as(stranger).document(SETTINGS).variable("input", Map.of("brandId", brandId, "firstResponseDueSoonHours", 1))
					.execute().errors().expect(error -> error.getErrorType() == ErrorType.FORBIDDEN).verify();
		}
		anonymous().document(SETTINGS).variable("input", Map.of("brandId", brandId, "firstResponseDueSoonHours", 1))
				.execute().errors().expect(error -> error.getErrorType() == ErrorType.UNAUTHORIZED).verify();
	}

	@Test
	void theLeadsShowToTheBrandsMembersAndModeratorsOnly() {
		String integration = unique("integration");
		addMember(owner, brandId, integration, "INTEGRATION");
		String leads = """
				query($slug: String!) { brand(slug: $slug) { firstResponseDueSoonHours resolutionDueSoonHours } }""";
		for (String reader : List.of(owner, agent, integration, "mod")) {
			as(reader).document(leads).variable("slug", brand).execute()
					.path("brand.firstResponseDueSoonHours").entity(Integer.class).isEqualTo(4)
					.path("brand.resolutionDueSoonHours").entity(Integer.class).isEqualTo(24);
		}
		for (var outsider : List.of(as(consumer), anonymous())) {
			outsider.document(leads).variable("slug", brand).execute()
					.path("brand.firstResponseDueSoonHours").valueIsNull()
					.path("brand.resolutionDueSoonHours").valueIsNull();
		}
	}

	@Test
	void aPassedFirstResponseTargetIsAnnouncedOnceHoweverManyNodesSweep() {
		String id = fileComplaint(consumer, brand, "No answer", "Nobody answers");
		firstResponseTargetPassed(id);

		// Four sweeps at once, as four nodes would, then one more after they all committed.
		Mono.when(watch.sweep(), watch.sweep(), watch.sweep(), watch.sweep()).block(Duration.ofSeconds(30));
		watch.sweep().block(Duration.ofSeconds(30));

		assertThat(events(id, "FIRST_RESPONSE_OVERDUE")).isEqualTo(1);
		as(agent).document("query($id: ID!) { complaint(id: $id) { overdue } }").variable("id", id).execute()
				.path("complaint.overdue").entity(Boolean.class).isEqualTo(true);
	}

	@Test
	void theAnnouncementReachesTheBrandsEventsAndItsAssigneeButNeverTheConsumer() {
		String id = fileComplaint(consumer, brand, "No answer", "Nobody answers");
		perform(agent, "assignComplaint", id).path("assignComplaint.userErrors").entityList(Object.class).hasSize(0);
		resolutionTargetPassed(id);

		watch.sweep().block(Duration.ofSeconds(30));

		String brandEvents = "subscription($id: ID!, $after: String) { brandEvents(brandId: $id, after: $after) { type complaintId } }";
		Map<String, Object> fromStart = Map.of("id", brandId, "after", EventCursor.START.encoded());
		StepVerifier.create(subscribe(issuer().token(agent), brandEvents, fromStart, "brandEvents").take(3)
				.map(event -> event.get("type")).collectList())
				.assertNext(types -> assertThat(types).containsExactly("COMPLAINT_FILED", "COMPLAINT_ASSIGNED",
						"RESOLUTION_OVERDUE"))
				.verifyComplete();
		assertThat(db.sql("""
				SELECT payload->>'assignee' FROM events
				WHERE complaint_id = :id AND type = 'RESOLUTION_OVERDUE' AND visibility = 'BRAND'""")
				.bind("id", rowId(id)).map(row -> row.get(0, String.class)).one().block()).isEqualTo(agent);
		// And a copy addressed to the assignee in person, for their viewerEvents (AssigneeEventsTests).
		assertThat(db.sql("SELECT visibility FROM events WHERE complaint_id = :id AND type = 'RESOLUTION_OVERDUE' ORDER BY id")
				.bind("id", rowId(id)).map(row -> row.get(0, String.class)).all().collectList().block())
				.containsExactly("BRAND", "ADDRESSEE");
	}

	@Test
	void aTargetMetInTimeIsNeverAnnounced() {
		String id = fileComplaint(consumer, brand, "Answered", "They answered");
		as(agent).documentName("postMessage").variable("input", Map.of("complaintId", id, "body", "On it",
				"visibility", "PUBLIC")).execute().path("postMessage.userErrors").entityList(Object.class).hasSize(0);
		firstResponseTargetPassed(id);

		watch.sweep().block(Duration.ofSeconds(30));

		assertThat(events(id, "FIRST_RESPONSE_OVERDUE")).isZero();
		assertThat(db.sql("""
				SELECT done_at IS NOT NULL AND NOT announced FROM complaint_deadlines
				WHERE complaint_id = :id AND kind = 'FIRST_RESPONSE_OVERDUE'""")
				.bind("id", rowId(id)).map(row -> row.get(0, Boolean.class)).one().block()).isTrue();
	}

	@Test
	void aTargetComingNearIsAnnouncedDueSoonOnce() {
		String id = fileComplaint(consumer, brand, "Soon", "Due soon");
		db.sql("""
				UPDATE complaint_deadlines SET due_at = now() - interval '1 minute'
				WHERE complaint_id = :id AND kind = 'FIRST_RESPONSE_DUE_SOON'""").bind("id", rowId(id)).then().block();

		watch.sweep().block(Duration.ofSeconds(30));
		watch.sweep().block(Duration.ofSeconds(30));

		assertThat(events(id, "DUE_SOON")).isEqualTo(1);
		assertThat(db.sql("SELECT payload->>'target' FROM events WHERE complaint_id = :id AND type = 'DUE_SOON'")
				.bind("id", rowId(id)).map(row -> row.get(0, String.class)).one().block()).isEqualTo("FIRST_RESPONSE");
	}

	@Test
	void afterDowntimeTheSweepAnnouncesWhatPassedButNotWhatWasOnlyNear() {
		String id = fileComplaint(consumer, brand, "Down", "While nobody ran");
		// Every moment of the complaint passed while no node ran: the targets and their warnings alike.
		db.sql("""
				UPDATE complaints SET first_response_due_at = now() - interval '2 days',
				                      resolution_due_at = now() - interval '1 day' WHERE id = :id""")
				.bind("id", rowId(id)).then().block();
		db.sql("UPDATE complaint_deadlines SET due_at = now() - interval '3 days' WHERE complaint_id = :id")
				.bind("id", rowId(id)).then().block();

		watch.sweep().block(Duration.ofSeconds(30));

		assertThat(List.of(events(id, "FIRST_RESPONSE_OVERDUE"), events(id, "RESOLUTION_OVERDUE"),
				events(id, "DUE_SOON"))).containsExactly(1L, 1L, 0L);
	}

	/** How long before its target a complaint's {@code DUE_SOON} was scheduled. */
	private Duration leadBefore(String id, String target) {
		return Duration.ofSeconds(db.sql("""
				SELECT extract(epoch FROM o.due_at - s.due_at)::bigint FROM complaint_deadlines s
				JOIN complaint_deadlines o ON o.complaint_id = s.complaint_id AND o.kind = :target || '_OVERDUE'
				WHERE s.complaint_id = :id AND s.kind = :target || '_DUE_SOON'""")
				.bind("id", rowId(id)).bind("target", target).map(row -> row.get(0, Long.class)).one().block());
	}

	private void firstResponseTargetPassed(String id) {
		targetPassed(id, "first_response_due_at", "FIRST_RESPONSE_OVERDUE");
	}

	private void resolutionTargetPassed(String id) {
		targetPassed(id, "resolution_due_at", "RESOLUTION_OVERDUE");
	}

	/** The target (a column of the complaint, named here, never a value) and its moment passed a minute ago. */
	private void targetPassed(String id, String target, String kind) {
		db.sql("UPDATE complaints SET " + target + " = now() - interval '1 minute' WHERE id = :id")
				.bind("id", rowId(id)).then().block();
		db.sql("""
				UPDATE complaint_deadlines SET due_at = now() - interval '1 minute'
				WHERE complaint_id = :id AND kind = :kind""").bind("id", rowId(id)).bind("kind", kind).then().block();
	}

	private long events(String complaintId, String type) {
		return db.sql("SELECT count(*) FROM events WHERE complaint_id = :id AND type = :type")
				.bind("id", rowId(complaintId)).bind("type", type).map(row -> row.get(0, Long.class)).one().block();
	}

	static long rowId(String complaintId) {
		return GlobalId.decode(complaintId, "Complaint").orElseThrow();
	}
}
