package org.cartable.api;

import org.osgi.annotation.versioning.ProviderType;

/** Who may use a school- or operator-scoped app ("tool"): the holders of one of the app's roles. */
@ProviderType
public interface ToolAccess {

    /**
     * @throws CartableException NOT_FOUND when the app is not installed, FORBIDDEN when the caller holds none of its
     *                           roles
     */
    void check(Caller caller, String appId);
}
