package io.redress.complaint;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.redress.complaint.Actor.BRAND_INTEGRATION;
import static io.redress.complaint.Actor.BRAND_TEAM;
import static io.redress.complaint.Actor.CONSUMER;
import static io.redress.complaint.Actor.MODERATOR;
import static io.redress.complaint.Actor.PARTNER;
import static io.redress.complaint.Actor.SYSTEM;
import static io.redress.complaint.ComplaintAction.ACCEPT_RESOLUTION;
import static io.redress.complaint.ComplaintAction.ANONYMISE;
import static io.redress.complaint.ComplaintAction.ANSWER_FOLLOW_UP;
import static io.redress.complaint.ComplaintAction.ASSIGN;
import static io.redress.complaint.ComplaintAction.ASSUME_ACCEPTANCE;
import static io.redress.complaint.ComplaintAction.DECLINE_PARTNER_INVOLVEMENT;
import static io.redress.complaint.ComplaintAction.GIVE_UP;
import static io.redress.complaint.ComplaintAction.HOLD;
import static io.redress.complaint.ComplaintAction.INVOLVE_PARTNER;
import static io.redress.complaint.ComplaintAction.KEEP_FROM_PARTNERS;
import static io.redress.complaint.ComplaintAction.MODERATE;
import static io.redress.complaint.ComplaintAction.POST_MESSAGE;
import static io.redress.complaint.ComplaintAction.PROPOSE_RESOLUTION;
import static io.redress.complaint.ComplaintAction.RATE;
import static io.redress.complaint.ComplaintAction.REJECT_RESOLUTION;
import static io.redress.complaint.ComplaintAction.REOPEN;
import static io.redress.complaint.ComplaintAction.WITHDRAW;
import static io.redress.complaint.ComplaintStatus.IN_PROGRESS;
import static io.redress.complaint.ComplaintStatus.OPEN;
import static io.redress.complaint.ComplaintStatus.RESOLUTION_PROPOSED;
import static io.redress.complaint.ComplaintStatus.RESOLVED;
import static io.redress.complaint.ComplaintStatus.UNRESOLVED;
import static io.redress.complaint.ComplaintStatus.WITHDRAWN;

/**
 * The complaint lifecycle in one table: which action moves which state to which, and who may take it. Every
 * mutation and job asks it before changing a complaint, so no other code decides what a state allows; an action
 * checks only its own preconditions beyond the state (the 30-day reopen window, one rating, who may be assigned).
 *
 * <pre>
 * OPEN ──brand replies──▶ IN_PROGRESS ──brand proposes──▶ RESOLUTION_PROPOSED ──consumer accepts──▶ RESOLVED
 *   │                         ▲                                   │                                     │
 *   │                         └──────consumer rejects (reason)────┘                                     │
 *   ├──consumer withdraws before any brand reply──▶ WITHDRAWN                                          │
 *   └──consumer gives up (any open state)──▶ UNRESOLVED                     consumer reopens (30 days) ◀┘
 * </pre>
 * The brand may also propose straight from OPEN (its first response), and a proposal left unanswered for 14 days is
 * accepted on the consumer's behalf.
 */
final class ComplaintStateMachine {

	private static final Set<ComplaintStatus> ACTIVE = Arrays.stream(ComplaintStatus.values())
			.filter(ComplaintStatus::isActive).collect(Collectors.toCollection(() -> EnumSet.noneOf(ComplaintStatus.class)));

	private static final Map<ComplaintAction, Map<Actor, Map<ComplaintStatus, Decision>>> TABLE =
			new EnumMap<>(ComplaintAction.class);

	static {
		when(POST_MESSAGE).by(CONSUMER).in(ACTIVE).stays();
		when(POST_MESSAGE).by(BRAND_TEAM, BRAND_INTEGRATION).in(OPEN).respondsMovingTo(IN_PROGRESS);
		when(POST_MESSAGE).by(BRAND_TEAM, BRAND_INTEGRATION).in(IN_PROGRESS, RESOLUTION_PROPOSED).respondsStaying();
		when(PROPOSE_RESOLUTION).by(BRAND_TEAM).in(OPEN, IN_PROGRESS).respondsMovingTo(RESOLUTION_PROPOSED);
		when(PROPOSE_RESOLUTION).by(BRAND_TEAM).in(RESOLUTION_PROPOSED)
				.refuses("PROPOSAL_PENDING", "A proposal is waiting for the consumer's answer");
		when(ACCEPT_RESOLUTION).by(CONSUMER).in(RESOLUTION_PROPOSED).movesTo(RESOLVED);
		when(REJECT_RESOLUTION).by(CONSUMER).in(RESOLUTION_PROPOSED).movesTo(IN_PROGRESS);
		when(GIVE_UP).by(CONSUMER).in(ACTIVE).movesTo(UNRESOLVED);
		when(WITHDRAW).by(CONSUMER).in(OPEN).movesTo(WITHDRAWN);
		when(WITHDRAW).by(CONSUMER).in(IN_PROGRESS, RESOLUTION_PROPOSED).refuses("ALREADY_ANSWERED",
				"The brand has replied, so the complaint can no longer be withdrawn; give up instead");
		when(REOPEN).by(CONSUMER).in(RESOLVED).movesTo(IN_PROGRESS);
		when(RATE).by(CONSUMER).in(RESOLVED, UNRESOLVED).stays();
		when(ASSIGN).by(BRAND_TEAM).in(EnumSet.allOf(ComplaintStatus.class)).stays();
		// The answer is the consumer's in any state; whether it reopens is the REOPEN line's decision.
		when(ANSWER_FOLLOW_UP).by(CONSUMER).in(EnumSet.allOf(ComplaintStatus.class)).stays();
		// A partner answers in the thread as itself: that is not the brand's response, and moves nothing.
		when(POST_MESSAGE).by(PARTNER).in(ACTIVE).stays();
		when(INVOLVE_PARTNER).by(BRAND_TEAM).in(ACTIVE).stays();
		when(DECLINE_PARTNER_INVOLVEMENT).by(PARTNER).in(EnumSet.allOf(ComplaintStatus.class)).stays();
		when(KEEP_FROM_PARTNERS).by(CONSUMER).in(EnumSet.allOf(ComplaintStatus.class)).stays();
		when(ASSUME_ACCEPTANCE).by(SYSTEM).in(RESOLUTION_PROPOSED).movesTo(RESOLVED);
		// Erasure keeps every complaint where it stands, so the brand's score does not move.
		when(ANONYMISE).by(CONSUMER).in(EnumSet.allOf(ComplaintStatus.class)).stays();
		// Moderation leaves the lifecycle alone; a moderator who is the consumer or a member of the brand is a side.
		when(MODERATE).by(MODERATOR).in(EnumSet.allOf(ComplaintStatus.class)).stays();
		// A signal's hold leaves the lifecycle alone too; only Redress holds, never either side of the case.
		when(HOLD).by(SYSTEM).in(EnumSet.allOf(ComplaintStatus.class)).stays();
		for (ComplaintAction action : ComplaintAction.values()) {
			if (!TABLE.containsKey(action)) {
				throw new IllegalStateException(action + " has no line in the lifecycle table");
			}
		}
	}

	private ComplaintStateMachine() {
	}

	/**
	 * What {@code actor} doing {@code action} to a complaint in state {@code from} comes to. Who may act is checked
	 * first, so a caller learns nothing of a state that is not theirs to change.
	 */
	static Decision decide(ComplaintStatus from, ComplaintAction action, Actor actor) {
		Map<Actor, Map<ComplaintStatus, Decision>> byActor = TABLE.get(action);
		Map<ComplaintStatus, Decision> byState = byActor.get(actor);
		if (byState == null) {
			return new Decision.Forbidden(forbidden(byActor.keySet()));
		}
		Decision decision = byState.get(from);
		return decision != null ? decision
				: new Decision.Refused("INVALID_STATE", invalidState(from, action));
	}

	private static String invalidState(ComplaintStatus from, ComplaintAction action) {
		return action == POST_MESSAGE ? "The complaint is " + from + ", so its thread is closed"
				: "The complaint is " + from + " and cannot be " + action.participle();
	}

	private static String forbidden(Set<Actor> allowed) {
		if (allowed.equals(EnumSet.of(CONSUMER))) {
			return "Only the consumer who filed the complaint may do this";
		}
		if (allowed.equals(EnumSet.of(BRAND_TEAM))) {
			return "Only the brand's team may do this";
		}
		if (allowed.equals(EnumSet.of(PARTNER))) {
			return "Only a partner brought into the case may do this";
		}
		if (allowed.equals(EnumSet.of(MODERATOR))) {
			return "Only a moderator who is neither the consumer nor a member of the brand may do this";
		}
		if (allowed.contains(CONSUMER) && allowed.contains(BRAND_TEAM)) {
			return "Only the consumer, the brand's team and partners brought into the case post in this thread";
		}
		return "Only Redress itself does this";
	}

	private static Rule when(ComplaintAction action) {
		return new Rule(action, EnumSet.noneOf(Actor.class), EnumSet.noneOf(ComplaintStatus.class));
	}

	/** One line of the table while it is written: an action, by some actors, in some states. */
	private record Rule(ComplaintAction action, Set<Actor> actors, Set<ComplaintStatus> states) {

		Rule by(Actor... who) {
			return new Rule(action, EnumSet.of(who[0], who), states);
		}

		Rule in(ComplaintStatus... where) {
			return in(EnumSet.of(where[0], where));
		}

		Rule in(Set<ComplaintStatus> where) {
			return new Rule(action, actors, EnumSet.copyOf(where));
		}

		void movesTo(ComplaintStatus to) {
			put(from -> new Transition(from, to, false));
		}

		void stays() {
			put(from -> new Transition(from, from, false));
		}

		void respondsMovingTo(ComplaintStatus to) {
			put(from -> new Transition(from, to, true));
		}

		void respondsStaying() {
			put(from -> new Transition(from, from, true));
		}

		void refuses(String code, String message) {
			put(from -> new Decision.Refused(code, message));
		}

		private void put(Function<ComplaintStatus, Decision> decision) {
			for (Actor actor : actors) {
				Map<ComplaintStatus, Decision> byState = TABLE.computeIfAbsent(action, a -> new EnumMap<>(Actor.class))
						.computeIfAbsent(actor, a -> new EnumMap<>(ComplaintStatus.class));
				for (ComplaintStatus from : states) {
					if (byState.put(from, decision.apply(from)) != null) {
						throw new IllegalStateException(action + " by " + actor + " in " + from + " is in the table twice");
					}
				}
			}
		}
	}
}
