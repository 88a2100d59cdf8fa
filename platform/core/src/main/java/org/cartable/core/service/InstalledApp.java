package org.cartable.core.service;

import org.cartable.api.CartableApp;

/**
 * An app whose descriptor service is registered right now.
 *
 * @param app     the descriptor
 * @param version version of the bundle that registered it
 */
public record InstalledApp(CartableApp app, String version) {

    public String id() {
        return app.id();
    }
}
