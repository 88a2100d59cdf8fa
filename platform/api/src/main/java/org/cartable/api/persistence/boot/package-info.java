/**
 * Start-up support for the persistence units of the platform and its apps, named from their {@code persistence.xml}.
 * Its Hibernate imports are optional: only a bundle that runs Hibernate loads these classes.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.cartable.api.persistence.boot;
