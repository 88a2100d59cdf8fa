package org.cartable.liaison.internal.rest;

import java.util.Set;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.DefaultValue;
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
import org.cartable.liaison.internal.LiaisonApp;
import org.cartable.liaison.internal.LiaisonService;
import org.cartable.liaison.internal.LiaisonService.Confirmed;
import org.cartable.liaison.internal.NewWord;
import org.cartable.liaison.internal.Word;
import org.cartable.liaison.internal.rest.LiaisonJson.ConfirmationBody;
import org.cartable.liaison.internal.rest.LiaisonJson.CorrectionBody;
import org.cartable.liaison.internal.rest.LiaisonJson.FollowUpBody;
import org.cartable.liaison.internal.rest.LiaisonJson.NewWordBody;
import org.cartable.liaison.internal.rest.LiaisonJson.NotebookBody;
import org.cartable.liaison.internal.rest.LiaisonJson.ReminderBody;
import org.cartable.liaison.internal.rest.LiaisonJson.ReplyBody;
import org.cartable.liaison.internal.rest.LiaisonJson.ReplyRequest;
import org.cartable.liaison.internal.rest.LiaisonJson.WordBody;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/classes/{classId}/liaison} (routed here by the platform): HTTP to {@link LiaisonService} and back, no
 * rule of its own. A parent names the child they act for with {@code ?child=<pupilId>} (optional when they have one
 * child in the class). Only the methods that read a body declare {@code @Consumes}.
 */
@Component(service = ClassAppResource.class)
@Produces(MediaType.APPLICATION_JSON)
public final class LiaisonResource implements ClassAppResource {

    private final LiaisonService liaison;

    @Activate
    public LiaisonResource(@Reference(name = "liaison") LiaisonService liaison) {
        this.liaison = liaison;
    }

    @Override
    public String appId() {
        return LiaisonApp.ID;
    }

    @GET
    public NotebookBody notebook(@Context SecurityContext security, @PathParam("classId") String classId,
                                 @QueryParam("child") String child,
                                 @QueryParam("shown") @DefaultValue("" + LiaisonService.PAGE) String shown) {
        int count = RestApi.wholeNumber(shown,
                "'shown' must be a number between 1 and " + LiaisonService.SHOWN_MAX + ".");
        return NotebookBody.of(liaison.notebook(RestApi.caller(security), classId, child, count));
    }

    @POST
    @Path("words")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response write(@Context SecurityContext security, @Context UriInfo uri,
                          @PathParam("classId") String classId, NewWordBody request) {
        var caller = RestApi.caller(security);
        if (request == null || request.title() == null || request.body() == null) {
            throw CartableException.badRequest("Send {\"title\", \"body\", \"category\", \"pupils\": null (whole class)"
                    + " or [pupilId...], \"ackRequired\": true|false, \"repliesAllowed\": true|false}.");
        }
        if (request.pupils() != null && request.pupils().stream().anyMatch(p -> p == null)) {
            throw CartableException.badRequest("'pupils' holds pupil ids.");
        }
        Word word = liaison.write(caller, classId, new NewWord(request.title(), request.body(), request.category(),
                request.pupils() == null ? null : Set.copyOf(request.pupils()),
                request.ackRequired() == null || request.ackRequired(),
                Boolean.TRUE.equals(request.repliesAllowed())));
        return Response.created(uri.getAbsolutePathBuilder().path(word.id()).build())
                .entity(WordBody.of(word))
                .build();
    }

    @GET
    @Path("words/{wordId}")
    public WordBody word(@Context SecurityContext security, @PathParam("classId") String classId,
                         @PathParam("wordId") String wordId, @QueryParam("child") String child) {
        return WordBody.of(liaison.word(RestApi.caller(security), classId, wordId, child));
    }

    @PUT
    @Path("words/{wordId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public WordBody correct(@Context SecurityContext security, @PathParam("classId") String classId,
                            @PathParam("wordId") String wordId, CorrectionBody request) {
        var caller = RestApi.caller(security);
        if (request == null || request.title() == null || request.body() == null) {
            throw CartableException.badRequest("Send {\"title\", \"body\", \"category\" (optional)}.");
        }
        return WordBody.of(liaison.correct(caller, classId, wordId, request.title(), request.body(),
                request.category()));
    }

    @DELETE
    @Path("words/{wordId}")
    public void delete(@Context SecurityContext security, @PathParam("classId") String classId,
                       @PathParam("wordId") String wordId) {
        liaison.delete(RestApi.caller(security), classId, wordId);
    }

    @GET
    @Path("words/{wordId}/follow-up")
    public FollowUpBody followUp(@Context SecurityContext security, @PathParam("classId") String classId,
                                 @PathParam("wordId") String wordId) {
        return FollowUpBody.of(liaison.followUp(RestApi.caller(security), classId, wordId));
    }

    /** 201 with the new confirmation; 200 with the first one when the parent had already confirmed. */
    @POST
    @Path("words/{wordId}/confirmations")
    public Response confirm(@Context SecurityContext security, @PathParam("classId") String classId,
                            @PathParam("wordId") String wordId, @QueryParam("child") String child) {
        Confirmed confirmed = liaison.confirm(RestApi.caller(security), classId, wordId, child);
        return Response.status(confirmed.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(ConfirmationBody.of(confirmed.confirmation()))
                .build();
    }

    @PUT
    @Path("words/{wordId}/reply")
    @Consumes(MediaType.APPLICATION_JSON)
    public ReplyBody reply(@Context SecurityContext security, @PathParam("classId") String classId,
                           @PathParam("wordId") String wordId, @QueryParam("child") String child,
                           ReplyRequest request) {
        var caller = RestApi.caller(security);
        if (request == null || request.body() == null) {
            throw CartableException.badRequest("Send {\"body\"}.");
        }
        return ReplyBody.of(liaison.reply(caller, classId, wordId, child, request.body()));
    }

    @POST
    @Path("words/{wordId}/reminders")
    public ReminderBody remind(@Context SecurityContext security, @PathParam("classId") String classId,
                               @PathParam("wordId") String wordId) {
        return ReminderBody.of(liaison.remind(RestApi.caller(security), classId, wordId));
    }
}
