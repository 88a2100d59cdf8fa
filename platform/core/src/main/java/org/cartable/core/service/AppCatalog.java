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
}
