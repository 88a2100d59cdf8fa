package org.cartable.rest.internal;

import javax.ws.rs.core.Application;

import org.cartable.api.rest.RestApi;
import org.cartable.rest.internal.json.CartableJsonProvider;
import org.cartable.rest.internal.security.AuthenticationFilter;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationBase;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtensionSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/**
 * The platform's JAX-RS application at {@code /api}. Resources and extensions, the platform's and the apps', join it
 * through the whiteboard by selecting {@link RestApi#APPLICATION_SELECT}.
 * <p>
 * The application waits for the JSON provider and the authentication filter: served without the filter, app
 * resources would lose the class-access check it runs for them.
 */
@Component(service = Application.class)
@JaxrsName(RestApi.APPLICATION_NAME)
@JaxrsApplicationBase("api")
@JaxrsExtensionSelect({
        "(osgi.jaxrs.name=" + CartableJsonProvider.NAME + ")",
        "(osgi.jaxrs.name=" + AuthenticationFilter.NAME + ")"})
public final class CartableApplication extends Application {
}
