package org.cartable.homework.internal.rest;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriInfo;

import org.cartable.api.CartableException;
import org.cartable.api.rest.ClassAppResource;
import org.cartable.api.rest.RestApi;
import org.cartable.homework.internal.Entry;
import org.cartable.homework.internal.EntryInput;
import org.cartable.homework.internal.FeedStatus;
import org.cartable.homework.internal.HomeworkApp;
import org.cartable.homework.internal.HomeworkService;
import org.cartable.homework.internal.calendar.CalendarFeeds;
import org.cartable.homework.internal.rest.HomeworkJson.CompletionBody;
import org.cartable.homework.internal.rest.HomeworkJson.DayBody;
import org.cartable.homework.internal.rest.HomeworkJson.DueBody;
import org.cartable.homework.internal.rest.HomeworkJson.EntryBody;
import org.cartable.homework.internal.rest.HomeworkJson.EntryEdit;
import org.cartable.homework.internal.rest.HomeworkJson.FeedBody;
import org.cartable.homework.internal.rest.HomeworkJson.NewEntry;
import org.cartable.homework.internal.rest.HomeworkJson.WeekBody;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/classes/{classId}/homework} (routed here by the platform): translates HTTP to {@link HomeworkService}
 * and {@link CalendarFeeds} calls and back; rules and refusals all come from them. Parents say which child they act
 * for with {@code ?child=<pupil id>} (optional when they have one child in the class).
 */
@Component(service = ClassAppResource.class)
@Produces(MediaType.APPLICATION_JSON)
public final class HomeworkResource implements ClassAppResource {

    private static final int DEFAULT_DUE_DAYS = 14;

    private final HomeworkService homework;
    private final CalendarFeeds feeds;

    @Activate
    public HomeworkResource(@Reference(name = "homework") HomeworkService homework,
                            @Reference(name = "feeds") CalendarFeeds feeds) {
        this.homework = homework;
        this.feeds = feeds;
    }

    @Override
    public String appId() {
        return HomeworkApp.ID;
    }

    /** The week holding {@code date} (default: this week), Monday to Sunday. */
    @GET
    @Path("week")
    public WeekBody week(@Context SecurityContext security, @PathParam("classId") String classId,
                         @QueryParam("date") String date, @QueryParam("child") String child) {
        var caller = RestApi.caller(security);
        return WeekBody.of(homework.week(caller, classId, HomeworkJson.parseDate(date, "date", false), child));
    }

    @GET
    @Path("day")
    public DayBody day(@Context SecurityContext security, @PathParam("classId") String classId,
                       @QueryParam("date") String date, @QueryParam("child") String child) {
        var caller = RestApi.caller(security);
        var day = HomeworkJson.parseDate(date, "date", false);
        var entries = homework.day(caller, classId, day, child);
        return new DayBody(HomeworkJson.isoDate(day != null ? day : homework.today()), EntryBody.of(entries));
    }

    /** Work due from {@code from} (default today) over {@code days} days (default 14). */
    @GET
    @Path("due")
    public DueBody due(@Context SecurityContext security, @PathParam("classId") String classId,
                       @QueryParam("from") String from, @QueryParam("days") String days,
                       @QueryParam("child") String child) {
        var caller = RestApi.caller(security);
        var start = HomeworkJson.parseDate(from, "from", false);
        var entries = homework.due(caller, classId, start, days(days), child);
        return new DueBody(HomeworkJson.isoDate(start != null ? start : homework.today()), EntryBody.of(entries));
    }

    private static int days(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_DUE_DAYS;
        }
        String expected = "'days' must be a number of days from 0 to 366.";
        int days = RestApi.wholeNumber(value, expected);
        if (days < 0 || days > 366) {
            throw CartableException.badRequest(expected);
        }
        return days;
    }

    @POST
    @Path("entries")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Context SecurityContext security, @Context UriInfo uri,
                           @PathParam("classId") String classId, NewEntry request) {
        var caller = RestApi.caller(security);
        if (request == null) {
            throw CartableException.badRequest(
                    "Send {\"date\", \"subject\", \"title\", \"content\", \"dueDate\", \"recurrence\"}.");
        }
        var recurrence = request.recurrence();
        EntryInput input = new EntryInput(HomeworkJson.parseDate(request.date(), "date", true),
                HomeworkJson.parseSubject(request.subject()), request.title(), request.content(),
                HomeworkJson.parseDate(request.dueDate(), "dueDate", false),
                HomeworkJson.parseFrequency(recurrence == null ? null : recurrence.frequency()),
                recurrence == null ? null : HomeworkJson.parseDate(recurrence.until(), "recurrence.until", false));
        Entry entry = homework.create(caller, classId, input);
        return Response.created(uri.getAbsolutePathBuilder().path(entry.id()).build())
                .entity(EntryBody.of(entry))
                .build();
    }

    @GET
    @Path("entries/{entryId}")
    public EntryBody entry(@Context SecurityContext security, @PathParam("classId") String classId,
                           @PathParam("entryId") String entryId, @QueryParam("child") String child) {
        return EntryBody.of(homework.entry(RestApi.caller(security), classId, entryId, child));
    }

    /** {@code ?scope=FOLLOWING} changes this occurrence and the later ones of its series. */
    @PUT
    @Path("entries/{entryId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public EntryBody update(@Context SecurityContext security, @PathParam("classId") String classId,
                            @PathParam("entryId") String entryId, @QueryParam("scope") String scope,
                            EntryEdit request) {
        var caller = RestApi.caller(security);
        if (request == null) {
            throw CartableException.badRequest("Send {\"date\", \"subject\", \"title\", \"content\", \"dueDate\"}.");
        }
        EntryInput input = EntryInput.once(HomeworkJson.parseDate(request.date(), "date", true),
                HomeworkJson.parseSubject(request.subject()), request.title(), request.content(),
                HomeworkJson.parseDate(request.dueDate(), "dueDate", false));
        return EntryBody.of(homework.update(caller, classId, entryId, input, HomeworkJson.parseScope(scope)));
    }

    /** {@code ?scope=FOLLOWING} deletes this occurrence and the later ones of its series. */
    @DELETE
    @Path("entries/{entryId}")
    public void delete(@Context SecurityContext security, @PathParam("classId") String classId,
                       @PathParam("entryId") String entryId, @QueryParam("scope") String scope) {
        var caller = RestApi.caller(security);
        homework.delete(caller, classId, entryId, HomeworkJson.parseScope(scope));
    }

    @PUT
    @Path("entries/{entryId}/done")
    public EntryBody tick(@Context SecurityContext security, @PathParam("classId") String classId,
                          @PathParam("entryId") String entryId, @QueryParam("child") String child) {
        return EntryBody.of(homework.setDone(RestApi.caller(security), classId, entryId, child, true));
    }

    @DELETE
    @Path("entries/{entryId}/done")
    public EntryBody untick(@Context SecurityContext security, @PathParam("classId") String classId,
                            @PathParam("entryId") String entryId, @QueryParam("child") String child) {
        return EntryBody.of(homework.setDone(RestApi.caller(security), classId, entryId, child, false));
    }

    @GET
    @Path("entries/{entryId}/completion")
    public CompletionBody completion(@Context SecurityContext security, @PathParam("classId") String classId,
                                     @PathParam("entryId") String entryId) {
        return CompletionBody.of(homework.completion(RestApi.caller(security), classId, entryId));
    }

    @GET
    @Path("calendar")
    public FeedBody feed(@Context SecurityContext security, @PathParam("classId") String classId,
                         @QueryParam("child") String child) {
        return FeedBody.of(feeds.status(RestApi.caller(security), classId, child), null);
    }

    /** Makes a new private address (the previous one stops working); its URL is in this answer only. */
    @POST
    @Path("calendar")
    public Response renewFeed(@Context SecurityContext security, @Context UriInfo uri,
                              @PathParam("classId") String classId, @QueryParam("child") String child) {
        FeedStatus status = feeds.renew(RestApi.caller(security), classId, child);
        String url = uri.getBaseUriBuilder().replacePath(CalendarFeeds.PATH + status.token() + ".ics")
                .replaceQuery(null).build().toString();
        return Response.status(Response.Status.CREATED).entity(FeedBody.of(status, url)).build();
    }

    @DELETE
    @Path("calendar")
    public void revokeFeed(@Context SecurityContext security, @PathParam("classId") String classId,
                           @QueryParam("child") String child) {
        feeds.revoke(RestApi.caller(security), classId, child);
    }
}
