/** Brands, their teams and their claims: registering, claiming, verifying, managing members and settings. */
package io.redress.brand;
