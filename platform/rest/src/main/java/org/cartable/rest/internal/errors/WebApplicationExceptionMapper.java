package org.cartable.rest.internal.errors;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.ws.rs.WebApplicationException;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import org.cartable.api.rest.RestApi;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;

/**
 * JAX-RS's own refusals (unknown path, wrong method, unsupported media type...) in the platform's JSON shape, so
 * that a client parses every error the same way.
 */
@Component(service = ExceptionMapper.class)
@JaxrsExtension
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
public final class WebApplicationExceptionMapper implements ExceptionMapper<WebApplicationException> {

    @Override
    public Response toResponse(WebApplicationException exception) {
        Response original = exception.getResponse();
        int status = original == null ? 500 : original.getStatus();
        if (status >= 500) {
            return Errors.internalError(exception);
        }
        if (status < 400) {
            // Redirects and the like are answers, not errors.
            return original;
        }
        ErrorBody standard = Errors.standard(status);
        String message = ownMessage(exception).orElse(standard.message());
        Response.ResponseBuilder builder = Response.fromResponse(Errors.response(status, standard.error(), message));
        // Keep what tells the client how to proceed (Allow on 405, Retry-After, WWW-Authenticate...).
        for (Map.Entry<String, List<Object>> header : original.getHeaders().entrySet()) {
            String name = header.getKey();
            if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE) && !name.equalsIgnoreCase(HttpHeaders.CONTENT_LENGTH)) {
                for (Object value : header.getValue()) {
                    builder.header(name, value);
                }
            }
        }
        return builder.build();
    }

    /** A message written by a resource is kept; JAX-RS defaults ("HTTP 404 Not Found") are replaced by ours. */
    private static Optional<String> ownMessage(WebApplicationException exception) {
        String message = exception.getMessage();
        if (message == null || message.isBlank() || message.startsWith("HTTP ") || exception.getCause() != null) {
            return Optional.empty();
        }
        return Optional.of(message);
    }
}
