package org.cartable.rest.internal.errors;

import javax.ws.rs.ProcessingException;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import org.cartable.api.CartableException;
import org.cartable.api.rest.RestApi;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;

import com.fasterxml.jackson.core.JsonProcessingException;

/**
 * CXF reports a body it has no reader for (a {@code Content-Type} other than JSON sent to a method without
 * {@code @Consumes}) as a {@link ProcessingException}: that is the client's mistake, a 415, not our 500. Read
 * errors it wraps go to the mappers of their cause.
 */
@Component(service = javax.ws.rs.ext.ExceptionMapper.class)
@JaxrsExtension
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
public final class ProcessingExceptionMapper implements ExceptionMapper<ProcessingException> {

    private final JsonExceptionMapper json = new JsonExceptionMapper();

    @Override
    public Response toResponse(ProcessingException exception) {
        for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof CartableException refusal) {
                return Errors.response(refusal);
            }
            if (cause instanceof JsonProcessingException unreadable) {
                return json.toResponse(unreadable);
            }
        }
        String message = exception.getMessage();
        if (message != null && message.startsWith("No message body reader")) {
            return Errors.response(415, "unsupported_media_type", Errors.standard(415).message());
        }
        return Errors.internalError(exception);
    }
}
