package org.cartable.core.service;

import java.util.List;
import java.util.Map;

/**
 * What importing one school's staff changed (or, for a dry run, would change). When {@link #errors()} is not empty
 * nothing was written for the school.
 *
 * @param uai                the school
 * @param schoolId           its id (null when the school is unknown)
 * @param teachersCreated    new teacher accounts
 * @param assignmentsCreated teacher–class assignments added
 * @param assignmentsRemoved teacher–class assignments removed (class no longer listed for the teacher)
 * @param directorsChanged   directorships given or taken back
 * @param unchanged          listed teachers that needed no change
 * @param errors             index of a teacher in the roster → why the school could not be imported
 * @param newAccounts        first-login credentials of the accounts created (empty for a dry run)
 */
public record StaffImportResult(String uai, String schoolId, int teachersCreated, int assignmentsCreated,
                                int assignmentsRemoved, int directorsChanged, int unchanged,
                                Map<Integer, String> errors, List<NewAccount> newAccounts) {

    public StaffImportResult {
        errors = Map.copyOf(errors);
        newAccounts = List.copyOf(newAccounts);
    }
}
