package org.cartable.deployment.internal.rest;

import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.cartable.api.CartableException;
import org.cartable.api.rest.AppResource;
import org.cartable.api.rest.RestApi;
import org.cartable.deployment.internal.Adoption;
import org.cartable.deployment.internal.Coverage;
import org.cartable.deployment.internal.DeploymentApp;
import org.cartable.deployment.internal.DeploymentService;
import org.cartable.deployment.internal.HistoryPoint;
import org.cartable.deployment.internal.TotalsImport;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** {@code /api/tools/deployment} (routed here by the platform): HTTP in front of {@link DeploymentService}. */
@Component(service = AppResource.class)
@Produces(MediaType.APPLICATION_JSON)
public final class DeploymentResource implements AppResource {

    private final DeploymentService deployment;

    @Activate
    public DeploymentResource(@Reference DeploymentService deployment) {
        this.deployment = deployment;
    }

    @Override
    public String appId() {
        return DeploymentApp.ID;
    }

    @GET
    @Path("coverage")
    public Coverage coverage(@Context SecurityContext security) {
        return deployment.coverage(RestApi.caller(security));
    }

    @GET
    @Path("history")
    public List<HistoryPoint> history(@Context SecurityContext security) {
        return deployment.history(RestApi.caller(security));
    }

    @GET
    @Path("adoption")
    public Adoption adoption(@Context SecurityContext security) {
        return deployment.adoption(RestApi.caller(security));
    }

    /** Body {@code {"schools": 12, "pupils": 1450}}. */
    @PUT
    @Path("totals/{collectivityId}")
    @Consumes(MediaType.APPLICATION_JSON)
    public void setTotals(@Context SecurityContext security, @PathParam("collectivityId") String collectivityId,
                          Totals totals) {
        if (totals == null) {
            throw CartableException.badRequest("Send {\"schools\": <number>, \"pupils\": <number>}.");
        }
        deployment.setTotals(RestApi.caller(security), collectivityId, totals.schools(), totals.pupils());
    }

    /** Body: CSV lines {@code collectivity;schools;pupils} (collectivity by SIRET or name). */
    @POST
    @Path("totals/import")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    public TotalsImport importTotals(@Context SecurityContext security, String csv) {
        return deployment.importTotals(RestApi.caller(security), csv);
    }

    public record Totals(Integer schools, Integer pupils) {
    }
}
