package org.cartable.core.service;

import java.util.List;

/**
 * What importing one school's roster changed (or, for a dry run, would change).
 *
 * @param uai              the school
 * @param schoolId         its id (null when a dry run would create it)
 * @param schoolCreated    whether the school was unknown and is created
 * @param classesCreated   classes added for the year
 * @param pupilsCreated    new pupil accounts
 * @param pupilsMoved      pupils whose current class changed (the old enrolment is ended, history kept)
 * @param pupilsEnrolled   existing pupils enrolled again (back from pre-deletion, or with no current class)
 * @param guardiansCreated new guardian accounts
 * @param linksCreated     new guardian–child links (including those of the new accounts)
 * @param linksRemoved     links to a listed pupil from a guardian the source no longer lists for them
 * @param preDeleted       accounts pre-deleted because they left the school (pupils) or have no child left
 * @param unchanged        listed pupils and guardians that needed no change
 * @param newAccounts      first-login credentials of the accounts created (empty for a dry run)
 */
public record SchoolImportResult(String uai, String schoolId, boolean schoolCreated, int classesCreated,
                                 int pupilsCreated, int pupilsMoved, int pupilsEnrolled, int guardiansCreated,
                                 int linksCreated, int linksRemoved, int preDeleted, int unchanged,
                                 List<NewAccount> newAccounts) {

    public SchoolImportResult {
        newAccounts = List.copyOf(newAccounts);
    }

    /** @return whether the import changed (or would change) anything */
    public boolean changedAnything() {
        return schoolCreated || classesCreated + pupilsCreated + pupilsMoved + pupilsEnrolled + guardiansCreated
                + linksCreated + linksRemoved + preDeleted > 0;
    }
}
