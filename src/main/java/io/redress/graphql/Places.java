package io.redress.graphql;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Places taken in several {@link Occupancy} counts for one thing (a subscription counts against its socket, its
 * caller, its IP address and the node): all are taken or none, and all are given back together.
 */
final class Places {

	private final List<Runnable> releases = new ArrayList<>();
	private String refusal;

	/** Takes a place unless an earlier one was refused; {@code refusal} says why, if this one is. */
	Places take(Occupancy occupancy, String key, int max, String refusal) {
		if (this.refusal == null) {
			Optional<Runnable> place = occupancy.enter(key, max);
			place.ifPresentOrElse(releases::add, () -> this.refusal = refusal);
		}
		return this;
	}

	/** Why a place was refused (everything taken was given back), or empty when all were taken. */
	Optional<String> refusal() {
		if (refusal != null) {
			release();
		}
		return Optional.ofNullable(refusal);
	}

	void release() {
		releases.forEach(Runnable::run);
		releases.clear();
	}
}
