package org.cartable.core.internal.directory;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;

import org.cartable.core.internal.accounts.InitialCodes;
import org.cartable.core.internal.model.Person;

/** First-login passwords: random, and readable on paper (no 0/O, 1/l/I). */
final class Passwords {

    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
    private static final int LENGTH = 12;

    private final SecureRandom random = new SecureRandom();

    /** A new account's first-login code and the hash stored for it; a dry run has neither ("" and a placeholder). */
    record FirstLogin(String code, String hash) {

        /** Sets the code on the account before it is persisted (one INSERT); nothing on a dry run. */
        void applyTo(Person person, Instant expires) {
            if (!code.isEmpty()) {
                person.setInitialCode(hash, expires);
            }
        }
    }

    /** @return how long first-login codes are valid, refused unless positive (a configuration error) */
    static Duration validity(Duration initialCodeValidity) {
        if (initialCodeValidity.isNegative() || initialCodeValidity.isZero()) {
            throw new IllegalArgumentException("initialCodeValidityDays must be positive");
        }
        return initialCodeValidity;
    }

    FirstLogin firstLogin(boolean dryRun) {
        if (dryRun) {
            return new FirstLogin("", "-");
        }
        String code = next();
        return new FirstLogin(code, InitialCodes.hash(code));
    }

    String next() {
        char[] chars = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            chars[i] = ALPHABET.charAt(random.nextInt(ALPHABET.length()));
        }
        return new String(chars);
    }
}
