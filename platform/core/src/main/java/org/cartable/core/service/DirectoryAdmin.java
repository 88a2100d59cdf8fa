package org.cartable.core.service;

import java.time.Instant;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Writes the directory from external sources (imports). Trusted callers only: it checks consistency, not rights; the
 * caller (the import tool) checks that its user may import into the school.
 * <p>
 * Matching rules, so that re-importing the same data changes nothing:
 * <ul>
 * <li>a school by its UAI; a class by its name within the school and school year;</li>
 * <li>a pupil by its external id within the source;</li>
 * <li>a guardian by its external id within the source when it has one; otherwise, in order: a guardian already
 * linked to one of their children with the same (normalised) first and last name; then any guardian with the same
 * normalised e-mail address (lower case, trimmed); then any guardian with the same normalised last name, first name
 * and phone number (digits only, +33 written as 0). So a parent with children in several schools gets one account
 * as soon as both schools give the same e-mail, or the same name and phone.</li>
 * </ul>
 */
@ProviderType
public interface DirectoryAdmin {

    /**
     * Makes the school's directory for the roster's year match the roster, in one transaction: either all of it is
     * applied or nothing. New pupils and guardians get accounts with a random first-login password; pupils who changed
     * class are moved (the old enrolment ends, history is kept); pupils of the school missing from the roster are
     * pre-deleted (cannot sign in, purged later), as are guardians left without any child.
     *
     * @param collectivityId collectivity of the school if the UAI is unknown and must be created; null to refuse
     *                       unknown schools
     * @param dryRun         compute the changes and roll them back
     * @throws org.cartable.api.CartableException BAD_REQUEST (unknown school and no collectivity, school year over,
     *                                            inconsistent roster); nothing is changed then
     */
    SchoolImportResult importSchool(SchoolRoster roster, String collectivityId, boolean dryRun);

    /**
     * Removes the accounts pre-deleted before the instant, with their enrolments, links and sign-in tokens: the
     * platform's part only. The scheduled purge goes through {@link PersonalDataRights#purgePreDeletedBefore}, which
     * has every app erase the accounts first.
     *
     * @return the number of accounts removed
     */
    int purgePreDeletedBefore(Instant limit);
}
