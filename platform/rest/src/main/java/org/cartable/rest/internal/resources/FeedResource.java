package org.cartable.rest.internal.resources;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.cartable.api.CartableException;
import org.cartable.api.rest.RestApi;
import org.cartable.core.service.NotificationFeed;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** The caller's notification feed ("Quoi de neuf ?"); the service only ever reads the caller's own items. */
@Component(service = FeedResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("me/feed")
@Produces(MediaType.APPLICATION_JSON)
public final class FeedResource {

    private final NotificationFeed feed;

    @Activate
    public FeedResource(@Reference NotificationFeed feed) {
        this.feed = feed;
    }

    /** The JSON shape of one item (docs/rest-api.md). */
    public record ItemView(String id, String appId, String appName, String type, String classId, String childId,
                           String childName, String text, String link, Instant createdAt, boolean read) {
        static ItemView of(NotificationFeed.Entry e) {
            return new ItemView(e.id(), e.appId(), e.appName(), e.type(), e.classId(), e.childId(), e.childName(),
                    e.text(), e.link(), e.createdAt(), e.read());
        }
    }

    public record FeedView(int unread, List<ItemView> items) {
    }

    @GET
    public FeedView feed(@QueryParam("app") String appId, @QueryParam("unread") @DefaultValue("false") String unread,
                         @QueryParam("limit") @DefaultValue("50") String limit, @Context SecurityContext security,
                         @Context HttpHeaders headers) {
        Locale locale = Languages.pick(headers);
        NotificationFeed.Feed page = feed.feed(RestApi.caller(security), blankToNull(appId), flag(unread),
                number(limit), locale);
        return new FeedView(page.unread(), page.items().stream().map(ItemView::of).toList());
    }

    @POST
    @Path("{id}/read")
    public void markRead(@PathParam("id") String id, @Context SecurityContext security) {
        feed.markRead(RestApi.caller(security), id);
    }

    @POST
    @Path("read-all")
    public void markAllRead(@QueryParam("app") String appId, @Context SecurityContext security) {
        feed.markAllRead(RestApi.caller(security), blankToNull(appId));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static boolean flag(String text) {
        return switch (text.strip()) {
            case "true", "1" -> true;
            case "false", "0", "" -> false;
            default -> throw CartableException.badRequest("'unread' must be true or false.");
        };
    }

    private static int number(String text) {
        return RestApi.wholeNumber(text, "'limit' must be a number between 1 and " + NotificationFeed.MAX_LIMIT + ".");
    }
}
