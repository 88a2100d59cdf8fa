/**
 * The territory the operator serves, for school- and operator-scoped apps: collectivities, their schools, pupil
 * counts, usage, and what part of it a caller may see.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.cartable.api.territory;
