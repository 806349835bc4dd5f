package io.redress.complaint;

/** Who takes an action on a complaint, as far as the lifecycle cares: one side of the case, staff, or nobody. */
enum Actor {

	/** The consumer who filed it, even if they also belong to the brand: nobody acts on both sides. */
	CONSUMER,
	/** The brand's owners, managers and agents. */
	BRAND_TEAM,
	/** A machine client of the brand: it reads and posts, it does not work the case. */
	BRAND_INTEGRATION,
	/** The members (integrations included) of a partner brand brought into the case: they read and post as the partner. */
	PARTNER,
	/** Platform staff read everything and change nothing in the lifecycle. */
	MODERATOR,
	/** Anyone else who can read the complaint. */
	STRANGER,
	/** Redress itself, such as the job that accepts unanswered proposals. */
	SYSTEM;

	static Actor of(Participation participation) {
		if (participation.isConsumer()) {
			return CONSUMER;
		}
		if (participation.worksForBrand()) {
			return BRAND_TEAM;
		}
		if (participation.speaksForBrand()) {
			return BRAND_INTEGRATION;
		}
		if (participation.party() == Party.PARTNER) {
			return PARTNER;
		}
		return participation.party() == Party.MODERATOR ? MODERATOR : STRANGER;
	}
}
