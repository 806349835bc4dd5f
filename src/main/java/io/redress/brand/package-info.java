/** Brands, their teams and their claims: registering, claiming, verifying, managing members and settings. */
@ApplicationModule(allowedDependencies = {"security"})
package io.redress.brand;

import org.springframework.modulith.ApplicationModule;
