package io.redress.notification;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.redress.ApiTest;
import io.redress.shared.GlobalId;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * E-mail notifications, read from an SMTP server in the test (GreenMail): who hears of what, what a mail carries
 * (plain text and HTML, one-click unsubscribe, never a private message's text), the invitation to an unclaimed
 * brand, the digest, and the settings. Reminders are due at once here ({@code reminder-before} is the whole answer
 * window), digests gather for two seconds, and the targets' sweep runs every 200 ms: a test moves a complaint's
 * moment into the past in the database, as the clock would, and the sweep announces it.
 */
@TestPropertySource(properties = { "redress.notifications.send-interval=200ms",
		"redress.notifications.digest-interval=2s", "redress.notifications.reminder-before=14d",
		"redress.notifications.signing-key=a-test-key-that-is-long-enough-to-sign-links",
		"redress.notifications.complaint-url=https://app.example/complaints/{id}",
		"redress.targets.sweep-interval=200ms" })
class NotificationTests extends ApiTest {

	private static final GreenMail SMTP = new GreenMail(ServerSetupTest.SMTP.dynamicPort());

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry registry) {
		if (!SMTP.isRunning()) {
			SMTP.start();
		}
		registry.add("spring.mail.host", () -> "127.0.0.1");
		registry.add("spring.mail.port", () -> SMTP.getSmtp().getPort());
	}

	@AfterAll
	static void stop() {
		SMTP.stop();
	}

	@Test
	void membersWhoOptedInHearOfANewComplaintAndOfTheConsumersReplies() throws Exception {
		String slug = unique("mailed");
		String owner = unique("owner");
		registerBrand(owner, slug);
		String ownerAddress = owner + "@brand.example";
		settings(owner, ownerAddress,
				Map.of("kinds", List.of(kind("NEW_COMPLAINT", true), kind("CONSUMER_REPLY", true))))
				.path("updateNotificationSettings.settings.email").entity(String.class).isEqualTo(ownerAddress);

		String consumer = unique("consumer");
		String complaintId = fileComplaint(consumer, slug, "Broken kettle", "It leaks");
		MimeMessage filed = mailsTo(ownerAddress, 1).get(0);
		assertThat(filed.getSubject()).isEqualTo("New complaint against " + slug);
		assertThat(text(filed)).contains("https://app.example/complaints/" + complaintId);
		assertThat(html(filed)).contains("<a href=\"https://app.example/complaints/" + complaintId + "\">");
		assertThat(filed.getHeader("List-Unsubscribe")[0])
				.startsWith("<http://localhost:8080/notifications/unsubscribe?token=");
		assertThat(filed.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");

		postMessage(consumer, complaintId, "My phone is 555 0101 and my code is 4242", "PRIVATE");
		MimeMessage reply = mailsTo(ownerAddress, 2).get(1);
		assertThat(reply.getSubject()).isEqualTo("The consumer replied on a complaint against " + slug);
		assertThat(text(reply) + html(reply)).doesNotContain("555 0101").doesNotContain("4242");
	}

	@Test
	void consumersHearTheBrandsRepliesAndProposalsAndAreRemindedBeforeOneIsAcceptedForThem() throws Exception {
		Case mailed = caseOfAMailedConsumer("replying", Map.of());

		postMessage(mailed.owner(), mailed.complaintId(), "Your secret tracking code is ZX-99", "PRIVATE");
		MimeMessage reply = mailsTo(mailed.address(), 1).get(0);
		assertThat(reply.getSubject()).isEqualTo(mailed.slug() + " replied to your complaint");
		assertThat(text(reply) + html(reply)).doesNotContain("ZX-99");

		succeeds(mailed.owner(), "proposeResolution", mailed.complaintId(),
				Map.of("kind", "REFUND", "summary", "A refund"));
		assertThat(subjects(mailsTo(mailed.address(), 3))).contains(mailed.slug() + " proposed a resolution",
				"14 days left to answer " + mailed.slug() + "'s proposal");
	}

	@Test
	void membersWhoOptedInHearOfATargetDueSoonAndOfATargetPassed() throws Exception {
		String slug = unique("targets");
		String owner = unique("owner");
		String agent = unique("agent");
		addMember(owner, registerBrand(owner, slug), agent, "AGENT");
		String ownerAddress = owner + "@brand.example";
		settings(owner, ownerAddress,
				Map.of("kinds", List.of(kind("TARGET_DUE_SOON", true), kind("TARGET_OVERDUE", true))));
		String agentAddress = agent + "@brand.example";
		settings(agent, agentAddress, Map.of());

		String complaintId = fileComplaint(unique("consumer"), slug, "No answer", "Nobody answers");
		momentPassed(complaintId, "FIRST_RESPONSE_DUE_SOON");
		MimeMessage soon = mailTo(ownerAddress, "A complaint against " + slug + " is due soon");
		assertThat(text(soon)).contains("https://app.example/complaints/" + complaintId);

		db.sql("UPDATE complaints SET first_response_due_at = now() - interval '1 minute' WHERE id = :id")
				.bind("id", rowId(complaintId)).then().block();
		momentPassed(complaintId, "FIRST_RESPONSE_OVERDUE");
		MimeMessage overdue = mailTo(ownerAddress, "A complaint against " + slug + " is overdue");
		assertThat(html(overdue)).contains("<a href=\"https://app.example/complaints/" + complaintId + "\">");
		assertThat(overdue.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");

		// The agent did not opt in: the brand's kinds are off until chosen.
		everyEventSoFarQueued();
		assertThat(count("SELECT count(*) FROM notification_outbox WHERE email = :email", agentAddress)).isZero();
	}

	@Test
	void theAssigneeHearsInPersonThatTheirCaseIsOverdueOnceAndOthersWhoDidNotOptInNothing() throws Exception {
		String slug = unique("assigned");
		String owner = unique("owner");
		String agent = unique("agent");
		String otherAgent = unique("agent");
		String brandId = registerBrand(owner, slug);
		addMember(owner, brandId, agent, "AGENT");
		addMember(owner, brandId, otherAgent, "AGENT");
		String agentAddress = agent + "@brand.example";
		settings(agent, agentAddress, Map.of());
		String otherAddress = otherAgent + "@brand.example";
		settings(otherAgent, otherAddress, Map.of());
		String ownerAddress = owner + "@brand.example";
		// The owner opted in to the team's overdue mails, and takes a case: that one mail tells them.
		settings(owner, ownerAddress, Map.of("kinds", List.of(kind("TARGET_OVERDUE", true))));

		String agentsCase = fileComplaint(unique("consumer"), slug, "No answer", "Nobody answers");
		succeeds(agent, "assignComplaint", agentsCase, Map.of());
		String ownersCase = fileComplaint(unique("consumer"), slug, "Still no answer", "Nobody at all");
		succeeds(owner, "assignComplaint", ownersCase, Map.of());
		for (String id : List.of(agentsCase, ownersCase)) {
			db.sql("UPDATE complaints SET first_response_due_at = now() - interval '1 minute' WHERE id = :id")
					.bind("id", rowId(id)).then().block();
			momentPassed(id, "FIRST_RESPONSE_OVERDUE");
		}

		MimeMessage overdue = mailTo(agentAddress, "A complaint assigned to you is overdue");
		assertThat(text(overdue)).contains("https://app.example/complaints/" + agentsCase).contains(slug);
		mailTo(ownerAddress, "A complaint against " + slug + " is overdue");
		everyEventSoFarQueued();
		assertThat(count("SELECT count(*) FROM notification_outbox WHERE email = :email", agentAddress)).isEqualTo(1);
		assertThat(count("SELECT count(*) FROM notification_outbox WHERE email = :email", ownerAddress)).isEqualTo(2);
		assertThat(count("""
				SELECT count(*) FROM notification_outbox WHERE email = :email AND kind = 'ASSIGNED_OVERDUE'""",
				ownerAddress)).isZero();
		assertThat(count("SELECT count(*) FROM notification_outbox WHERE email = :email", otherAddress)).isZero();
	}

	@Test
	void anAssigneeWhoOptedOutHearsNothingInPerson() throws Exception {
		String slug = unique("optout");
		String owner = unique("owner");
		String agent = unique("agent");
		addMember(owner, registerBrand(owner, slug), agent, "AGENT");
		String agentAddress = agent + "@brand.example";
		settings(agent, agentAddress, Map.of("kinds", List.of(kind("ASSIGNED_OVERDUE", false))));

		String id = fileComplaint(unique("consumer"), slug, "No answer", "Nobody answers");
		succeeds(agent, "assignComplaint", id, Map.of());
		db.sql("UPDATE complaints SET first_response_due_at = now() - interval '1 minute' WHERE id = :id")
				.bind("id", rowId(id)).then().block();
		momentPassed(id, "FIRST_RESPONSE_OVERDUE");
		eventually(() -> db.sql("SELECT count(*) FROM events WHERE complaint_id = :id AND type = 'FIRST_RESPONSE_OVERDUE'")
				.bind("id", rowId(id)).map(row -> row.get(0, Long.class)).one().block(), announced -> announced == 2);

		everyEventSoFarQueued();
		assertThat(count("SELECT count(*) FROM notification_outbox WHERE email = :email", agentAddress)).isZero();
	}

	@Test
	void consumersAreAskedByMailWhetherTheResolutionHeld() throws Exception {
		Case mailed = caseOfAMailedConsumer("followup", Map.of());
		succeeds(mailed.owner(), "proposeResolution", mailed.complaintId(),
				Map.of("kind", "REFUND", "summary", "A full refund"));
		succeeds(mailed.consumer(), "acceptResolution", mailed.complaintId(), Map.of());
		momentPassed(mailed.complaintId(), "FOLLOW_UP");

		MimeMessage followUp = mailTo(mailed.address(), "Did " + mailed.slug() + "'s resolution hold?");
		assertThat(text(followUp)).contains("Answer the follow-up: https://app.example/complaints/"
				+ mailed.complaintId());
		assertThat(html(followUp)).contains("<a href=\"https://app.example/complaints/" + mailed.complaintId() + "\">");
		assertThat(followUp.getHeader("List-Unsubscribe")[0])
				.startsWith("<http://localhost:8080/notifications/unsubscribe?token=");
	}

	@Test
	void aOneClickUnsubscribeStopsThatKindForGood() throws Exception {
		Case mailed = caseOfAMailedConsumer("unsub", Map.of());
		postMessage(mailed.owner(), mailed.complaintId(), "Which size?", "PUBLIC");
		MimeMessage reply = mailsTo(mailed.address(), 1).get(0);

		String link = reply.getHeader("List-Unsubscribe")[0].replaceAll("^<http://localhost:8080|>$", "");
		http().post().uri(link).contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.body(BodyInserters.fromFormData("List-Unsubscribe", "One-Click")).exchange().expectStatus().isOk();
		http().post().uri(link.replace("token=", "token=x")).exchange().expectStatus().isBadRequest();

		settings(mailed.consumer(), mailed.address(), Map.of())
				.path("updateNotificationSettings.settings.kinds[?(@.kind == 'BRAND_REPLY')].enabled")
				.entityList(Boolean.class).containsExactly(false);
		postMessage(mailed.owner(), mailed.complaintId(), "Still there?", "PUBLIC");
		succeeds(mailed.owner(), "proposeResolution", mailed.complaintId(),
				Map.of("kind", "REPLACEMENT", "summary", "A bigger one"));
		assertThat(subjects(mailsTo(mailed.address(), 3)))
				.containsOnlyOnce(mailed.slug() + " replied to your complaint");
		// The proposal's mails came after the second message in the log: that one queued nothing.
		assertThat(count("SELECT count(*) FROM notification_outbox WHERE email = :email AND kind = 'BRAND_REPLY'",
				mailed.address())).isEqualTo(1);
	}

	@Test
	void anUnclaimedBrandsAddressIsInvitedOnceAWeekUntilItOptsOut() throws Exception {
		String contact = unique("help") + "@shop.example";
		String consumer = unique("consumer");
		String name = unique("Shop");
		Map<String, Object> newBrand = Map.of("name", name, "website", name.toLowerCase() + ".example");
		as(consumer).documentName("fileComplaint").variable("input", Map.of("newBrand", newBrand, "title", "No refund",
				"description", "They never answer", "category", "REFUND", "brandContactEmail", "not an address"))
				.execute().path("fileComplaint.userErrors[0].code").entity(String.class).isEqualTo("INVALID_EMAIL")
				.path("fileComplaint.complaint").valueIsNull();

		for (int i = 0; i < 2; i++) {
			as(consumer).documentName("fileComplaint").variable("input", Map.of("newBrand", newBrand, "title",
					"No refund " + i, "description", "They never answer", "category", "REFUND", "brandContactEmail",
					contact)).execute().path("fileComplaint.userErrors").entityList(Object.class).hasSize(0);
		}
		MimeMessage invitation = mailsTo(contact, 1).get(0);
		everyEventSoFarQueued();
		assertThat(invitation.getSubject()).isEqualTo("A customer filed a complaint about " + name + " on Redress");
		assertThat(text(invitation)).contains("Claim " + name).contains("one invitation a week at most");
		assertThat(count("SELECT count(*) FROM notification_outbox WHERE email = :email", contact)).isEqualTo(1);

		String link = invitation.getHeader("List-Unsubscribe")[0].replaceAll("^<http://localhost:8080|>$", "");
		http().get().uri(link).exchange().expectStatus().isOk().expectBody(String.class)
				.value(page -> assertThat(page).contains("<form method=\"post\""));
		http().post().uri(link).exchange().expectStatus().isOk();
		assertThat(count("SELECT count(*) FROM notification_opt_outs WHERE email = :email", contact)).isEqualTo(1);
	}

	@Test
	void aDigestGathersWhatHappenedInOneMail() throws Exception {
		Case mailed = caseOfAMailedConsumer("digest", Map.of("digest", true));

		postMessage(mailed.owner(), mailed.complaintId(), "Sorry to hear", "PUBLIC");
		postMessage(mailed.owner(), mailed.complaintId(), "Photos please", "PUBLIC");
		MimeMessage digest = mailsTo(mailed.address(), 1).get(0);
		assertThat(digest.getSubject()).isEqualTo("Redress: 2 updates");
		assertThat(text(digest).split(mailed.slug() + " wrote in your complaint's thread", -1)).hasSize(3);
		assertThat(digest.getHeader("List-Unsubscribe-Post")).containsExactly("List-Unsubscribe=One-Click");
	}

	@Test
	void settingsAreEachPersonsOwnAndAMalformedAddressIsAUserError() {
		String subject = unique("person");
		HttpGraphQlTester person = withToken(issuer().tokenWithEmail(subject, subject + "@token.example"));

		person.document("{ viewer { notificationSettings { email emailFromToken digest kinds { kind enabled } } } }")
				.execute().path("viewer.notificationSettings.email").entity(String.class)
				.isEqualTo(subject + "@token.example")
				.path("viewer.notificationSettings.kinds[?(@.kind == 'NEW_COMPLAINT')].enabled")
				.entityList(Boolean.class).containsExactly(false)
				.path("viewer.notificationSettings.kinds[?(@.kind == 'BRAND_REPLY')].enabled")
				.entityList(Boolean.class).containsExactly(true);
		update(person, Map.of("email", "two@example.com, three@example.com"))
				.path("updateNotificationSettings.userErrors[0].code").entity(String.class).isEqualTo("INVALID_EMAIL")
				.path("updateNotificationSettings.userErrors[0].field").entity(String.class).isEqualTo("email");
		update(person, Map.of("email", "Chosen@Example.COM")).path("updateNotificationSettings.settings.email")
				.entity(String.class).isEqualTo("Chosen@example.com")
				.path("updateNotificationSettings.settings.emailFromToken").entity(Boolean.class).isEqualTo(false);
		update(person, Map.of("email", "")).path("updateNotificationSettings.settings.email").entity(String.class)
				.isEqualTo(subject + "@token.example");
		anonymous().document("{ viewer { notificationSettings { email } } }").execute().path("viewer").valueIsNull();
		update(anonymous(), Map.of("digest", true)).errors()
				.satisfy(errors -> assertThat(errors).singleElement().extracting(error -> error.getErrorType())
						.isEqualTo(org.springframework.graphql.execution.ErrorType.UNAUTHORIZED));
	}

	@Test
	void anErasedAccountsAddressSettingsAndMailsGo() throws Exception {
		Case mailed = caseOfAMailedConsumer("erased", Map.of());
		postMessage(mailed.owner(), mailed.complaintId(), "Hello", "PUBLIC");
		mailsTo(mailed.address(), 1);

		withToken(issuer().tokenWithEmail(mailed.consumer(), mailed.address())).documentName("eraseAccount")
				.variable("input", Map.of("confirm", "ERASE")).execute().path("eraseAccount.erased")
				.entity(Boolean.class).isEqualTo(true);
		assertThat(count("SELECT count(*) FROM notification_outbox WHERE email = :email", mailed.address())).isZero();
		assertThat(count("SELECT count(*) FROM notification_recipients WHERE token_email = :email", mailed.address()))
				.isZero();
	}

	/** A brand of its own, and a complaint against it by a consumer who gets mails at {@code address}. */
	private record Case(String slug, String owner, String consumer, String address, String complaintId) {
	}

	private Case caseOfAMailedConsumer(String prefix, Map<String, Object> consumerSettings) {
		String slug = unique(prefix);
		String owner = unique("owner");
		registerBrand(owner, slug);
		String consumer = unique("consumer");
		String address = consumer + "@mail.example";
		settings(consumer, address, consumerSettings);
		return new Case(slug, owner, consumer, address, fileComplaint(consumer, slug, "Late parcel", "Two weeks late"));
	}

	private GraphQlTester.Response settings(String subject, String email, Map<String, Object> input) {
		return update(withToken(issuer().tokenWithEmail(subject, email)), input);
	}

	private static GraphQlTester.Response update(HttpGraphQlTester tester, Map<String, Object> input) {
		return tester.document("""
				mutation($input: UpdateNotificationSettingsInput!) {
				  updateNotificationSettings(input: $input) {
				    settings { email emailFromToken digest kinds { kind enabled } } userErrors { field code }
				  }
				}""").variable("input", input).execute();
	}

	private long count(String sql, String email) {
		return db.sql(sql).bind("email", email).map(row -> row.get(0, Long.class)).one().block();
	}

	/** Waits until the notification watch has read every event committed so far. */
	private void everyEventSoFarQueued() throws InterruptedException {
		long last = db.sql("SELECT max(id) FROM events").map(row -> row.get(0, Long.class)).one().block();
		String read = """
				SELECT NOT EXISTS (SELECT 1 FROM events WHERE id <= :id AND position IS NULL)
				   AND (SELECT position FROM notification_feed) >= (SELECT max(position) FROM events WHERE id <= :id)""";
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (!Boolean.TRUE.equals(db.sql(read).bind("id", last).map(row -> row.get(0, Boolean.class)).one().block())) {
			assertThat(System.nanoTime()).as("the watch read every event in 30 s").isLessThan(deadline);
			Thread.sleep(100);
		}
	}

	/** The complaint's moment of that kind came a minute ago; the sweep announces it. */
	private void momentPassed(String complaintId, String kind) {
		db.sql("""
				UPDATE complaint_deadlines SET due_at = now() - interval '1 minute'
				WHERE complaint_id = :id AND kind = :kind""").bind("id", rowId(complaintId)).bind("kind", kind).then()
				.block();
	}

	private static long rowId(String complaintId) {
		return GlobalId.decode(complaintId, "Complaint").orElseThrow();
	}

	private static Map<String, Object> kind(String kind, boolean enabled) {
		return Map.of("kind", kind, "enabled", enabled);
	}

	private void postMessage(String author, String complaintId, String body, String visibility) {
		as(author).documentName("postMessage").variable("input", Map.of("complaintId", complaintId, "body", body,
				"visibility", visibility)).execute().path("postMessage.userErrors").entityList(Object.class).hasSize(0);
	}

	/** The mails to {@code address}, in order of arrival, once there are {@code count}. */
	private static List<MimeMessage> mailsTo(String address, int count) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (true) {
			List<MimeMessage> mails = Arrays.stream(SMTP.getReceivedMessages()).filter(mail -> to(mail, address))
					.toList();
			if (mails.size() >= count || System.nanoTime() > deadline) {
				assertThat(mails).as("mails to %s", address).hasSize(count);
				return mails;
			}
			Thread.sleep(100);
		}
	}

	/** The first mail to {@code address} with that subject, once it came. */
	private static MimeMessage mailTo(String address, String subject) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (true) {
			for (MimeMessage mail : SMTP.getReceivedMessages()) {
				if (to(mail, address) && subject.equals(mail.getSubject())) {
					return mail;
				}
			}
			assertThat(System.nanoTime()).as("a mail to %s: %s", address, subject).isLessThan(deadline);
			Thread.sleep(100);
		}
	}

	private static boolean to(MimeMessage mail, String address) {
		try {
			return Arrays.stream(mail.getRecipients(Message.RecipientType.TO))
					.anyMatch(recipient -> recipient.toString().equalsIgnoreCase(address));
		}
		catch (MessagingException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static List<String> subjects(List<MimeMessage> mails) throws MessagingException {
		List<String> subjects = new ArrayList<>();
		for (MimeMessage mail : mails) {
			subjects.add(mail.getSubject());
		}
		return subjects;
	}

	private static String text(MimeMessage mail) throws Exception {
		return part(mail, "text/plain");
	}

	private static String html(MimeMessage mail) throws Exception {
		return part(mail, "text/html");
	}

	/** The body part of that type, wherever Spring's helper nested it in the multipart. */
	private static String part(MimeMessage mail, String type) throws Exception {
		String found = find((MimeMultipart) mail.getContent(), type);
		assertThat(found).as("a %s part", type).isNotNull();
		return found;
	}

	private static String find(MimeMultipart multipart, String type) throws Exception {
		for (int i = 0; i < multipart.getCount(); i++) {
			var part = multipart.getBodyPart(i);
			if (part.getContent() instanceof MimeMultipart nested) {
				String found = find(nested, type);
				if (found != null) {
					return found;
				}
			}
			else if (part.isMimeType(type)) {
				return GreenMailUtil.getBody(part).isEmpty() ? "" : (String) part.getContent();
			}
		}
		return null;
	}
}
