package io.redress.complaint;

import org.springframework.modulith.NamedInterface;

/**
 * How fast a brand answers and resolves, over the complaints the public can read that were filed in the last 365
 * days.
 *
 * @param medianHoursToFirstResponse median hours from filing to the brand's first reply; null when it never replied
 * @param responded complaints with a first reply
 * @param medianHoursToResolution median hours from filing to resolution; null when none is resolved
 * @param resolved resolved complaints
 */
@NamedInterface("read")
public record CaseTimes(Double medianHoursToFirstResponse, int responded, Double medianHoursToResolution,
		int resolved) {
}
