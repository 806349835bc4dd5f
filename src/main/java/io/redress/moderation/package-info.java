/** Flags on complaints and messages, moderators' rulings and appeals, and each brand's public moderation ledger. */
@ApplicationModule(allowedDependencies = {"account", "brand::read", "complaint", "realtime", "security", "thread"})
package io.redress.moderation;

import org.springframework.modulith.ApplicationModule;
