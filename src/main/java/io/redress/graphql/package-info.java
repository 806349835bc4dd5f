/** GraphQL plumbing shared by all modules: scalars, limits, error classification and {@code node(id:)}. */
package io.redress.graphql;
