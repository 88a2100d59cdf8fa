package org.cartable.rest.internal.errors;

import java.util.List;

import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import com.fasterxml.jackson.core.JsonGenerationException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.PropertyBindingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.cartable.api.CartableException;
import org.cartable.api.rest.RestApi;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;

/**
 * Unreadable request bodies become 400 with a message naming the field. Jackson's own messages are not passed on:
 * they quote Java class names.
 */
@Component(service = ExceptionMapper.class)
@JaxrsExtension
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
public final class JsonExceptionMapper implements ExceptionMapper<JsonProcessingException> {

    @Override
    public Response toResponse(JsonProcessingException exception) {
        // A DTO that validates itself in its constructor throws our refusal; Jackson wraps it, we unwrap it.
        for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof CartableException refusal) {
                return Errors.response(refusal);
            }
        }
        // These are bugs on our side (a DTO Jackson cannot handle, a failed write), not bad input.
        if (exception instanceof InvalidDefinitionException || exception instanceof JsonGenerationException) {
            return Errors.internalError(exception);
        }
        return Errors.response(400, "bad_request", describe(exception));
    }

    static String describe(JsonProcessingException exception) {
        if (exception instanceof UnrecognizedPropertyException unknown) {
            return "Unknown field '" + path(unknown.getPath()) + "'.";
        }
        if (exception instanceof PropertyBindingException binding) {
            return "Field '" + path(binding.getPath()) + "' is not allowed here.";
        }
        if (exception instanceof StreamReadException) {
            JsonLocation location = exception.getLocation();
            return location == null || location.getLineNr() < 0
                    ? "Malformed JSON."
                    : "Malformed JSON at line " + location.getLineNr() + ", column " + location.getColumnNr() + ".";
        }
        if (exception instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return "Invalid or missing value for field '" + path(mapping.getPath()) + "'.";
        }
        return "The request body does not have the expected JSON shape.";
    }

    /** @return {@code posts[2].title} style path */
    static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getFieldName() != null) {
                if (path.length() > 0) {
                    path.append('.');
                }
                path.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }
}
