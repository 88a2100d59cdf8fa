package org.cartable.rest.internal.errors;

import java.util.function.Predicate;

import javax.ws.rs.container.ResourceInfo;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import org.cartable.api.rest.RestApi;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;

/**
 * Everything else is our bug: a 500 with a reference, the details only in the log. Except when the resource's app is
 * being stopped (uninstalled or updated) under the request: its services are closing, which is no bug but a moment
 * to wait, so the client gets a 503 with {@code Retry-After}.
 */
@Component(service = ExceptionMapper.class)
@JaxrsExtension
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
public final class UnexpectedExceptionMapper implements ExceptionMapper<Throwable> {

    static final String RETRY_AFTER_SECONDS = "2";

    /** A thread-local proxy: the resource that was running when the exception escaped. */
    @Context
    private ResourceInfo resourceInfo;

    private final Predicate<Class<?>> departing;

    public UnexpectedExceptionMapper() {
        this(UnexpectedExceptionMapper::bundleIsLeaving);
    }

    UnexpectedExceptionMapper(Predicate<Class<?>> departing) {
        this.departing = departing;
    }

    @Override
    public Response toResponse(Throwable exception) {
        Class<?> resourceClass = resourceClass();
        if (resourceClass != null && departing.test(resourceClass)) {
            Errors.LOG.info("Request refused while the app of {} stops: {}", resourceClass.getName(),
                    exception.toString());
            return Response.fromResponse(Errors.response(503, "service_unavailable",
                            "This app is being updated or removed; try again in a moment."))
                    .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                    .build();
        }
        return Errors.internalError(exception);
    }

    private Class<?> resourceClass() {
        try {
            return resourceInfo == null ? null : resourceInfo.getResourceClass();
        } catch (RuntimeException noRequestContext) {
            return null;
        }
    }

    private static boolean bundleIsLeaving(Class<?> type) {
        Bundle bundle = FrameworkUtil.getBundle(type);
        return bundle != null && bundle.getState() != Bundle.ACTIVE;
    }

    /** For tests, which have no request context. */
    void setResourceInfo(ResourceInfo resourceInfo) {
        this.resourceInfo = resourceInfo;
    }
}
