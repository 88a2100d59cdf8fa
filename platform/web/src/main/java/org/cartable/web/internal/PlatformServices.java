package org.cartable.web.internal;

import java.util.Objects;

import org.cartable.api.AppActivation;
import org.cartable.api.Directory;
import org.cartable.core.service.Accounts;
import org.cartable.core.service.ActivationAdmin;
import org.cartable.core.service.AppCatalog;
import org.cartable.core.service.AuditTrail;
import org.cartable.core.service.ClientNetwork;
import org.cartable.core.service.NotificationFeed;
import org.cartable.core.service.PersonalDataRights;

/**
 * The platform services the shell's own pages use. Held by the application object, which is never serialised, so
 * pages reach them through {@link CartableWebApplication#services()} instead of keeping references.
 */
public record PlatformServices(Accounts accounts, Directory directory, AppCatalog catalog,
                               ActivationAdmin activationAdmin, AppActivation appActivation, NotificationFeed feed,
                               ClientNetwork network, AuditTrail auditTrail, PersonalDataRights personalData) {

    /**
     * Without proxy settings (the TCP peer is the client), audit log reading (its page refuses everyone) nor the
     * personal-data download (the "My data" page says it is unavailable).
     */
    public PlatformServices(Accounts accounts, Directory directory, AppCatalog catalog,
                            ActivationAdmin activationAdmin, AppActivation appActivation, NotificationFeed feed) {
        this(accounts, directory, catalog, activationAdmin, appActivation, feed, null, null, null);
    }

    /** Without the notification feed (its sections stay hidden). */
    public PlatformServices(Accounts accounts, Directory directory, AppCatalog catalog,
                            ActivationAdmin activationAdmin, AppActivation appActivation) {
        this(accounts, directory, catalog, activationAdmin, appActivation, null);
    }

    public PlatformServices {
        Objects.requireNonNull(accounts, "accounts");
        Objects.requireNonNull(directory, "directory");
        Objects.requireNonNull(catalog, "catalog");
        Objects.requireNonNull(activationAdmin, "activationAdmin");
        Objects.requireNonNull(appActivation, "appActivation");
    }
}
