package org.cartable.fleet.internal;

import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.Constants;
import org.osgi.framework.connect.FrameworkUtilHelper;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/**
 * An embedded Felix for page tests. {@code Services.get(...)} finds services through the bundle of the class it looks
 * up; outside OSGi there is none, so this helper (registered in META-INF/services) answers the framework's system
 * bundle for every class, and tests register their services in its context.
 */
public final class EmbeddedFramework implements FrameworkUtilHelper {

    private static Framework framework;

    /** @return the context of the framework, started on first use and kept for the JVM (Services caches trackers) */
    static synchronized BundleContext context() {
        if (framework == null) {
            Framework created = ServiceLoader.load(FrameworkFactory.class).findFirst().orElseThrow()
                    .newFramework(Map.of(Constants.FRAMEWORK_STORAGE, "target/felix-cache",
                            Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT));
            try {
                created.start();
            } catch (BundleException e) {
                throw new IllegalStateException(e);
            }
            framework = created;
        }
        return framework.getBundleContext();
    }

    @Override
    public Optional<Bundle> getBundle(Class<?> classFromBundle) {
        synchronized (EmbeddedFramework.class) {
            return Optional.ofNullable(framework);
        }
    }
}
