package org.cartable.api.rest;

import java.security.Principal;

import javax.ws.rs.core.SecurityContext;

import org.cartable.api.Caller;
import org.cartable.api.CartableException;

/** Constants and helpers for app REST resources. */
public final class RestApi {

    /** Name of the platform's JAX-RS application, served under {@code /api}. */
    public static final String APPLICATION_NAME = "cartable";

    /** Value for {@code @JaxrsApplicationSelect} on every app resource. */
    public static final String APPLICATION_SELECT = "(osgi.jaxrs.name=" + APPLICATION_NAME + ")";

    private RestApi() {
    }

    /**
     * @param security the request's security context ({@code @Context SecurityContext})
     * @return the authenticated caller
     * @throws CartableException UNAUTHORIZED if the request carries no valid session
     */
    public static Caller caller(SecurityContext security) {
        Principal principal = security == null ? null : security.getUserPrincipal();
        if (principal instanceof CallerPrincipal callerPrincipal) {
            return callerPrincipal.caller();
        }
        throw CartableException.unauthorized("Sign in first: send 'Authorization: Bearer <token>'.");
    }

    /**
     * Reads a whole number from a path or query parameter taken as a string: read here rather than by JAX-RS, "abc" is
     * a JSON 400 with a message naming the parameter instead of CXF's 404.
     *
     * @param text    the parameter's text (surrounding spaces are ignored)
     * @param message the 400's message, saying what is expected
     * @throws CartableException BAD_REQUEST with {@code message} unless the text is a whole number
     */
    public static int wholeNumber(String text, String message) {
        try {
            return Integer.parseInt(text == null ? "" : text.strip());
        } catch (NumberFormatException e) {
            throw CartableException.badRequest(message);
        }
    }
}
