package org.cartable.rest.internal.resources;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import javax.ws.rs.Path;
import javax.ws.rs.PathParam;

import org.cartable.api.CartableException;
import org.cartable.api.rest.ClassAppResource;
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
 * Routes {@code /api/classes/{classId}/<appId>/...} to the {@link ClassAppResource} of the installed app.
 * <p>
 * The platform's application keeps one fixed set of JAX-RS resources; apps come and go only in this table. Were app
 * resources whiteboard resources themselves, Aries JAX-RS Whiteboard would rebuild the whole {@code /api} server on
 * every install, update or removal, and answer 404 to every client for a few milliseconds. (The authentication
 * filter has already checked the caller's access to the class and app before this runs.)
 */
@Component(service = ClassAppDispatcher.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("classes/{classId}")
public final class ClassAppDispatcher implements SubResourceRoutes {

    private final Map<String, ClassAppResource> resources = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addResource(ClassAppResource resource) {
        resources.put(resource.appId(), resource);
    }

    public void removeResource(ClassAppResource resource) {
        resources.remove(resource.appId(), resource);
    }

    /** @return the app's resource, on which JAX-RS goes on matching the rest of the path */
    @Path("{appId}")
    public Object app(@PathParam("appId") String appId) {
        ClassAppResource resource = resources.get(appId);
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
        return Operation.Kind.CLASS_APP;
    }

    @Override
    public Map<String, Object> routes() {
        return new TreeMap<>(resources);
    }
}
