/** Schema migrations for the tables an app owns. */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.cartable.api.persistence;
