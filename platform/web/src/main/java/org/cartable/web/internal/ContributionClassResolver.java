package org.cartable.web.internal;

import java.io.IOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.wicket.application.IClassResolver;

/**
 * Resolves class names for Wicket (bookmarkable class-name URLs, page deserialisation) against the shell's own class
 * loader and then the class loaders of the bundles that contribute pages right now. Wicket's default resolver uses
 * the thread context class loader, which in OSGi knows neither. A bundle that leaves is forgotten here, so its
 * classes stop resolving and its loader can be collected.
 */
final class ContributionClassResolver implements IClassResolver {

    private final ClassLoader shellLoader;
    /* Loader -> number of active contributions from it; identity because loaders do not define equality. */
    private final Map<ClassLoader, Integer> contributors = new IdentityHashMap<>();

    ContributionClassResolver(ClassLoader shellLoader) {
        this.shellLoader = shellLoader;
    }

    synchronized void register(ClassLoader loader) {
        if (loader != null && loader != shellLoader) {
            contributors.merge(loader, 1, Integer::sum);
        }
    }

    synchronized void unregister(ClassLoader loader) {
        if (loader != null && loader != shellLoader) {
            contributors.computeIfPresent(loader, (l, count) -> count > 1 ? count - 1 : null);
        }
    }

    synchronized boolean isContributing(ClassLoader loader) {
        return contributors.containsKey(loader);
    }

    private synchronized List<ClassLoader> loaders() {
        List<ClassLoader> all = new ArrayList<>();
        all.add(shellLoader);
        all.addAll(contributors.keySet());
        return all;
    }

    @Override
    public Class<?> resolveClass(String className) throws ClassNotFoundException {
        for (ClassLoader loader : loaders()) {
            try {
                return Class.forName(className, false, loader);
            } catch (ClassNotFoundException | LinkageError notThere) {
                // try the next contributor
            }
        }
        throw new ClassNotFoundException(className);
    }

    @Override
    public Iterator<URL> getResources(String name) {
        Set<URL> urls = new LinkedHashSet<>();
        for (ClassLoader loader : loaders()) {
            try {
                Enumeration<URL> found = loader.getResources(name);
                urls.addAll(Collections.list(found));
            } catch (IOException unreadable) {
                // a bundle being uninstalled; the others still count
            }
        }
        return urls.iterator();
    }

    @Override
    public ClassLoader getClassLoader() {
        return shellLoader;
    }
}
