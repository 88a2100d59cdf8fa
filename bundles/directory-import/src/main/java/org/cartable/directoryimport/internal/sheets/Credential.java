package org.cartable.directoryimport.internal.sheets;

import org.cartable.core.service.NewAccount;

/**
 * A first-login credential to print, with the school it belongs to (class names repeat across schools).
 *
 * @param uai     the school
 * @param account the new account and its password
 */
public record Credential(String uai, NewAccount account) {

    /** @return "0459999Z / CM1 A": what a sheet is grouped by */
    public String classKey() {
        return uai + " / " + account.className();
    }
}
