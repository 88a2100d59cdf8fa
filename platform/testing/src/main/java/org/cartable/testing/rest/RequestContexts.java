package org.cartable.testing.rest;

import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.Map;
import java.util.function.Supplier;

import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriBuilder;
import javax.ws.rs.core.UriInfo;

import org.cartable.api.Caller;
import org.cartable.api.rest.CallerPrincipal;

/**
 * Stand-ins for the JAX-RS request context that resource methods are given, for calling resources directly in unit
 * tests. They answer only what a resource asks of them; anything else throws, so that a resource relying on more of
 * the context than a test models says so loudly.
 */
public final class RequestContexts {

    private RequestContexts() {
    }

    /** @return the security context of a request by the caller, or of an anonymous one if the caller is null */
    public static SecurityContext as(Caller caller) {
        return stub(SecurityContext.class, Map.of("getUserPrincipal",
                () -> caller == null ? null : new CallerPrincipal(caller)));
    }

    /** @return the URI information of a request to this absolute path */
    public static UriInfo uri(String absolutePath) {
        return stub(UriInfo.class, Map.of("getAbsolutePathBuilder", () -> UriBuilder.fromUri(absolutePath)));
    }

    /** @return the URI information of a request to this absolute path, under this base URI of the application */
    public static UriInfo uri(String base, String absolutePath) {
        return stub(UriInfo.class, Map.of("getAbsolutePathBuilder", () -> UriBuilder.fromUri(URI.create(absolutePath)),
                "getBaseUriBuilder", () -> UriBuilder.fromUri(URI.create(base))));
    }

    /** @return an object of the interface that answers these methods (by name) and throws for every other */
    public static <T> T stub(Class<T> type, Map<String, Supplier<?>> answers) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, called, args) -> {
            Supplier<?> answer = answers.get(called.getName());
            if (answer == null) {
                throw new UnsupportedOperationException(type.getSimpleName() + "." + called.getName()
                        + " is not modelled by this test's stand-in");
            }
            return answer.get();
        }));
    }
}
