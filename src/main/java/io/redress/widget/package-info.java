/**
 * Embeddable score widgets for partner sites (badges, four widget shapes, a script, live score updates) and the
 * public brand and complaint pages they link to, in five languages.
 */
@ApplicationModule(allowedDependencies = {"brand::read", "complaint::read", "moderation::read", "score::read",
		"thread::read"})
package io.redress.widget;

import org.springframework.modulith.ApplicationModule;
