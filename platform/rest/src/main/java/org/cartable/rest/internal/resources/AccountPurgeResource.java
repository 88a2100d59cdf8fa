package org.cartable.rest.internal.resources;

import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.cartable.api.Caller;
import org.cartable.api.CartableException;
import org.cartable.api.Role;
import org.cartable.api.rest.RestApi;
import org.cartable.core.service.PersonalDataRights;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Operators and platform administrators purge a pre-deleted account on request, without waiting for the delay. */
@Component(service = AccountPurgeResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("admin/accounts")
@Produces(MediaType.APPLICATION_JSON)
public final class AccountPurgeResource {

    private static final Logger LOG = LoggerFactory.getLogger(AccountPurgeResource.class);

    private final PersonalDataRights rights;

    @Activate
    public AccountPurgeResource(@Reference PersonalDataRights rights) {
        this.rights = rights;
    }

    @POST
    @Path("{personId}/purge")
    public Response purge(@PathParam("personId") String personId, @Context SecurityContext security) {
        Caller caller = RestApi.caller(security);
        if (!caller.has(Role.OPERATOR) && !caller.has(Role.PLATFORM_ADMIN)) {
            throw CartableException.forbidden("Only operators and platform administrators purge accounts.");
        }
        LOG.info("{} purges pre-deleted account {}", caller.login(), personId);
        if (!rights.purge(personId)) {
            throw CartableException.conflict("An app could not erase this account's data (see the log); it stays"
                    + " pre-deleted and the scheduled purge will try again.");
        }
        return Response.noContent().build();
    }
}
