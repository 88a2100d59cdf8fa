package org.cartable.core.internal.apps;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.cartable.api.CartableApp;
import org.cartable.core.service.AppCatalog;
import org.cartable.core.service.InstalledApp;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The catalogue follows the {@link CartableApp} services: an app is installed exactly while its service is up. */
@Component(service = AppCatalog.class)
public final class CoreAppCatalog implements AppCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(CoreAppCatalog.class);

    /** Keyed by registration, so that an app updated in place (unregistered, registered again) is never lost. */
    private final Map<Object, InstalledApp> registrations = new ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addApp(CartableApp app, ServiceReference<CartableApp> reference) {
        Bundle bundle = reference.getBundle();
        add(reference, app, bundle == null ? "0.0.0" : bundle.getVersion().toString());
    }

    void removeApp(ServiceReference<CartableApp> reference) {
        remove(reference);
    }

    /** Registers an app under a key standing for its service registration. */
    public void add(Object registration, CartableApp app, String version) {
        registrations.put(registration, new InstalledApp(app, version));
        LOG.info("App '{}' {} installed", app.id(), version);
    }

    public void remove(Object registration) {
        InstalledApp removed = registrations.remove(registration);
        if (removed != null) {
            LOG.info("App '{}' {} removed", removed.id(), removed.version());
        }
    }

    @Override
    public List<InstalledApp> installed() {
        // Two registrations with the same id (an update in flight): the catalogue shows one of them.
        return registrations.values().stream()
                .collect(Collectors.toMap(InstalledApp::id, a -> a, (a, b) -> a))
                .values().stream()
                .sorted(Comparator.comparing(InstalledApp::id))
                .toList();
    }

    @Override
    public Optional<InstalledApp> find(String appId) {
        if (appId == null) {
            return Optional.empty();
        }
        return registrations.values().stream().filter(a -> appId.equals(a.id())).findFirst();
    }
}
