package org.cartable.rest.internal.resources;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

import javax.ws.rs.DefaultValue;
import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.cartable.api.Caller;
import org.cartable.api.CartableException;
import org.cartable.api.Role;
import org.cartable.api.rest.RestApi;
import org.cartable.core.service.AuditTrail;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * {@code GET /api/admin/audit?from=&to=&type=&actor=&limit=&before=}: the audit log, newest first, for operators and
 * platform administrators. Read only: the log has no write, change or delete endpoint.
 */
@Component(service = AuditResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("admin/audit")
@Produces(MediaType.APPLICATION_JSON)
public final class AuditResource {

    public record EntryView(long seq, Instant at, String type, String actorId, String actorLogin, String target,
                            String detail, String address) {
        static EntryView of(AuditTrail.Entry e) {
            return new EntryView(e.seq(), e.at(), e.type(), e.actorId(), e.actorLogin(), e.target(), e.detail(),
                    e.address());
        }
    }

    /** @param next the value of {@code before} for the following page, or null on the last one */
    public record PageView(List<EntryView> entries, Long next) {
    }

    private final AuditTrail trail;

    @Activate
    public AuditResource(@Reference AuditTrail trail) {
        this.trail = trail;
    }

    @GET
    public PageView read(@QueryParam("from") String from, @QueryParam("to") String to,
                         @QueryParam("type") String type, @QueryParam("actor") String actor,
                         @QueryParam("limit") @DefaultValue("100") String limit,
                         @QueryParam("before") String before, @Context SecurityContext security) {
        Caller caller = RestApi.caller(security);
        // Checked here as well as in the service: the parameters of a refused caller are not even parsed.
        if (!caller.has(Role.OPERATOR) && !caller.has(Role.PLATFORM_ADMIN)) {
            throw CartableException.forbidden("Only operators and platform administrators read the audit log.");
        }
        if (type != null && type.length() > 60 || actor != null && actor.length() > 100) {
            throw CartableException.badRequest("'type' or 'actor' is too long.");
        }
        AuditTrail.Page page = trail.read(caller, new AuditTrail.Query(instant("from", from), instant("to", to),
                type, actor, before == null || before.isBlank() ? null : number("before", before, Long.MAX_VALUE),
                (int) number("limit", limit, AuditTrail.MAX_LIMIT)));
        return new PageView(page.entries().stream().map(EntryView::of).toList(), page.next());
    }

    /** An ISO instant ({@code 2026-11-29T14:00:00Z}) or a date ({@code 2026-11-29}, midnight UTC). */
    static Instant instant(String name, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String value = text.strip();
        try {
            return value.length() == 10 ? java.time.LocalDate.parse(value).atStartOfDay(java.time.ZoneOffset.UTC)
                    .toInstant() : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw CartableException.badRequest("'" + name + "' must be a date (2026-11-29) or an instant"
                    + " (2026-11-29T14:00:00Z).");
        }
    }

    private static long number(String name, String text, long max) {
        try {
            long n = Long.parseLong(text.strip());
            if (n < 1 || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw CartableException.badRequest("'" + name + "' must be a number between 1 and " + max + ".");
        }
    }
}
