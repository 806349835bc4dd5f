/** Profiles: who a token subject is on the platform, and the pseudonym the public sees. */
package io.redress.account;
