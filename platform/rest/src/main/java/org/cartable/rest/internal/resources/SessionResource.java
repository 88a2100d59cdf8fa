package org.cartable.rest.internal.resources;

import java.time.Duration;
import java.time.Instant;

import javax.servlet.http.HttpServletRequest;
import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;

import org.cartable.api.Caller;
import org.cartable.api.CartableException;
import org.cartable.api.Directory;
import org.cartable.api.rest.RestApi;
import org.cartable.core.service.Accounts;
import org.cartable.core.service.ClientNetwork;
import org.cartable.core.service.IssuedToken;
import org.cartable.core.service.PasswordChangeRequired;
import org.cartable.rest.internal.errors.Errors;
import org.cartable.rest.internal.security.Credentials;
import org.cartable.rest.internal.security.SessionCookie;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsResource;

/** Sign-in and sign-out. */
@Component(service = SessionResource.class)
@JaxrsResource
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@Path("session")
@Produces(MediaType.APPLICATION_JSON)
public final class SessionResource {

    private static final int MAX_CREDENTIAL_LENGTH = 256;

    private final Accounts accounts;
    private final Directory directory;
    private final ClientNetwork network;

    @Activate
    public SessionResource(@Reference Accounts accounts, @Reference Directory directory,
                           @Reference ClientNetwork network) {
        this.accounts = accounts;
        this.directory = directory;
        this.network = network;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response signIn(Views.SessionRequest body, @Context HttpServletRequest http) {
        if (body == null) {
            throw CartableException.badRequest("Send {\"login\": ..., \"password\": ...} (and \"newPassword\" to"
                    + " replace a first-login code).");
        }
        String login = required("login", body.login());
        String password = required("password", body.password());
        String newPassword = body.newPassword() == null || body.newPassword().isEmpty() ? null
                : required("newPassword", body.newPassword());
        Caller caller;
        try {
            caller = accounts.authenticate(login, password, newPassword, clientAddress(http));
        } catch (PasswordChangeRequired firstSignIn) {
            // A code of its own, so that a client can tell "ask for a new password" from a plain refusal.
            return Errors.response(403, PasswordChangeRequired.CODE, firstSignIn.getMessage());
        }
        // Always a new random token: nothing the client held before sign-in becomes a session.
        IssuedToken issued = accounts.issueToken(caller);
        Views.SessionView view = new Views.SessionView(issued.token(), issued.expiresAt(),
                Views.MeView.of(caller, directory));
        Duration lifetime = Duration.between(Instant.now(), issued.expiresAt());
        return Response.ok(view)
                .header(HttpHeaders.SET_COOKIE, SessionCookie.issue(issued.token(), lifetime, secure(http)))
                .build();
    }

    @DELETE
    public Response signOut(@Context SecurityContext security, @Context HttpHeaders headers,
                            @Context HttpServletRequest http) {
        RestApi.caller(security);
        // The filter authenticated the caller with exactly this token: the same rules pick it again.
        Credentials.of(headers.getHeaderString(HttpHeaders.AUTHORIZATION), headers.getCookies())
                .filter(credentials -> !credentials.token().isEmpty())
                .ifPresent(credentials -> accounts.revokeToken(credentials.token(), clientAddress(http)));
        return Response.noContent()
                .header(HttpHeaders.SET_COOKIE, SessionCookie.clear(secure(http)))
                .build();
    }

    private String clientAddress(HttpServletRequest http) {
        return network.clientAddress(http.getRemoteAddr(), http.getHeader("X-Forwarded-For"));
    }

    private boolean secure(HttpServletRequest http) {
        return network.isSecure(http.isSecure(), http.getRemoteAddr(), http.getHeader("X-Forwarded-Proto"));
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
