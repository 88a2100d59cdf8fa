package org.cartable.api.rest;

import java.security.Principal;

import org.cartable.api.Caller;

/** The principal the platform's authentication filter puts in the request's {@code SecurityContext}. */
public record CallerPrincipal(Caller caller) implements Principal {

    @Override
    public String getName() {
        return caller.login();
    }
}
