package org.cartable.rest.internal.security;

import java.security.Principal;

import javax.ws.rs.core.SecurityContext;

import org.cartable.api.Caller;
import org.cartable.api.Role;
import org.cartable.api.rest.CallerPrincipal;

/** The signed-in caller as JAX-RS sees it; {@link org.cartable.api.rest.RestApi#caller} reads it back. */
record CallerSecurityContext(Caller caller, boolean secure, String scheme) implements SecurityContext {

    @Override
    public Principal getUserPrincipal() {
        return new CallerPrincipal(caller);
    }

    @Override
    public boolean isUserInRole(String role) {
        for (Role held : caller.roles()) {
            if (held.name().equals(role)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean isSecure() {
        return secure;
    }

    @Override
    public String getAuthenticationScheme() {
        return scheme;
    }
}
