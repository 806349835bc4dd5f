/** The event log: every state change's event row, written in the transaction of the change. */
@ApplicationModule(allowedDependencies = {})
package io.redress.realtime;

import org.springframework.modulith.ApplicationModule;
