package io.redress.complaint;

/** An action the lifecycle allowed: the caller's part in the locked complaint, and the transition to make. */
public record LifecycleStep(Participation participation, Transition transition) {

	public Complaint complaint() {
		return participation.complaint();
	}
}
