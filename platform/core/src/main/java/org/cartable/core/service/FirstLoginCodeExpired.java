package org.cartable.core.service;

import org.cartable.api.CartableException;

/** The login and first-login code are right but the code expired: the school must print a new sheet. */
public final class FirstLoginCodeExpired extends CartableException {

    private static final long serialVersionUID = 1L;

    public FirstLoginCodeExpired() {
        super(Kind.UNAUTHORIZED, "This first-login code has expired. Please ask your school for a new connection"
                + " sheet.");
    }
}
