package org.cartable.rest.internal.resources;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.cartable.api.Directory;
import org.cartable.api.rest.RestApi;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** The signed-in person, their classes and children: what a client needs to draw its home screen. */
@Component(service = MeResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("me")
@Produces(MediaType.APPLICATION_JSON)
public final class MeResource {

    private final Directory directory;

    @Activate
    public MeResource(@Reference Directory directory) {
        this.directory = directory;
    }

    @GET
    public Views.MeView me(@Context SecurityContext security) {
        return Views.MeView.of(RestApi.caller(security), directory);
    }
}
