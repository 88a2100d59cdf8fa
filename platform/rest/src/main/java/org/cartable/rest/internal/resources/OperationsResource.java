package org.cartable.rest.internal.resources;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import org.cartable.api.Caller;
import org.cartable.api.CartableException;
import org.cartable.api.Role;
import org.cartable.api.rest.RestApi;
import org.cartable.api.web.PageContribution;
import org.cartable.core.service.AppCatalog;
import org.cartable.rest.internal.operations.Operation;
import org.cartable.rest.internal.operations.OperationScanner;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceObjects;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.jaxrs.whiteboard.JaxrsWhiteboardConstants;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/**
 * What the platform serves right now: every REST operation of the resources registered with the platform's
 * application (the apps' ones behind the dispatchers included) and every page the apps contribute, found by
 * reflection rather than kept by hand, so that tools checking them (the authorization matrix) cover a new app
 * without being told.
 */
@Component(service = OperationsResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("admin/operations")
@Produces(MediaType.APPLICATION_JSON)
public final class OperationsResource {

    private static final Pattern PAGE_PARAMETER = Pattern.compile("[$#]\\{([^}]+)}");

    private final BundleContext context;
    private final AppCatalog catalog;
    private final List<PageContribution> pages = new CopyOnWriteArrayList<>();

    @Activate
    public OperationsResource(BundleContext context, @Reference AppCatalog catalog) {
        this.context = context;
        this.catalog = catalog;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addPage(PageContribution page) {
        pages.add(page);
    }

    void removePage(PageContribution page) {
        pages.remove(page);
    }

    /**
     * @param method    HTTP method
     * @param path      template below the server root
     * @param kind      {@code PLATFORM}, {@code CLASS_APP} or {@code TOOL}
     * @param appId     app serving it, null for the platform
     * @param appRoles  roles the app declares (who uses it), empty for the platform
     */
    record OperationView(String method, String path, Operation.Kind kind, String appId, List<Role> appRoles,
                         List<String> pathParams, List<String> queryParams, List<String> consumes,
                         Operation.Body body, String handler) {
    }

    /** @param path below the server root, with Wicket's {@code ${name}} placeholders */
    record PageView(String appId, String path, boolean home, List<String> params) {
    }

    record OperationsView(int count, List<OperationView> operations, List<PageView> pages) {
    }

    @GET
    public OperationsView list(@Context SecurityContext security) {
        Caller caller = RestApi.caller(security);
        if (!caller.has(Role.OPERATOR) && !caller.has(Role.PLATFORM_ADMIN)) {
            throw CartableException.forbidden("Only operators and platform administrators list the operations.");
        }
        OperationScanner scanner = new OperationScanner("/api");
        for (ServiceReference<?> reference : platformResources()) {
            withService(reference, scanner::addRoot);
        }
        List<OperationView> operations = scanner.operations().stream()
                .map(o -> new OperationView(o.method(), o.path(), o.kind(), o.appId(), appRoles(o.appId()),
                        o.pathParams(), o.queryParams(), o.consumes(), o.body(), o.handler()))
                .toList();
        List<PageView> pageViews = pages.stream()
                .map(p -> new PageView(p.appId(), "/app/" + p.path(), p.isHome(), pageParams(p.path())))
                .sorted(Comparator.comparing(PageView::path))
                .toList();
        return new OperationsView(operations.size(), operations, pageViews);
    }

    private List<Role> appRoles(String appId) {
        if (appId == null) {
            return List.of();
        }
        return catalog.find(appId).map(app -> app.app().roles().stream().sorted().toList()).orElse(List.of());
    }

    static List<String> pageParams(String path) {
        List<String> names = new ArrayList<>();
        Matcher matcher = PAGE_PARAMETER.matcher(path);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return List.copyOf(names);
    }

    /** Resources of the whiteboard that select the platform's application (filter strings compared as written). */
    private List<ServiceReference<?>> platformResources() {
        try {
            ServiceReference<?>[] references = context.getServiceReferences((String) null,
                    "(" + JaxrsWhiteboardConstants.JAX_RS_RESOURCE + "=true)");
            if (references == null) {
                return List.of();
            }
            return Arrays.stream(references)
                    .filter(r -> selectsPlatform(r.getProperty(JaxrsWhiteboardConstants.JAX_RS_APPLICATION_SELECT)))
                    .toList();
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static boolean selectsPlatform(Object select) {
        Set<String> wanted = Set.of(RestApi.APPLICATION_SELECT);
        if (select instanceof String s) {
            return wanted.contains(s);
        }
        if (select instanceof String[] values) {
            return Arrays.stream(values).anyMatch(wanted::contains);
        }
        return false;
    }

    private <S> void withService(ServiceReference<S> reference, java.util.function.Consumer<Object> use) {
        ServiceObjects<S> objects = context.getServiceObjects(reference);
        if (objects == null) {
            return; // unregistered meanwhile
        }
        S service = objects.getService();
        if (service == null) {
            return;
        }
        try {
            use.accept(service);
        } finally {
            objects.ungetService(service);
        }
    }
}
