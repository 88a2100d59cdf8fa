/**
 * Contributing REST resources. A class app registers a {@link org.cartable.api.rest.ClassAppResource} service,
 * served under {@code /api/classes/{classId}/<appId>} as long as its bundle is active. Callers come from
 * {@link org.cartable.api.rest.RestApi#caller}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.4.0")
package org.cartable.api.rest;
