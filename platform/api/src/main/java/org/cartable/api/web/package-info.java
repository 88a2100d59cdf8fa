/**
 * Contributing Wicket pages. An app registers a {@link org.cartable.api.web.PageContribution} service per page;
 * the shell mounts it under {@code /app/} while the service is registered. Pages extend
 * {@link org.cartable.api.web.AppBasePage} (any signed-in user) or {@link org.cartable.api.web.ClassAppPage} (members
 * of a class where the app is enabled) so they share the shell's header, styles and access checks.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.3.0")
package org.cartable.api.web;
