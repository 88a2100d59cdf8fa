package org.cartable.rest.internal.resources;

import java.util.List;
import java.util.Locale;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.cartable.api.Caller;
import org.cartable.api.Role;
import org.cartable.api.rest.RestApi;
import org.cartable.core.service.AppCatalog;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** The apps installed on the platform, named in the client's language, with their status (ACTIVE, WAITING, FAILED). */
@Component(service = AppsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("apps")
@Produces(MediaType.APPLICATION_JSON)
public final class AppsResource {

    private final AppCatalog catalog;

    @Activate
    public AppsResource(@Reference AppCatalog catalog) {
        this.catalog = catalog;
    }

    @GET
    public List<Views.AppView> installed(@Context SecurityContext security, @Context HttpHeaders headers) {
        Caller caller = RestApi.caller(security);
        Locale locale = Languages.pick(headers);
        // Why an app failed is for the people who run the platform: the message may name tables or classes.
        boolean operator = caller.has(Role.OPERATOR) || caller.has(Role.PLATFORM_ADMIN);
        return catalog.withStatus().stream()
                .map(app -> Views.AppView.of(operator ? app : app.with(app.status(), null), locale))
                .toList();
    }
}
