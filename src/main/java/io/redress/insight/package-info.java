/**
 * Insights for a brand's team: its complaints by category, status and time, response and resolution times, ratings,
 * the recurring themes that rose most, and its work as a partner in other brands' cases; all computed in SQL from
 * the complaint module's published views.
 */
@ApplicationModule(allowedDependencies = {"brand::read", "security"})
package io.redress.insight;

import org.springframework.modulith.ApplicationModule;
