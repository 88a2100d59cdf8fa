/**
 * The platform's audit log of security-relevant events (sign-ins, sign-outs, role and activation changes, app
 * installs, directory imports, data exports, purges, acknowledgements). Append-only: the API can only add entries;
 * operators and platform administrators read them through the platform.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.cartable.api.audit;
