/**
 * Platform services used by the platform's own REST and web bundles (not by apps): accounts and sessions, the app
 * catalogue and per-class activation. Apps use {@code org.cartable.api} only.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.3.0")
package org.cartable.core.service;
