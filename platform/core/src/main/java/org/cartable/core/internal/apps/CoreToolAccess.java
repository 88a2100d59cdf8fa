package org.cartable.core.internal.apps;

import java.util.Collections;

import org.cartable.api.AppScope;
import org.cartable.api.Caller;
import org.cartable.api.CartableApp;
import org.cartable.api.CartableException;
import org.cartable.api.ToolAccess;
import org.cartable.core.service.AppCatalog;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** A tool is open to the holders of one of its roles; which schools they see is the tool's own business. */
@Component(service = ToolAccess.class)
public final class CoreToolAccess implements ToolAccess {

    private final AppCatalog catalog;

    @Activate
    public CoreToolAccess(@Reference AppCatalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public void check(Caller caller, String appId) {
        if (caller == null) {
            throw CartableException.unauthorized("Sign in first.");
        }
        CartableApp app = catalog.find(appId).map(installed -> installed.app())
                .filter(found -> found.scope() != AppScope.CLASS)
                .orElseThrow(() -> CartableException.notFound("App not found."));
        if (Collections.disjoint(app.roles(), caller.roles())) {
            throw CartableException.forbidden("This tool is not open to your role.");
        }
    }
}
