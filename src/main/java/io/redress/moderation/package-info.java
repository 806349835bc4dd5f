/**
 * Flags on complaints and messages, moderators' rulings and appeals, each brand's public moderation ledger, and the
 * signals of fake resolutions and review bombing that hold complaints under review.
 */
@ApplicationModule(allowedDependencies = {"account", "brand::read", "complaint", "realtime", "security", "thread"})
package io.redress.moderation;

import org.springframework.modulith.ApplicationModule;
