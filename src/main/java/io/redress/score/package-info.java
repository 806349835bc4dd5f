/** The Resolution Score: its formula, the stored score of every brand, daily snapshots, and live score changes. */
@ApplicationModule(allowedDependencies = {"brand::read", "complaint", "realtime"})
package io.redress.score;

import org.springframework.modulith.ApplicationModule;
