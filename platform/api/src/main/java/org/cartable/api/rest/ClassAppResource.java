package org.cartable.api.rest;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * The REST resource of a class app, served under {@code /api/classes/{classId}/<appId>} while this service is
 * registered.
 * <p>
 * Register the resource object as a DS service of this type (not as a JAX-RS whiteboard resource): the platform's
 * application routes to it through a sub-resource locator, so an app coming, going or being updated never makes the
 * JAX-RS whiteboard rebuild the whole {@code /api} application (which would answer 404 to everyone for a moment).
 * The class carries no {@code @Path}; its methods' {@code @Path}s are relative to the app's root, and
 * {@code @PathParam("classId")} gives the class. The platform has already checked the caller's access to the class
 * and app when a method runs; the app's services check their own rules.
 */
@ConsumerType
public interface ClassAppResource {

    /** @return the id of the app ({@code CartableApp#id()}), the path segment after the class id */
    String appId();
}
