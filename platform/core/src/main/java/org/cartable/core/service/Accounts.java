package org.cartable.core.service;

import java.util.Optional;

import org.cartable.api.Caller;
import org.osgi.annotation.versioning.ProviderType;

/** Sign-in, bearer tokens and sign-out. */
@ProviderType
public interface Accounts {

    /**
     * Checks a login and password against the slow salted hash.
     *
     * @param clientAddress the remote address, for throttling per address as well as per login
     * @return the signed-in caller
     * @throws org.cartable.api.CartableException UNAUTHORIZED with the same message whether the login is unknown or the
     *                                            password wrong; TOO_MANY_REQUESTS after repeated failures
     */
    default Caller authenticate(String login, String password, String clientAddress) {
        return authenticate(login, password, null, clientAddress);
    }

    /**
     * Signs in, and on the first sign-in of an imported account replaces its first-login code by a password of the
     * person's choice. A first-login code (printed on the connection sheets) works only with a new password, once,
     * and until it expires; throttling counts wrong codes like wrong passwords.
     *
     * @param newPassword the password to set when {@code password} is a first-login code; ignored otherwise
     *                    (null: none)
     * @throws PasswordChangeRequired the code is right but no new password is given
     * @throws org.cartable.api.CartableException UNAUTHORIZED (also for an expired code), TOO_MANY_REQUESTS,
     *                                            BAD_REQUEST (new password too short or the code itself)
     */
    Caller authenticate(String login, String password, String newPassword, String clientAddress);

    /**
     * Checks credentials like {@link #authenticate}, for the download of one's personal data only: accounts that left
     * the directory (pre-deleted, blocked for everything else) pass too, until they are purged. Issue no token for
     * the result: it opens nothing but the export.
     */
    Caller authenticateForExport(String login, String password, String clientAddress);

    /**
     * @return a new random bearer token for the caller, valid until its absolute end, until it stays unused for the
     *         configured idle time, or until it is revoked
     */
    IssuedToken issueToken(Caller caller);

    /** @return the caller owning a valid, unexpired token */
    Optional<Caller> resolveToken(String token);

    /** Revokes the token; unknown tokens are ignored. */
    void revokeToken(String token);

    /** Revokes the token and records the sign-out in the audit log; unknown tokens are ignored. */
    void revokeToken(String token, String clientAddress);

    /** Records in the audit log that a web session was signed out (the web shell holds no token). */
    void recordSignOut(Caller caller, String clientAddress);

    /**
     * @return the current state of an account (roles may have changed since sign-in), if it still exists and is active;
     *         kept a few seconds, but a block, a removal or a directory write (assignment, link) is seen at once
     */
    Optional<Caller> caller(String userId);
}
