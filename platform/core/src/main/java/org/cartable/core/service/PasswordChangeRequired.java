package org.cartable.core.service;

import org.cartable.api.CartableException;

/**
 * The login and first-login code are right, but the code only lets its owner choose a password: sign in again with
 * the code and a new password ({@link Accounts#authenticate(String, String, String, String)}).
 */
public final class PasswordChangeRequired extends CartableException {

    private static final long serialVersionUID = 1L;

    /** The stable error code REST clients see instead of "forbidden". */
    public static final String CODE = "password_change_required";

    public PasswordChangeRequired() {
        super(Kind.FORBIDDEN, "This is a first-login code: choose your own password to finish signing in"
                + " (send it as 'newPassword' with the code).");
    }
}
