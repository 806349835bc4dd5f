/** The thread of a complaint: public and private messages between the consumer and the brand. */
@ApplicationModule(allowedDependencies = {"account", "brand", "brand::read", "complaint", "realtime", "security"})
package io.redress.thread;

import org.springframework.modulith.ApplicationModule;
