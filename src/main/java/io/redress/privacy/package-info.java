/**
 * A person's rights over their data: erasing their account and exporting everything Redress holds about them. It
 * owns no table; each step is the owning module's own method, run in one transaction.
 */
@ApplicationModule(allowedDependencies = {"account", "brand", "complaint", "moderation", "notification", "security", "thread"})
package io.redress.privacy;

import org.springframework.modulith.ApplicationModule;
