package org.cartable.rest.internal.resources;

import java.util.List;
import java.util.Locale;

import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.cartable.api.rest.RestApi;
import org.cartable.core.service.ActivationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** Which apps a class uses; the service decides who may see and change it. */
@Component(service = ClassAppsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("classes/{classId}/apps")
@Produces(MediaType.APPLICATION_JSON)
public final class ClassAppsResource {

    private final ActivationAdmin activation;

    @Activate
    public ClassAppsResource(@Reference ActivationAdmin activation) {
        this.activation = activation;
    }

    @GET
    public List<Views.AppView> enabled(@PathParam("classId") String classId, @Context SecurityContext security,
                                       @Context HttpHeaders headers) {
        Locale locale = Languages.pick(headers);
        return activation.enabledApps(RestApi.caller(security), classId).stream()
                .map(app -> Views.AppView.of(app, locale))
                .toList();
    }

    @PUT
    @Path("{appId}")
    public void enable(@PathParam("classId") String classId, @PathParam("appId") String appId,
                       @Context SecurityContext security) {
        activation.enable(RestApi.caller(security), classId, appId);
    }

    @DELETE
    @Path("{appId}")
    public void disable(@PathParam("classId") String classId, @PathParam("appId") String appId,
                        @Context SecurityContext security) {
        activation.disable(RestApi.caller(security), classId, appId);
    }
}
