package org.cartable.api.web;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Service lookup for Wicket components, which are serialised with the page and so cannot hold service references.
 * Look the service up when needed, never keep it in a field.
 */
public final class Services {

    /*
     * One tracker per service type, opened in the bundle that owns the type. ClassValue ties the tracker's lifetime to
     * the class: when an app bundle is uninstalled its classes, and so their trackers, can be collected.
     */
    private static final ClassValue<ServiceTracker<?, ?>> TRACKERS = new ClassValue<>() {
        @Override
        protected ServiceTracker<?, ?> computeValue(Class<?> type) {
            Bundle owner = FrameworkUtil.getBundle(type);
            if (owner == null || owner.getBundleContext() == null) {
                owner = FrameworkUtil.getBundle(Services.class);
            }
            BundleContext context = owner.getBundleContext();
            ServiceTracker<?, ?> tracker = new ServiceTracker<>(context, type.getName(), null);
            tracker.open();
            return tracker;
        }
    };

    private Services() {
    }

    /**
     * @return the highest ranked service of the type
     * @throws IllegalStateException if no such service is registered right now (e.g. its app is being updated)
     */
    public static <T> T get(Class<T> type) {
        Object service = TRACKERS.get(type).getService();
        if (service == null) {
            throw new IllegalStateException("Service not available: " + type.getName());
        }
        return type.cast(service);
    }
}
