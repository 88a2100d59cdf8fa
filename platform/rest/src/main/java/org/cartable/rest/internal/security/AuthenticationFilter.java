package org.cartable.rest.internal.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import javax.annotation.Priority;
import javax.ws.rs.HttpMethod;
import javax.ws.rs.Priorities;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.PathSegment;
import javax.ws.rs.core.Response;

import org.cartable.api.Caller;
import org.cartable.api.CartableException;
import org.cartable.api.ClassAccess;
import org.cartable.api.Directory;
import org.cartable.api.ToolAccess;
import org.cartable.api.rest.RestApi;
import org.cartable.core.service.Accounts;
import org.cartable.core.service.AppCatalog;
import org.cartable.rest.internal.errors.Errors;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsName;

/**
 * Who is calling. Runs before resource matching, so that an anonymous client learns nothing about which paths exist.
 * <p>
 * A bearer token wins over the cookie. Requests that change state on the strength of the cookie alone must carry
 * {@code X-Requested-With: cartable}, which a cross-site form cannot send. For app paths
 * {@code classes/{classId}/{appId}/...} the class access is checked here too, before the app's resource runs, so
 * that an app that forgets its own check still cannot leak another class's data; when the path names no installed
 * app, class membership is still required.
 */
@Component(service = ContainerRequestFilter.class)
@JaxrsExtension
@JaxrsName(AuthenticationFilter.NAME)
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public final class AuthenticationFilter implements ContainerRequestFilter {

    public static final String NAME = "cartable.auth";

    static final String CSRF_HEADER = "X-Requested-With";
    static final String CSRF_VALUE = "cartable";

    private static final Set<String> SAFE_METHODS = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    /** The core's own class-level segment: {@code classes/{classId}/apps} is served by the platform. */
    private static final String CORE_CLASS_SEGMENT = "apps";

    private final Accounts accounts;
    private final AppCatalog catalog;
    private final ClassAccess classAccess;
    private final Directory directory;
    private final ToolAccess toolAccess;

    @Activate
    public AuthenticationFilter(@Reference Accounts accounts, @Reference AppCatalog catalog,
                                @Reference ClassAccess classAccess, @Reference Directory directory,
                                @Reference ToolAccess toolAccess) {
        this.accounts = accounts;
        this.catalog = catalog;
        this.classAccess = classAccess;
        this.directory = directory;
        this.toolAccess = toolAccess;
    }

    @Override
    public void filter(ContainerRequestContext request) {
        String method = request.getMethod().toUpperCase(Locale.ROOT);
        List<String> path = segments(request);
        if (isAnonymousAllowed(method, path)) {
            return;
        }
        Optional<Credentials> credentials = Credentials.of(request.getHeaderString(HttpHeaders.AUTHORIZATION),
                request.getCookies());
        Optional<Caller> caller = credentials
                .filter(c -> !c.token().isEmpty())
                .flatMap(c -> accounts.resolveToken(c.token()));
        if (caller.isEmpty()) {
            request.abortWith(unauthorized(credentials.isPresent()
                    ? "Your session is invalid or has expired: sign in again."
                    : "Sign in first: send 'Authorization: Bearer <token>'."));
            return;
        }
        Credentials used = credentials.get();
        if (used.cookie() && !SAFE_METHODS.contains(method)
                && !CSRF_VALUE.equals(request.getHeaderString(CSRF_HEADER))) {
            request.abortWith(Errors.response(403, "forbidden",
                    "Requests authenticated by cookie that change state must send the header '"
                            + CSRF_HEADER + ": " + CSRF_VALUE + "'."));
            return;
        }
        boolean secure = request.getSecurityContext() != null && request.getSecurityContext().isSecure();
        request.setSecurityContext(new CallerSecurityContext(caller.get(), secure, used.cookie() ? "Cookie" : "Bearer"));
        checkAppClassAccess(request, caller.get(), path);
        checkToolAccess(request, caller.get(), path);
    }

    /** {@code tools/{appId}/...}: only the holders of one of the tool's roles get to its resource. */
    private void checkToolAccess(ContainerRequestContext request, Caller caller, List<String> path) {
        if (path.size() < 2 || !"tools".equals(path.get(0))) {
            return;
        }
        try {
            toolAccess.check(caller, path.get(1));
        } catch (CartableException refused) {
            request.abortWith(Errors.response(refused));
        }
    }

    private void checkAppClassAccess(ContainerRequestContext request, Caller caller, List<String> path) {
        if (path.size() < 3 || !"classes".equals(path.get(0)) || CORE_CLASS_SEGMENT.equals(path.get(2))) {
            return;
        }
        String classId = path.get(1);
        String appId = path.get(2);
        try {
            if (catalog.find(appId).isPresent()) {
                classAccess.check(caller, classId, appId);
            } else if (!directory.relation(caller, classId).isMember()) {
                // A resource whose app descriptor is missing (not yet registered, or gone) still stays closed to
                // outsiders; for members JAX-RS serves it or answers 404.
                throw CartableException.notFound("No such class.");
            }
        } catch (CartableException refused) {
            request.abortWith(Errors.response(refused));
        }
    }

    static boolean isAnonymousAllowed(String method, List<String> path) {
        if (path.size() != 1) {
            return false;
        }
        String resource = path.get(0);
        // "export": the download of one's data with login and password, for accounts that cannot sign in any more.
        return (HttpMethod.POST.equals(method) && ("session".equals(resource) || "export".equals(resource)))
                || ((HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method)) && "health".equals(resource));
    }

    /** @return the decoded path segments below {@code /api}, without matrix parameters or empty segments */
    private static List<String> segments(ContainerRequestContext request) {
        List<String> result = new ArrayList<>();
        for (PathSegment segment : request.getUriInfo().getPathSegments(true)) {
            if (!segment.getPath().isEmpty()) {
                result.add(segment.getPath());
            }
        }
        return result;
    }

    private static Response unauthorized(String message) {
        return Response.fromResponse(Errors.response(401, "unauthorized", message))
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"cartable\"")
                .build();
    }

}
