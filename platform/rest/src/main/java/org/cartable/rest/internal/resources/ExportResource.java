package org.cartable.rest.internal.resources;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.FormParam;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.cartable.api.Caller;
import org.cartable.api.CartableException;
import org.cartable.api.rest.RestApi;
import org.cartable.core.service.Accounts;
import org.cartable.core.service.PersonalDataRights;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The download of one's data for whoever knows the account's password, accounts that left the directory
 * (pre-deleted) included: they cannot sign in any more but keep this right until the purge. No token is issued: this
 * opens nothing else. Throttled like sign-in (same counters).
 */
@Component(service = ExportResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("export")
@Produces(MediaType.APPLICATION_JSON)
public final class ExportResource {

    private static final Logger LOG = LoggerFactory.getLogger(ExportResource.class);
    private static final int MAX_CREDENTIAL_LENGTH = 256;

    private final PersonalDataRights rights;
    private final Accounts accounts;

    @Activate
    public ExportResource(@Reference PersonalDataRights rights, @Reference Accounts accounts) {
        this.rights = rights;
        this.accounts = accounts;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces({PersonalDataResource.ZIP, MediaType.APPLICATION_JSON})
    public Response exportWithCredentials(Views.SessionRequest body, @Context HttpServletRequest http) {
        if (body == null) {
            throw CartableException.badRequest("Send {\"login\": ..., \"password\": ...}.");
        }
        return exportFor(body.login(), body.password(), http);
    }

    /** The same from a plain HTML form (the sign-in page's form for accounts that left the directory). */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces({PersonalDataResource.ZIP, MediaType.APPLICATION_JSON})
    public Response exportWithForm(@FormParam("login") String login, @FormParam("password") String password,
                                   @Context HttpServletRequest http) {
        return exportFor(login, password, http);
    }

    private Response exportFor(String login, String password, HttpServletRequest http) {
        Caller caller = accounts.authenticateForExport(required("login", login), required("password", password),
                http.getRemoteAddr());
        LOG.info("Account {} signs in with its password for its data export only", caller.userId());
        return PersonalDataResource.zip(rights, caller);
    }

    private static String required(String field, String value) {
        if (value == null || value.isBlank()) {
            throw CartableException.badRequest("Field '" + field + "' is required.");
        }
        if (value.length() > MAX_CREDENTIAL_LENGTH) {
            throw CartableException.badRequest("Field '" + field + "' is too long.");
        }
        return value;
    }
}
