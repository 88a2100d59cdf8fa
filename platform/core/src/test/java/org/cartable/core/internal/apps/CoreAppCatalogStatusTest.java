package org.cartable.core.internal.apps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.cartable.api.AppScope;
import org.cartable.api.CartableApp;
import org.cartable.core.service.AppStatus;
import org.cartable.core.service.InstalledApp;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.Version;
import org.osgi.service.component.runtime.ServiceComponentRuntime;
import org.osgi.service.component.runtime.dto.ComponentConfigurationDTO;
import org.osgi.service.component.runtime.dto.ComponentDescriptionDTO;
import org.osgi.util.promise.Promise;

/** The catalogue's statuses come from what Declarative Services says about each app's own bundle. */
class CoreAppCatalogStatusTest {

    @Test
    void aFailedComponentMarksOnlyItsOwnAppFailed() {
        Bundle blog = bundle(1, "1.0.0");
        Bundle broken = bundle(2, "0.1.0");
        FakeRuntime runtime = new FakeRuntime();
        runtime.put(blog, "org.cartable.blog.internal.BlogService", ComponentConfigurationDTO.ACTIVE, null);
        runtime.put(broken, "org.example.BrokenService", ComponentConfigurationDTO.FAILED_ACTIVATION,
                AppHealthTest.stackTrace(new IllegalStateException("Schema migration db/broken/changelog.xml failed")));

        CoreAppCatalog catalog = new CoreAppCatalog();
        catalog.bindComponents(runtime);
        catalog.addApp(new TestApp("blog", AppScope.CLASS), reference(blog));
        catalog.addApp(new TestApp("broken", AppScope.OPERATOR), reference(broken));

        List<InstalledApp> apps = catalog.withStatus();
        assertEquals(List.of("blog", "broken"), apps.stream().map(InstalledApp::id).toList());
        assertEquals(AppStatus.ACTIVE, apps.get(0).status());
        assertNull(apps.get(0).problem());
        assertEquals(AppStatus.FAILED, apps.get(1).status());
        assertEquals("0.1.0", apps.get(1).version());
        assertTrue(apps.get(1).problem().startsWith("BrokenService: IllegalStateException: Schema migration"),
                apps.get(1)::problem);
        // installed() and find() stay cheap: no status computed there
        assertEquals(AppStatus.ACTIVE, catalog.find("broken").orElseThrow().status());

        // fixed (e.g. bundle:update): active again
        runtime.put(broken, "org.example.BrokenService", ComponentConfigurationDTO.ACTIVE, null);
        assertEquals(AppStatus.ACTIVE, catalog.withStatus().get(1).status());
    }

    @Test
    void withoutDeclarativeServicesEveryAppIsShownActive() {
        CoreAppCatalog catalog = new CoreAppCatalog();
        catalog.addApp(new TestApp("blog", AppScope.CLASS), reference(bundle(1, "1.0.0")));
        assertEquals(AppStatus.ACTIVE, catalog.withStatus().get(0).status());
    }

    private static Bundle bundle(long id, String version) {
        return (Bundle) Proxy.newProxyInstance(Bundle.class.getClassLoader(), new Class<?>[] {Bundle.class},
                (proxy, method, args) -> switch (method.getName()) {
                    case "getBundleId" -> id;
                    case "getVersion" -> Version.parseVersion(version);
                    case "hashCode" -> Long.hashCode(id);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "bundle " + id;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    @SuppressWarnings("unchecked")
    private static ServiceReference<CartableApp> reference(Bundle bundle) {
        return (ServiceReference<CartableApp>) Proxy.newProxyInstance(ServiceReference.class.getClassLoader(),
                new Class<?>[] {ServiceReference.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getBundle" -> bundle;
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "reference of " + bundle;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }

    /** One component per bundle, whose single configuration is in the given state. */
    private static final class FakeRuntime implements ServiceComponentRuntime {
        private final Map<Bundle, ComponentDescriptionDTO> components = new ConcurrentHashMap<>();
        private final Map<String, ComponentConfigurationDTO> configurations = new ConcurrentHashMap<>();

        void put(Bundle bundle, String name, int state, String failure) {
            components.put(bundle, AppHealthTest.component(name));
            configurations.put(name, AppHealthTest.configuration(state, failure));
        }

        @Override
        public Collection<ComponentDescriptionDTO> getComponentDescriptionDTOs(Bundle... bundles) {
            return List.of(components.get(bundles[0]));
        }

        @Override
        public ComponentDescriptionDTO getComponentDescriptionDTO(Bundle bundle, String name) {
            return components.get(bundle);
        }

        @Override
        public Collection<ComponentConfigurationDTO> getComponentConfigurationDTOs(ComponentDescriptionDTO description) {
            return List.of(configurations.get(description.name));
        }

        @Override
        public boolean isComponentEnabled(ComponentDescriptionDTO description) {
            return true;
        }

        @Override
        public Promise<Void> enableComponent(ComponentDescriptionDTO description) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Promise<Void> disableComponent(ComponentDescriptionDTO description) {
            throw new UnsupportedOperationException();
        }
    }
}
