package org.cartable.rest.internal.resources;

import java.time.LocalDate;
import java.time.ZoneOffset;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.StreamingOutput;

import org.cartable.api.Caller;
import org.cartable.api.rest.RestApi;
import org.cartable.core.service.PersonalDataRights;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The download of one's personal data (a ZIP, see {@link PersonalDataRights#export}); {@link ExportResource} serves
 * the same to accounts that cannot sign in any more.
 */
@Component(service = PersonalDataResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("me/export")
@Produces(MediaType.APPLICATION_JSON)
public final class PersonalDataResource {

    private static final Logger LOG = LoggerFactory.getLogger(PersonalDataResource.class);
    static final String ZIP = "application/zip";

    private final PersonalDataRights rights;

    @Activate
    public PersonalDataResource(@Reference PersonalDataRights rights) {
        this.rights = rights;
    }

    @GET
    @Produces({ZIP, MediaType.APPLICATION_JSON})
    public Response myExport(@Context SecurityContext security) {
        return zip(rights, RestApi.caller(security));
    }

    static Response zip(PersonalDataRights rights, Caller caller) {
        LOG.info("Account {} downloads its personal data", caller.userId());
        StreamingOutput body = out -> rights.export(caller.userId(), out);
        String file = "cartable-" + caller.login().replaceAll("[^A-Za-z0-9._-]", "_") + "-"
                + LocalDate.now(ZoneOffset.UTC) + ".zip";
        return Response.ok(body, ZIP)
                .header("Content-Disposition", "attachment; filename=\"" + file + "\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .build();
    }
}
