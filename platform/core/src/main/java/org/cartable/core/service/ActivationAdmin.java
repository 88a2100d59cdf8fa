package org.cartable.core.service;

import java.util.List;
import java.util.Map;

import org.cartable.api.Caller;
import org.osgi.annotation.versioning.ProviderType;

/** Turning class-scoped apps on and off for a class. */
@ProviderType
public interface ActivationAdmin {

    /**
     * Enables an installed class-scoped app for the class. Enabling it twice is harmless.
     *
     * @throws org.cartable.api.CartableException NOT_FOUND (unknown class, or caller unrelated to it; unknown or
     *                                            not installed app), FORBIDDEN (caller neither teaches the class nor
     *                                            directs its school), BAD_REQUEST (app is not class-scoped)
     */
    void enable(Caller caller, String classId, String appId);

    /** Disables the app for the class; its data is kept. Same refusals as {@link #enable}. */
    void disable(Caller caller, String classId, String appId);

    /**
     * @return the installed apps enabled for the class whose {@code roles()} include one of the caller's roles in
     *         the class (teacher, director, pupil, parent of a pupil): the tiles the caller can open
     * @throws org.cartable.api.CartableException NOT_FOUND if the caller is not a member of the class
     */
    List<InstalledApp> enabledApps(Caller caller, String classId);

    /** @return app id → number of current-year classes where it is enabled (a stored decision or the defaults) */
    Map<String, Integer> classesPerEnabledApp();
}
