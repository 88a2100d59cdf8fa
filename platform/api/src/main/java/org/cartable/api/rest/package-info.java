/**
 * Contributing REST resources. A resource is a DS component annotated with {@code @JaxrsResource} and
 * {@code @JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)}; it is served under {@code /api} as long as its
 * bundle is active. Class apps use the path {@code classes/{classId}/<appId>}.
 */
@org.osgi.annotation.bundle.Export
@org.osgi.annotation.versioning.Version("1.0.0")
package org.cartable.api.rest;
