package org.cartable.api;

import java.util.Set;

import org.osgi.annotation.versioning.ProviderType;

/** Which class-scoped apps are enabled for which class. */
@ProviderType
public interface AppActivation {

    /** @return whether the app is enabled for the class */
    boolean isEnabled(String classId, String appId);

    /** @return ids of the apps enabled for the class (installed or not) */
    Set<String> enabledApps(String classId);
}
