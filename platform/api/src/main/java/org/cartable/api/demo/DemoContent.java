package org.cartable.api.demo;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Seeds an app's demonstration content. Only called when the demo data set is enabled
 * ({@code etc/org.cartable.demo.cfg}), once the demo directory exists, and at most once per app for a database (the
 * platform records it), so a restart or an upgrade never seeds twice.
 */
@ConsumerType
public interface DemoContent {

    /** @return the app whose content this is ({@code CartableApp#id()}) */
    String appId();

    /** Writes the content through the app's own services; a failure is logged and retried at next start. */
    void seed(DemoDirectory directory);
}
