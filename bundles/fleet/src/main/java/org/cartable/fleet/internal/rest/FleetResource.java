package org.cartable.fleet.internal.rest;

import java.util.List;

import javax.ws.rs.Consumes;
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

import org.cartable.api.Caller;
import org.cartable.api.CartableException;
import org.cartable.api.rest.AppResource;
import org.cartable.api.rest.RestApi;
import org.cartable.fleet.internal.DeliveryImport;
import org.cartable.fleet.internal.Device;
import org.cartable.fleet.internal.DeviceFilter;
import org.cartable.fleet.internal.DeviceKind;
import org.cartable.fleet.internal.DeviceState;
import org.cartable.fleet.internal.FleetApp;
import org.cartable.fleet.internal.FleetService;
import org.cartable.fleet.internal.GlpiExport;
import org.cartable.fleet.internal.QrSvg;
import org.cartable.fleet.internal.Ticket;
import org.cartable.fleet.internal.TicketService;
import org.cartable.fleet.internal.rest.FleetJson.BulkStateRequest;
import org.cartable.fleet.internal.rest.FleetJson.DeviceBody;
import org.cartable.fleet.internal.rest.FleetJson.DeviceRequest;
import org.cartable.fleet.internal.rest.FleetJson.DeviceWithHistory;
import org.cartable.fleet.internal.rest.FleetJson.ImportBody;
import org.cartable.fleet.internal.rest.FleetJson.InventoryBody;
import org.cartable.fleet.internal.rest.FleetJson.InventoryRequest;
import org.cartable.fleet.internal.rest.FleetJson.NewNote;
import org.cartable.fleet.internal.rest.FleetJson.NewTicket;
import org.cartable.fleet.internal.rest.FleetJson.RenewalBody;
import org.cartable.fleet.internal.rest.FleetJson.School;
import org.cartable.fleet.internal.rest.FleetJson.StateRequest;
import org.cartable.fleet.internal.rest.FleetJson.StatsBody;
import org.cartable.fleet.internal.rest.FleetJson.TicketAction;
import org.cartable.fleet.internal.rest.FleetJson.TicketBody;
import org.cartable.fleet.internal.rest.FleetJson.TicketWithNotes;
import org.cartable.fleet.internal.rest.FleetJson.WeekBody;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code /api/tools/fleet} (routed here by the platform once it has checked the caller holds one of the app's
 * roles): translates HTTP to the fleet's services and back, with no rule of its own. Out-of-scope ids answer 404
 * like unknown ones; the services decide.
 */
@Component(service = AppResource.class)
@Produces(MediaType.APPLICATION_JSON)
public final class FleetResource implements AppResource {

    static final String CSV = "text/csv";
    static final String SVG = "image/svg+xml";

    private final FleetService fleet;
    private final TicketService tickets;
    private final DeliveryImport imports;
    private final GlpiExport export;

    @Activate
    public FleetResource(@Reference(name = "fleet") FleetService fleet,
                         @Reference(name = "tickets") TicketService tickets,
                         @Reference(name = "imports") DeliveryImport imports,
                         @Reference(name = "export") GlpiExport export) {
        this.fleet = fleet;
        this.tickets = tickets;
        this.imports = imports;
        this.export = export;
    }

    @Override
    public String appId() {
        return FleetApp.ID;
    }

    // ---------------------------------------------------------------------------------------------- devices

    @GET
    @Path("schools")
    public List<School> schools(@Context SecurityContext security) {
        return fleet.schools(RestApi.caller(security)).stream().map(School::of).toList();
    }

    @GET
    @Path("devices")
    public List<DeviceBody> devices(@Context SecurityContext security, @QueryParam("schoolId") String schoolId,
                                    @QueryParam("collectivityId") String collectivityId,
                                    @QueryParam("state") String state, @QueryParam("kind") String kind,
                                    @QueryParam("q") String text) {
        DeviceFilter filter = new DeviceFilter(blank(schoolId), blank(collectivityId),
                parse(DeviceState.class, state, "state"), parse(DeviceKind.class, kind, "kind"), text);
        return fleet.devices(RestApi.caller(security), filter).stream().map(DeviceBody::of).toList();
    }

    @POST
    @Path("devices")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(@Context SecurityContext security, @Context UriInfo uri, DeviceRequest request) {
        Caller caller = RestApi.caller(security);
        if (request == null) {
            throw CartableException.badRequest("Send {\"kind\", \"schoolId\", ...}.");
        }
        Device device = fleet.create(caller, request.toInput());
        return Response.created(uri.getAbsolutePathBuilder().path(device.id()).build())
                .entity(DeviceBody.of(device)).build();
    }

    @GET
    @Path("devices/{deviceId}")
    public DeviceWithHistory device(@Context SecurityContext security, @PathParam("deviceId") String deviceId) {
        return DeviceWithHistory.of(fleet.device(RestApi.caller(security), deviceId));
    }

    @PUT
    @Path("devices/{deviceId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public DeviceBody update(@Context SecurityContext security, @PathParam("deviceId") String deviceId,
                             DeviceRequest request) {
        Caller caller = RestApi.caller(security);
        if (request == null) {
            throw CartableException.badRequest("Send the device's fields.");
        }
        return DeviceBody.of(fleet.update(caller, deviceId, request.toInput()));
    }

    @POST
    @Path("devices/{deviceId}/state")
    @Consumes(MediaType.APPLICATION_JSON)
    public DeviceBody changeState(@Context SecurityContext security, @PathParam("deviceId") String deviceId,
                                  StateRequest request) {
        Caller caller = RestApi.caller(security);
        if (request == null || request.state() == null) {
            throw CartableException.badRequest("Send {\"state\", \"note\"}.");
        }
        return DeviceBody.of(fleet.changeState(caller, List.of(deviceId), request.state(), request.note()).get(0));
    }

    @POST
    @Path("devices/state")
    @Consumes(MediaType.APPLICATION_JSON)
    public List<DeviceBody> changeStates(@Context SecurityContext security, BulkStateRequest request) {
        Caller caller = RestApi.caller(security);
        if (request == null || request.deviceIds() == null || request.state() == null) {
            throw CartableException.badRequest("Send {\"deviceIds\": [...], \"state\", \"note\"}.");
        }
        return fleet.changeState(caller, request.deviceIds(), request.state(), request.note()).stream()
                .map(DeviceBody::of).toList();
    }

    @GET
    @Path("devices/{deviceId}/label.svg")
    @Produces(SVG)
    public String label(@Context SecurityContext security, @PathParam("deviceId") String deviceId) {
        Device device = fleet.device(RestApi.caller(security), deviceId).device();
        return QrSvg.svg(device.tag(), 160);
    }

    // ---------------------------------------------------------------------------------------------- bulk work

    @POST
    @Path("imports")
    @Consumes({CSV, MediaType.TEXT_PLAIN})
    public ImportBody importDeliveries(@Context SecurityContext security, @QueryParam("dryRun") boolean dryRun,
                                       String csv) {
        return ImportBody.of(imports.importCsv(RestApi.caller(security), csv, dryRun));
    }

    @GET
    @Path("export/glpi.csv")
    @Produces(CSV + ";charset=UTF-8")
    public Response exportGlpi(@Context SecurityContext security, @QueryParam("schoolId") String schoolId) {
        String csv = export.export(RestApi.caller(security), new DeviceFilter(blank(schoolId), null, null, null,
                null));
        return Response.ok(csv).header("Content-Disposition", "attachment; filename=\"cartable-fleet-glpi.csv\"")
                .build();
    }

    @POST
    @Path("inventory")
    @Consumes(MediaType.APPLICATION_JSON)
    public InventoryBody inventory(@Context SecurityContext security, InventoryRequest request) {
        Caller caller = RestApi.caller(security);
        if (request == null || request.tags() == null) {
            throw CartableException.badRequest("Send {\"schoolId\": optional, \"tags\": [...]}.");
        }
        return InventoryBody.of(fleet.inventory(caller, blank(request.schoolId()), request.tags()));
    }

    @GET
    @Path("renewal")
    public RenewalBody renewal(@Context SecurityContext security, @QueryParam("asOf") String asOf,
                               @QueryParam("maxAgeYears") Integer maxAgeYears) {
        return RenewalBody.of(fleet.renewal(RestApi.caller(security), FleetJson.day(asOf, "asOf"), maxAgeYears));
    }

    @GET
    @Path("stats")
    public StatsBody stats(@Context SecurityContext security, @QueryParam("weeks") @DefaultValue("12") int weeks) {
        Caller caller = RestApi.caller(security);
        return new StatsBody(fleet.fleetByCollectivity(caller),
                tickets.weeks(caller, weeks).stream().map(WeekBody::of).toList());
    }

    // ---------------------------------------------------------------------------------------------- tickets

    @GET
    @Path("tickets")
    public List<TicketBody> tickets(@Context SecurityContext security, @QueryParam("open") boolean openOnly) {
        return tickets.tickets(RestApi.caller(security), openOnly).stream().map(TicketBody::of).toList();
    }

    @POST
    @Path("tickets")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response open(@Context SecurityContext security, @Context UriInfo uri, NewTicket request) {
        Caller caller = RestApi.caller(security);
        if (request == null || request.deviceId() == null || request.problem() == null) {
            throw CartableException.badRequest("Send {\"deviceId\", \"problem\", \"photo\": optional base64}.");
        }
        Ticket ticket = tickets.open(caller, request.deviceId(), request.problem(), request.photoBytes());
        return Response.created(uri.getAbsolutePathBuilder().path(ticket.id()).build())
                .entity(TicketBody.of(ticket)).build();
    }

    @GET
    @Path("tickets/{ticketId}")
    public TicketWithNotes ticket(@Context SecurityContext security, @PathParam("ticketId") String ticketId) {
        return TicketWithNotes.of(tickets.ticket(RestApi.caller(security), ticketId));
    }

    @GET
    @Path("tickets/{ticketId}/photo")
    @Produces({"image/png", "image/jpeg"})
    public Response photo(@Context SecurityContext security, @PathParam("ticketId") String ticketId) {
        Ticket.Photo photo = tickets.photo(RestApi.caller(security), ticketId);
        // Only PNG/JPEG are stored (checked by content), but should a file ever be opened on its own, the browser
        // must neither guess another type nor run anything in it.
        return Response.ok(photo.data(), photo.contentType())
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .header("Content-Disposition", "inline; filename=\"ticket-photo."
                        + (photo.contentType().equals("image/png") ? "png" : "jpg") + "\"")
                .build();
    }

    @POST
    @Path("tickets/{ticketId}/assign")
    public TicketBody assign(@Context SecurityContext security, @PathParam("ticketId") String ticketId,
                             TicketAction request) {
        return TicketBody.of(tickets.assign(RestApi.caller(security), ticketId, body(request).technicianId()));
    }

    @POST
    @Path("tickets/{ticketId}/plan")
    public TicketBody plan(@Context SecurityContext security, @PathParam("ticketId") String ticketId,
                           TicketAction request) {
        TicketAction a = body(request);
        return TicketBody.of(tickets.plan(RestApi.caller(security), ticketId, FleetJson.day(a.plannedOn(),
                "plannedOn"), a.note()));
    }

    @POST
    @Path("tickets/{ticketId}/wait")
    public TicketBody waitFor(@Context SecurityContext security, @PathParam("ticketId") String ticketId,
                              TicketAction request) {
        return TicketBody.of(tickets.waitFor(RestApi.caller(security), ticketId, body(request).note()));
    }

    @POST
    @Path("tickets/{ticketId}/solve")
    public TicketBody solve(@Context SecurityContext security, @PathParam("ticketId") String ticketId,
                            TicketAction request) {
        TicketAction a = body(request);
        return TicketBody.of(tickets.solve(RestApi.caller(security), ticketId, a.note(),
                a.minutes() == null ? 0 : a.minutes()));
    }

    @POST
    @Path("tickets/{ticketId}/close")
    public TicketBody close(@Context SecurityContext security, @PathParam("ticketId") String ticketId,
                            TicketAction request) {
        TicketAction a = body(request);
        return TicketBody.of(tickets.close(RestApi.caller(security), ticketId, a.satisfaction(), a.note()));
    }

    @POST
    @Path("tickets/{ticketId}/reopen")
    public TicketBody reopen(@Context SecurityContext security, @PathParam("ticketId") String ticketId,
                             TicketAction request) {
        return TicketBody.of(tickets.reopen(RestApi.caller(security), ticketId, body(request).note()));
    }

    @POST
    @Path("tickets/{ticketId}/notes")
    @Consumes(MediaType.APPLICATION_JSON)
    public TicketBody note(@Context SecurityContext security, @PathParam("ticketId") String ticketId,
                           NewNote request) {
        Caller caller = RestApi.caller(security);
        if (request == null) {
            throw CartableException.badRequest("Send {\"text\", \"minutes\": optional}.");
        }
        return TicketBody.of(tickets.note(caller, ticketId, request.text(),
                request.minutes() == null ? 0 : request.minutes()));
    }

    /* The actions' bodies are optional: a bodiless POST (no content type either) means "no note". */
    private static TicketAction body(TicketAction request) {
        return request == null ? TicketAction.NONE : request;
    }

    private static String blank(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    static <E extends Enum<E>> E parse(Class<E> type, String text, String name) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, text.strip());
        } catch (IllegalArgumentException e) {
            throw CartableException.badRequest("'" + name + "' must be one of "
                    + List.of(type.getEnumConstants()) + ".");
        }
    }
}
