package org.cartable.rest.internal.json;

import javax.ws.rs.core.MediaType;
import javax.ws.rs.ext.MessageBodyReader;
import javax.ws.rs.ext.MessageBodyWriter;

import com.fasterxml.jackson.jaxrs.json.JacksonJsonProvider;
import org.cartable.api.rest.RestApi;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsMediaType;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/**
 * JSON for the Cartable application only, with the platform's mapper settings. Registered by us rather than through
 * {@code org.apache.aries.jax.rs.jackson}, which only serves the default application.
 */
@Component(service = {MessageBodyReader.class, MessageBodyWriter.class})
@JaxrsExtension
@JaxrsName(CartableJsonProvider.NAME)
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@JaxrsMediaType(MediaType.APPLICATION_JSON)
public final class CartableJsonProvider extends JacksonJsonProvider {

    public static final String NAME = "cartable.json";

    public CartableJsonProvider() {
        super(JsonMappers.create());
    }
}
