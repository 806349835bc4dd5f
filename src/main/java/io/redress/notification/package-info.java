/** E-mail notifications: who wants which mails at which address, the outbox, the mails and one-click unsubscribe. */
@ApplicationModule(allowedDependencies = { "account", "complaint", "realtime", "security", "thread" })
package io.redress.notification;

import org.springframework.modulith.ApplicationModule;
