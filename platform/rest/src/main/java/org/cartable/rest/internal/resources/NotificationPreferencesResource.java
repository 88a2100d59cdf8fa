package org.cartable.rest.internal.resources;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.cartable.api.rest.RestApi;
import org.cartable.core.service.NotificationFeed;
import org.cartable.core.service.NotificationFeed.Preferences;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** The caller's e-mail address, quiet hours and e-mail choice per notice type. */
@Component(service = NotificationPreferencesResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("me/notification-preferences")
@Produces(MediaType.APPLICATION_JSON)
public final class NotificationPreferencesResource {

    private final NotificationFeed feed;

    @Activate
    public NotificationPreferencesResource(@Reference NotificationFeed feed) {
        this.feed = feed;
    }

    @GET
    public Preferences preferences(@Context SecurityContext security, @Context HttpHeaders headers) {
        return feed.preferences(RestApi.caller(security), Languages.pick(headers));
    }

    /** The request's language becomes the language of the caller's e-mails. */
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public void update(Preferences body, @Context SecurityContext security, @Context HttpHeaders headers) {
        feed.updatePreferences(RestApi.caller(security), body, Languages.pick(headers));
    }
}
