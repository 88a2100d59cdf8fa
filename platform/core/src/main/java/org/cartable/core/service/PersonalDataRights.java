package org.cartable.core.service;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;

import org.osgi.annotation.versioning.ProviderType;

/**
 * A person's rights over their data: the download of everything the platform and its apps hold about them, and the
 * purge of accounts that left the directory. Callers (REST, web, the scheduled purge) decide who may do what.
 */
@ProviderType
public interface PersonalDataRights {

    /**
     * Writes the person's data as a ZIP: {@code platform/*.json} (profile, classes, family, notification preferences,
     * feed) and one folder per app that holds something about them ({@code <appId>/*.json}, {@code <appId>/files/}).
     * An app whose export fails gets {@code <appId>/export-failed.txt} instead; the others are still written.
     *
     * @throws org.cartable.api.CartableException NOT_FOUND if the account does not exist
     */
    void export(String personId, OutputStream zip) throws IOException;

    /**
     * Purges one pre-deleted account now: every app erases it ({@link org.cartable.api.privacy.PersonalData#erase}),
     * then the platform removes the account and its platform data. Without waiting for the delay: for an operator
     * acting on a family's request.
     *
     * @return true if purged; false if an app failed (logged): the account stays pre-deleted and the next run of the
     *         scheduled purge tries again
     * @throws org.cartable.api.CartableException NOT_FOUND if no such account, CONFLICT if it is not pre-deleted
     */
    boolean purge(String personId);

    /** @return the number of accounts purged among those pre-deleted before the limit (see {@link #purge}) */
    int purgePreDeletedBefore(Instant limit);
}
