package io.redress.complaint;

import org.springframework.modulith.NamedInterface;

/**
 * A brand's follow-ups in aggregate, as the public reads them: how many consumers answered whether the resolution held,
 * and how many said it did.
 */
@NamedInterface("read")
public record HeldResolutions(int answered, int held) {

	/** The share that held, 0 to 1; null before any answer, so nothing is shown where nothing is known. */
	public Double rate() {
		return answered == 0 ? null : (double) held / answered;
	}
}
