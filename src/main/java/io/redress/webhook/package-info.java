/**
 * Brands' webhooks: endpoints that receive the brand's complaint events as signed HTTP POSTs (Standard Webhooks),
 * planned from the event log and sent at least once, in log order per endpoint, by one node at a time.
 */
@ApplicationModule(allowedDependencies = {"brand::read", "realtime", "security"})
package io.redress.webhook;

import org.springframework.modulith.ApplicationModule;
