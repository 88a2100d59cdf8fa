package org.cartable.core.service;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** The apps installed right now, tracked from their {@link org.cartable.api.CartableApp} services. */
@ProviderType
public interface AppCatalog {

    /** @return installed apps, sorted by id */
    List<InstalledApp> installed();

    Optional<InstalledApp> find(String appId);

    /**
     * @return installed apps, sorted by id, each with its current {@link AppStatus} and the reason when it is not
     *         active (for operators: computed on each call, unlike {@link #installed()})
     */
    default List<InstalledApp> withStatus() {
        return installed();
    }
}
