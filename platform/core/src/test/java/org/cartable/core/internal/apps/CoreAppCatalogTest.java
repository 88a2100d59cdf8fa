package org.cartable.core.internal.apps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.cartable.api.AppScope;
import org.cartable.core.service.InstalledApp;
import org.junit.jupiter.api.Test;

class CoreAppCatalogTest {

    @Test
    void followsRegistrationsSortedById() {
        CoreAppCatalog catalog = new CoreAppCatalog();
        Object blogRegistration = new Object();
        catalog.add(new Object(), new TestApp("wiki", AppScope.CLASS), "1.2.0");
        catalog.add(blogRegistration, new TestApp("blog", AppScope.CLASS), "0.3.1.SNAPSHOT");
        assertEquals(List.of("blog", "wiki"), catalog.installed().stream().map(InstalledApp::id).toList());
        assertEquals("0.3.1.SNAPSHOT", catalog.find("blog").orElseThrow().version());

        catalog.remove(blogRegistration);
        assertTrue(catalog.find("blog").isEmpty());
        assertEquals(List.of("wiki"), catalog.installed().stream().map(InstalledApp::id).toList());
        assertTrue(catalog.find(null).isEmpty());
    }

    @Test
    void anUpdateInFlightKeepsTheAppListedOnce() {
        CoreAppCatalog catalog = new CoreAppCatalog();
        Object oldRegistration = new Object();
        catalog.add(oldRegistration, new TestApp("blog", AppScope.CLASS), "1.0.0");
        catalog.add(new Object(), new TestApp("blog", AppScope.CLASS), "1.1.0");
        catalog.remove(oldRegistration);
        assertEquals(1, catalog.installed().size());
        assertEquals("1.1.0", catalog.find("blog").orElseThrow().version());
    }
}
