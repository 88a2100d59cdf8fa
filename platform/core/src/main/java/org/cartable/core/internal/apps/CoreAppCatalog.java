package org.cartable.core.internal.apps;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.cartable.api.CartableApp;
import org.cartable.core.service.AppCatalog;
import org.cartable.core.service.AppStatus;
import org.cartable.core.service.InstalledApp;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The catalogue follows the {@link CartableApp} services: an app is installed exactly while its service is up. Its
 * status ({@link #withStatus()}) comes from Declarative Services: the other components of the app's bundle may have
 * failed while the descriptor is up.
 */
@Component(service = AppCatalog.class)
public final class CoreAppCatalog implements AppCatalog {

    private static final Logger LOG = LoggerFactory.getLogger(CoreAppCatalog.class);

    /** Keyed by registration, so that an app updated in place (unregistered, registered again) is never lost. */
    private final Map<Object, Entry> registrations = new ConcurrentHashMap<>();
    /** The last status logged per app, so that a failure is logged once when it is first seen, not on each call. */
    private final Map<String, AppStatus> logged = new ConcurrentHashMap<>();
    /** Optional: without it (unit tests) every app is shown as active. */
    private volatile ServiceComponentRuntime components;

    private record Entry(InstalledApp app, Bundle bundle) {
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addApp(CartableApp app, ServiceReference<CartableApp> reference) {
        Bundle bundle = reference.getBundle();
        add(reference, app, bundle == null ? "0.0.0" : bundle.getVersion().toString(), bundle);
    }

    void removeApp(ServiceReference<CartableApp> reference) {
        remove(reference);
    }

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    void bindComponents(ServiceComponentRuntime runtime) {
        this.components = runtime;
    }

    void unbindComponents(ServiceComponentRuntime runtime) {
        if (this.components == runtime) {
            this.components = null;
        }
    }

    /** Registers an app under a key standing for its service registration. */
    public void add(Object registration, CartableApp app, String version) {
        add(registration, app, version, null);
    }

    private void add(Object registration, CartableApp app, String version, Bundle bundle) {
        registrations.put(registration, new Entry(new InstalledApp(app, version), bundle));
        LOG.info("App '{}' {} installed", app.id(), version);
    }

    public void remove(Object registration) {
        Entry removed = registrations.remove(registration);
        if (removed != null) {
            LOG.info("App '{}' {} removed", removed.app().id(), removed.app().version());
            logged.remove(removed.app().id());
        }
    }

    @Override
    public List<InstalledApp> installed() {
        return sorted(registrations.values().stream().map(Entry::app).toList());
    }

    @Override
    public List<InstalledApp> withStatus() {
        ServiceComponentRuntime runtime = components;
        return sorted(registrations.values().stream().map(entry -> status(entry, runtime)).toList());
    }

    private InstalledApp status(Entry entry, ServiceComponentRuntime runtime) {
        if (runtime == null || entry.bundle() == null) {
            return entry.app();
        }
        try {
            List<ComponentDescriptionDTO> declared = List.copyOf(runtime.getComponentDescriptionDTOs(entry.bundle()));
            AppHealth.Verdict verdict = AppHealth.of(declared, runtime::getComponentConfigurationDTOs);
            AppStatus before = logged.put(entry.app().id(), verdict.status());
            if (verdict.status() != AppStatus.ACTIVE && verdict.status() != before) {
                LOG.warn("App '{}' {} is {}: {}", entry.app().id(), entry.app().version(), verdict.status(),
                        verdict.problem());
            }
            return entry.app().with(verdict.status(), verdict.problem());
        } catch (IllegalStateException | IllegalArgumentException e) {
            return entry.app(); // the bundle went away meanwhile: its registration goes too
        }
    }

    /** Two registrations with the same id (an update in flight): the catalogue shows one of them. */
    private static List<InstalledApp> sorted(List<InstalledApp> apps) {
        return apps.stream()
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
        return registrations.values().stream().map(Entry::app).filter(a -> appId.equals(a.id())).findFirst();
    }
}
