package org.cartable.core.service;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Writes schools' teaching staff from external sources (the staff import). Trusted callers only: it checks
 * consistency, not rights; the caller checks that its user may import into the school.
 * <p>
 * A teacher is matched by their external id within the source; new ones get an account with the TEACHER role, a
 * login "first.last" (unique, like pupils' and parents') and a first-login code. Their assignments to the school's
 * classes of the year become exactly the listed ones. Accounts are never pre-deleted by a staff import.
 */
@ProviderType
public interface StaffAdmin {

    /**
     * Makes the school's staff for the roster's year match the roster, in one transaction. A teacher naming a class
     * the school does not have that year gets an error and nothing is written for the school.
     *
     * @param dryRun compute the changes and roll them back
     * @throws org.cartable.api.CartableException BAD_REQUEST (unknown school, school year over, a teacher listed
     *                                            twice); nothing is changed then
     */
    StaffImportResult importStaff(StaffRoster roster, boolean dryRun);
}
