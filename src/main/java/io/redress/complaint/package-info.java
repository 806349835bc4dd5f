/** Complaints and their lifecycle: filing, proposals, acceptance, giving up, withdrawing, reopening, rating. */
@ApplicationModule(allowedDependencies = {"account", "brand", "brand::read", "realtime", "security"})
package io.redress.complaint;

import org.springframework.modulith.ApplicationModule;
