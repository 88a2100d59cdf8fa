package org.cartable.core.service;

import org.cartable.api.CartableApp;

/**
 * An app whose descriptor service is registered right now.
 *
 * @param app     the descriptor
 * @param version version of the bundle that registered it
 * @param status  whether the rest of the app's bundle is up
 * @param problem why the app is not {@link AppStatus#ACTIVE} (one line, for operators), null when it is
 */
public record InstalledApp(CartableApp app, String version, AppStatus status, String problem) {

    /** An app known to be up. */
    public InstalledApp(CartableApp app, String version) {
        this(app, version, AppStatus.ACTIVE, null);
    }

    public String id() {
        return app.id();
    }

    /** @return the same app with the given health */
    public InstalledApp with(AppStatus newStatus, String newProblem) {
        return new InstalledApp(app, version, newStatus, newProblem);
    }
}
