package org.cartable.api.privacy;

import java.util.Locale;

/**
 * The tombstone that replaces a purged person as author of what stays: the platform's directory answers
 * {@code person(FormerUser.ID)} with the display name {@link #label(Locale) "ancien utilisateur"}, so apps that show
 * authors through the directory need nothing more.
 */
public final class FormerUser {

    /** Person id that content of a purged account is attributed to. Not an account: nobody can sign in with it. */
    public static final String ID = "former-user";

    private FormerUser() {
    }

    /** @return the name shown for content of a purged account, French unless the locale is English */
    public static String label(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? "former user" : "ancien utilisateur";
    }

    /** @return true if the id is the tombstone */
    public static boolean is(String personId) {
        return ID.equals(personId);
    }
}
