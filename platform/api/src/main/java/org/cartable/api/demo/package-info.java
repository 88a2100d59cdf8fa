/**
 * Demonstration content: apps that want realistic content in the demo data set register a {@link DemoContent}
 * service; the platform calls it once, after seeding the demo directory.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.cartable.api.demo;
