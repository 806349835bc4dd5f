/**
 * Brands, their teams and their claims: registering, claiming, verifying, inviting members (who join by accepting),
 * managing roles and settings.
 */
@ApplicationModule(allowedDependencies = {"realtime", "security"})
package io.redress.brand;

import org.springframework.modulith.ApplicationModule;
