package org.cartable.core.service;

/**
 * An account created by an import, with its first-login password. The password exists in clear only in this object
 * (only its hash is stored): print the connection sheets, then forget it.
 *
 * @param personId        the account
 * @param login           what to type to sign in
 * @param initialPassword the generated password
 * @param displayName     "Léa Martin"
 * @param pupil           true for a pupil, false for a guardian
 * @param className       the class of the pupil, or of the guardian's first child in the roster
 * @param childName       for a guardian, the name of that child; null for a pupil
 */
public record NewAccount(String personId, String login, String initialPassword, String displayName, boolean pupil,
                         String className, String childName) {

    @Override
    public String toString() {
        // Never print the password by accident (logs, assertion messages).
        return "NewAccount[" + login + ", " + displayName + "]";
    }
}
