/** Profiles: who a token subject is on the platform, and the pseudonym the public sees. */
@ApplicationModule(allowedDependencies = {"security"})
package io.redress.account;

import org.springframework.modulith.ApplicationModule;
