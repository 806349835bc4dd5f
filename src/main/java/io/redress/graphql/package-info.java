/** GraphQL plumbing shared by all modules: scalars, limits, error classification and {@code node(id:)}. */
@ApplicationModule(allowedDependencies = {})
package io.redress.graphql;

import org.springframework.modulith.ApplicationModule;
