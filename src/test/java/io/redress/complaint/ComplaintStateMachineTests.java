package io.redress.complaint;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.redress.brand.BrandRole;
import io.redress.security.Viewer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lifecycle, cell by cell: every action, by every actor, in every state. The table below is the specification;
 * an actor without a row for an action is FORBIDDEN in every state, so a new action or actor fails here until its
 * rows are written.
 */
class ComplaintStateMachineTests {

	/**
	 * One row per action and actor who may take it; columns are the states the action starts from, in the order of
	 * {@link ComplaintStatus}. A cell holds the status the complaint moves to ({@code *} when it is the brand's
	 * response, which stops the response-time clock) or the user error's code.
	 */
	private static final String LIFECYCLE = """
			action              actor              OPEN                  IN_PROGRESS           RESOLUTION_PROPOSED    RESOLVED       UNRESOLVED     WITHDRAWN
			POST_MESSAGE        CONSUMER           OPEN                  IN_PROGRESS           RESOLUTION_PROPOSED    INVALID_STATE  INVALID_STATE  INVALID_STATE
			POST_MESSAGE        BRAND_TEAM         IN_PROGRESS*          IN_PROGRESS*          RESOLUTION_PROPOSED*   INVALID_STATE  INVALID_STATE  INVALID_STATE
			POST_MESSAGE        BRAND_INTEGRATION  IN_PROGRESS*          IN_PROGRESS*          RESOLUTION_PROPOSED*   INVALID_STATE  INVALID_STATE  INVALID_STATE
			PROPOSE_RESOLUTION  BRAND_TEAM         RESOLUTION_PROPOSED*  RESOLUTION_PROPOSED*  PROPOSAL_PENDING       INVALID_STATE  INVALID_STATE  INVALID_STATE
			ACCEPT_RESOLUTION   CONSUMER           INVALID_STATE         INVALID_STATE         RESOLVED               INVALID_STATE  INVALID_STATE  INVALID_STATE
			REJECT_RESOLUTION   CONSUMER           INVALID_STATE         INVALID_STATE         IN_PROGRESS            INVALID_STATE  INVALID_STATE  INVALID_STATE
			GIVE_UP             CONSUMER           UNRESOLVED            UNRESOLVED            UNRESOLVED             INVALID_STATE  INVALID_STATE  INVALID_STATE
			WITHDRAW            CONSUMER           WITHDRAWN             ALREADY_ANSWERED      ALREADY_ANSWERED       INVALID_STATE  INVALID_STATE  INVALID_STATE
			REOPEN              CONSUMER           INVALID_STATE         INVALID_STATE         INVALID_STATE          IN_PROGRESS    INVALID_STATE  INVALID_STATE
			RATE                CONSUMER           INVALID_STATE         INVALID_STATE         INVALID_STATE          RESOLVED       UNRESOLVED     INVALID_STATE
			ASSIGN              BRAND_TEAM         OPEN                  IN_PROGRESS           RESOLUTION_PROPOSED    RESOLVED       UNRESOLVED     WITHDRAWN
			ANSWER_FOLLOW_UP    CONSUMER           OPEN                  IN_PROGRESS           RESOLUTION_PROPOSED    RESOLVED       UNRESOLVED     WITHDRAWN
			ASSUME_ACCEPTANCE   SYSTEM             INVALID_STATE         INVALID_STATE         RESOLVED               INVALID_STATE  INVALID_STATE  INVALID_STATE
			ANONYMISE           CONSUMER           OPEN                  IN_PROGRESS           RESOLUTION_PROPOSED    RESOLVED       UNRESOLVED     WITHDRAWN
			MODERATE            MODERATOR          OPEN                  IN_PROGRESS           RESOLUTION_PROPOSED    RESOLVED       UNRESOLVED     WITHDRAWN
			HOLD                SYSTEM             OPEN                  IN_PROGRESS           RESOLUTION_PROPOSED    RESOLVED       UNRESOLVED     WITHDRAWN
			POST_MESSAGE        PARTNER            OPEN                  IN_PROGRESS           RESOLUTION_PROPOSED    INVALID_STATE  INVALID_STATE  INVALID_STATE
			INVOLVE_PARTNER     BRAND_TEAM         OPEN                  IN_PROGRESS           RESOLUTION_PROPOSED    INVALID_STATE  INVALID_STATE  INVALID_STATE
			DECLINE_PARTNER_INVOLVEMENT PARTNER    OPEN                  IN_PROGRESS           RESOLUTION_PROPOSED    RESOLVED       UNRESOLVED     WITHDRAWN
			KEEP_FROM_PARTNERS  CONSUMER           OPEN                  IN_PROGRESS           RESOLUTION_PROPOSED    RESOLVED       UNRESOLVED     WITHDRAWN
			""";

	@Test
	void everyActionByEveryActorInEveryStateIsDecidedAsTheLifecycleSays() {
		Map<String, String> expected = specification();
		int cells = 0;
		for (ComplaintAction action : ComplaintAction.values()) {
			for (Actor actor : Actor.values()) {
				for (ComplaintStatus from : ComplaintStatus.values()) {
					String cell = expected.getOrDefault(action + " " + actor + " " + from, "FORBIDDEN");
					assertThat(outcome(ComplaintStateMachine.decide(from, action, actor)))
							.as("%s by %s in %s", action, actor, from).isEqualTo(cell);
					cells++;
				}
			}
		}
		assertThat(cells).isEqualTo(ComplaintAction.values().length * Actor.values().length
				* ComplaintStatus.values().length);
	}

	@Test
	void aWrongStateIsExplainedInWordsThatNameTheState() {
		Decision decision = ComplaintStateMachine.decide(ComplaintStatus.RESOLVED, ComplaintAction.ACCEPT_RESOLUTION,
				Actor.CONSUMER);

		assertThat(decision).isEqualTo(new Decision.Refused("INVALID_STATE",
				"The complaint is RESOLVED and cannot be accepted"));
		assertThat(ComplaintStateMachine.decide(ComplaintStatus.WITHDRAWN, ComplaintAction.POST_MESSAGE,
				Actor.CONSUMER)).isEqualTo(new Decision.Refused("INVALID_STATE",
						"The complaint is WITHDRAWN, so its thread is closed"));
	}

	@Test
	void whoMayNotActLearnsNothingOfTheState() {
		assertThat(ComplaintStateMachine.decide(ComplaintStatus.OPEN, ComplaintAction.PROPOSE_RESOLUTION,
				Actor.CONSUMER))
				.isEqualTo(ComplaintStateMachine.decide(ComplaintStatus.WITHDRAWN, ComplaintAction.PROPOSE_RESOLUTION,
						Actor.CONSUMER))
				.isEqualTo(new Decision.Forbidden("Only the brand's team may do this"));
	}

	@Test
	void aModeratorOnOneSideOfTheComplaintIsToldWhyNot() {
		assertThat(ComplaintStateMachine.decide(ComplaintStatus.OPEN, ComplaintAction.MODERATE, Actor.CONSUMER))
				.isEqualTo(new Decision.Forbidden("Only a moderator who is neither the consumer nor a member of the brand may do this"));
	}

	@Test
	void aConsumerWhoAlsoBelongsToTheBrandActsOnlyAsTheConsumer() {
		Participation filerAndAgent = new Participation(complaint(), new Viewer("alice", Set.of()),
				Party.CONSUMER, Optional.of(BrandRole.AGENT));

		assertThat(Actor.of(filerAndAgent)).isEqualTo(Actor.CONSUMER);
	}

	@Test
	void brandMembersAreTheTeamOrAnIntegrationPartnersThemselvesAndEveryoneElseAStrangerOrStaff() {
		Viewer viewer = new Viewer("someone", Set.of());
		assertThat(Actor.of(new Participation(complaint(), viewer, Party.BRAND, Optional.of(BrandRole.MANAGER))))
				.isEqualTo(Actor.BRAND_TEAM);
		assertThat(Actor.of(new Participation(complaint(), viewer, Party.BRAND, Optional.of(BrandRole.INTEGRATION))))
				.isEqualTo(Actor.BRAND_INTEGRATION);
		assertThat(Actor.of(new Participation(complaint(), viewer, Party.MODERATOR, Optional.empty())))
				.isEqualTo(Actor.MODERATOR);
		assertThat(Actor.of(new Participation(complaint(), viewer, Party.PUBLIC, Optional.empty())))
				.isEqualTo(Actor.STRANGER);
		assertThat(Actor.of(new Participation(complaint(), viewer, Party.PARTNER, Optional.empty(), 7L)))
				.isEqualTo(Actor.PARTNER);
	}

	private static String outcome(Decision decision) {
		if (decision instanceof Transition transition) {
			return transition.to() + (transition.brandResponse() ? "*" : "");
		}
		return decision instanceof Decision.Refused refused ? refused.code() : "FORBIDDEN";
	}

	private static Map<String, String> specification() {
		List<String> lines = LIFECYCLE.lines().filter(line -> !line.isBlank()).toList();
		String[] states = lines.get(0).trim().split("\\s+");
		Map<String, String> cells = new HashMap<>();
		for (String line : lines.subList(1, lines.size())) {
			String[] cell = line.trim().split("\\s+");
			for (int column = 2; column < cell.length; column++) {
				cells.put(cell[0] + " " + cell[1] + " " + states[column], cell[column]);
			}
		}
		return cells;
	}

	private static Complaint complaint() {
		OffsetDateTime now = OffsetDateTime.now();
		return new Complaint(1, 2, 3, "alice", "Quiet Otter", "title", "description", ComplaintCategory.DELIVERY,
				null, ComplaintStatus.OPEN, null, now, null, now.plusHours(48), null, now.plusDays(14), now, null, false,
				true, false, false);
	}
}
