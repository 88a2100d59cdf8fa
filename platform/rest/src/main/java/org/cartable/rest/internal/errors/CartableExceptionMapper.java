package org.cartable.rest.internal.errors;

import javax.ws.rs.core.Response;
import javax.ws.rs.ext.ExceptionMapper;

import org.cartable.api.CartableException;
import org.cartable.api.rest.RestApi;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;

/** Refusals of the services and apps: their kind gives the status and code, their message is meant for the user. */
@Component(service = ExceptionMapper.class)
@JaxrsExtension
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
public final class CartableExceptionMapper implements ExceptionMapper<CartableException> {

    @Override
    public Response toResponse(CartableException exception) {
        return Errors.response(exception);
    }
}
