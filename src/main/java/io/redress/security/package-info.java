/** Who is calling: JWT validation, the {@link io.redress.security.Viewer} and CORS. */
@ApplicationModule(allowedDependencies = {})
package io.redress.security;

import org.springframework.modulith.ApplicationModule;
