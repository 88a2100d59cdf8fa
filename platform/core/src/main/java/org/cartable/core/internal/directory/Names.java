package org.cartable.core.internal.directory;

import java.text.Normalizer;
import java.util.Locale;

/** Normalised forms of names, e-mails and phone numbers, for matching people across sources and for logins. */
public final class Names {

    private Names() {
    }

    /** @return lower case ASCII letters and digits separated by single spaces ("Léa-Marie  d'Arc" → "lea marie d arc") */
    public static String key(String name) {
        if (name == null) {
            return "";
        }
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").trim();
    }

    /** @return the trimmed, lower-cased address, or null when it is no address */
    public static String emailKey(String email) {
        if (email == null) {
            return null;
        }
        String key = email.trim().toLowerCase(Locale.ROOT);
        return key.indexOf('@') > 0 && key.indexOf('@') < key.length() - 1 ? key : null;
    }

    /** @return the digits, a French international prefix written as the national 0, or null without digits */
    public static String phoneKey(String phone) {
        if (phone == null) {
            return null;
        }
        String digits = phone.replaceAll("\\D", "");
        if (digits.startsWith("0033")) {
            digits = "0" + digits.substring(4);
        } else if (digits.startsWith("33") && digits.length() == 11) {
            digits = "0" + digits.substring(2);
        }
        return digits.length() < 6 ? null : digits;
    }

    /** @return "lea.martin" for Léa Martin: what a new account's login starts with */
    public static String loginBase(String firstName, String lastName) {
        String first = key(firstName).replace(' ', '-');
        String last = key(lastName).replace(' ', '-');
        String base = (first.isEmpty() ? "eleve" : first) + "." + (last.isEmpty() ? "x" : last);
        return base.length() > 40 ? base.substring(0, 40) : base;
    }
}
