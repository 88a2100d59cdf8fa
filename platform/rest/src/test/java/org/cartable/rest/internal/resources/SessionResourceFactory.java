package org.cartable.rest.internal.resources;

import java.time.Duration;

import org.cartable.api.Directory;
import org.cartable.core.service.Accounts;

/** Opens the package-private constructor to tests in other packages. */
public final class SessionResourceFactory {

    private SessionResourceFactory() {
    }

    public static SessionResource create(Accounts accounts, Directory directory, Duration tokenLifetime) {
        return new SessionResource(accounts, directory, tokenLifetime);
    }
}
