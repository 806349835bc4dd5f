/** Who is calling: JWT validation, the {@link io.redress.security.Viewer} and CORS. */
package io.redress.security;
