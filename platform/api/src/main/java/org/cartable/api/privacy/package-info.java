/**
 * Personal-data rights: each app that stores data about people registers a {@link PersonalData} service, so that a
 * person can download everything the platform holds about them and so that the purge of a departed account erases
 * it from every app.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.1.0")
package org.cartable.api.privacy;
