/**
 * The platform's notification feed ("Quoi de neuf ?"): apps publish notices addressed to people; the platform stores
 * them, shows them in each person's feed and e-mails them according to each person's preferences and quiet hours.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.cartable.api.notify;
