/** Embeddable score widgets for partner sites: an SVG badge, an HTML card, a script, and live score updates. */
@ApplicationModule(allowedDependencies = {"brand::read", "complaint::read", "moderation::read", "score::read",
		"thread::read"})
package io.redress.widget;

import org.springframework.modulith.ApplicationModule;
