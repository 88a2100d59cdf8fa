package org.cartable.rest.internal.json;

import java.io.IOException;
import java.io.PushbackInputStream;

import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.ext.ReaderInterceptor;
import javax.ws.rs.ext.ReaderInterceptorContext;

import org.cartable.api.rest.RestApi;
import org.cartable.rest.internal.errors.Errors;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;

/**
 * A request without {@code Content-Type} to a method whose body parameter is optional (no {@code @Consumes}, e.g. a
 * ticket action's note): CXF finds no reader for {@code *}{@code /*} and the request failed with a 500. An empty
 * body is read as JSON (the parameter is then null, as documented); a non-empty one is refused with 415.
 */
@Component(service = ReaderInterceptor.class)
@JaxrsExtension
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Priority(Priorities.ENTITY_CODER)
public final class AbsentContentType implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        MediaType type = context.getMediaType();
        if (type == null || type.isWildcardType()) {
            PushbackInputStream body = new PushbackInputStream(context.getInputStream(), 1);
            int first = body.read();
            if (first >= 0) {
                throw new WebApplicationException(Errors.response(415, "unsupported_media_type",
                        Errors.standard(415).message()));
            }
            context.setInputStream(body);
            context.setMediaType(MediaType.APPLICATION_JSON_TYPE);
        }
        return context.proceed();
    }
}
