package org.cartable.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;

import org.junit.jupiter.api.Test;

/** Class names resolve through the bundles that contribute pages, and stop resolving when they leave. */
class ContributionClassResolverTest {

    /* Stands for the shell bundle's loader: it cannot see the contributing bundle's classes. */
    private final ClassLoader shellLoader = new URLClassLoader(new URL[0], null);
    /* Stands for the contributing bundle's loader. */
    private final ClassLoader appLoader = ContributionClassResolverTest.class.getClassLoader();
    private final ContributionClassResolver resolver = new ContributionClassResolver(shellLoader);

    @Test
    void resolvesThroughContributorsWhileTheyContribute() throws Exception {
        String name = SamplePage.class.getName();
        assertThrows(ClassNotFoundException.class, () -> resolver.resolveClass(name));

        resolver.register(appLoader);
        resolver.register(appLoader);
        assertEquals(SamplePage.class, resolver.resolveClass(name));
        assertTrue(resolver.getResources(name.replace('.', '/') + ".class").hasNext());

        // Two pages from the same bundle: the loader stays until the last one leaves.
        resolver.unregister(appLoader);
        assertTrue(resolver.isContributing(appLoader));
        assertEquals(SamplePage.class, resolver.resolveClass(name));
        resolver.unregister(appLoader);
        assertFalse(resolver.isContributing(appLoader));
        assertThrows(ClassNotFoundException.class, () -> resolver.resolveClass(name));
    }

    @Test
    void shellClassesAlwaysResolve() throws Exception {
        assertEquals(String.class, resolver.resolveClass("java.lang.String"));
        assertEquals(shellLoader, resolver.getClassLoader());
    }
}
