/**
 * The Cartable app contract: everything an app bundle may use of the platform.
 * <p>
 * An app registers a {@link org.cartable.api.CartableApp} service to appear in the catalogue, asks
 * {@link org.cartable.api.Directory} and {@link org.cartable.api.ClassAccess} who the caller is and what they may
 * see, and contributes REST resources (see {@code org.cartable.api.rest}) and Wicket pages (see
 * {@code org.cartable.api.web}) as whiteboard services.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.3.0")
package org.cartable.api;
