package org.cartable.rest.internal.resources;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import javax.ws.rs.Path;
import javax.ws.rs.PathParam;

import org.cartable.api.CartableException;
import org.cartable.api.rest.AppResource;
import org.cartable.api.rest.RestApi;
import org.cartable.rest.internal.operations.Operation;
import org.cartable.rest.internal.operations.SubResourceRoutes;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * Routes {@code /api/tools/<appId>/...} to the {@link AppResource} of the installed school or operator app, for the
 * same reason as {@link ClassAppDispatcher}: apps come and go in this table, never in the whiteboard. (The
 * authentication filter has already checked that the caller may use the tool.)
 */
@Component(service = ToolDispatcher.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("tools")
public final class ToolDispatcher implements SubResourceRoutes {

    private final Map<String, AppResource> resources = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addResource(AppResource resource) {
        resources.put(resource.appId(), resource);
    }

    public void removeResource(AppResource resource) {
        resources.remove(resource.appId(), resource);
    }

    /** @return the app's resource, on which JAX-RS goes on matching the rest of the path */
    @Path("{appId}")
    public Object app(@PathParam("appId") String appId) {
        AppResource resource = resources.get(appId);
        if (resource == null) {
            throw CartableException.notFound("Nothing here.");
        }
        return resource;
    }

    @Override
    public String locator() {
        return "app";
    }

    @Override
    public Operation.Kind kind() {
        return Operation.Kind.TOOL;
    }

    @Override
    public Map<String, Object> routes() {
        return new TreeMap<>(resources);
    }
}
