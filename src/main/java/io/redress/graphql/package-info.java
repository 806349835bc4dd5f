/** GraphQL plumbing shared by all modules: scalars, limits (per request and per caller), error classification and {@code node(id:)}. */
@ApplicationModule(allowedDependencies = {})
package io.redress.graphql;

import org.springframework.modulith.ApplicationModule;
