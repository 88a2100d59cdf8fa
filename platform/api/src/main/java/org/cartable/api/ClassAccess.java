package org.cartable.api;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The one check every class-scoped app runs before serving anything: does the class exist, is the caller related
 * to it, and is the app enabled there.
 */
@ProviderType
public interface ClassAccess {

    /**
     * @return the caller's relation to the class, which is a member
     * @throws CartableException NOT_FOUND if the class does not exist or the caller is unrelated to it (so that
     *                           outsiders cannot probe class ids) or the app is not installed; FORBIDDEN if none of
     *                           the caller's roles in the class (teacher, director, pupil, parent of a pupil) is
     *                           among the app's {@link CartableApp#roles()}, or if the app is not enabled for the
     *                           class
     */
    ClassRelation check(Caller caller, String classId, String appId);
}
