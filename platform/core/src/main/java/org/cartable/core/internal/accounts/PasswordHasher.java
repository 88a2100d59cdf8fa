package org.cartable.core.internal.accounts;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategy;

/** bcrypt with a configurable cost; the cost is stored in each hash, so raising it keeps old hashes valid. */
public class PasswordHasher {

    /** Passwords longer than bcrypt's 72 bytes are pre-hashed instead of refused or silently truncated. */
    private static final LongPasswordStrategy LONG_PASSWORDS = LongPasswordStrategies.hashSha512(BCrypt.Version.VERSION_2A);

    private final int cost;
    private final BCrypt.Hasher hasher = BCrypt.with(BCrypt.Version.VERSION_2A, LONG_PASSWORDS);
    private final BCrypt.Verifyer verifyer = BCrypt.verifyer(BCrypt.Version.VERSION_2A, LONG_PASSWORDS);

    public PasswordHasher(int cost) {
        if (cost < BCrypt.MIN_COST || cost > BCrypt.MAX_COST) {
            throw new IllegalArgumentException("bcrypt cost must be between " + BCrypt.MIN_COST + " and "
                    + BCrypt.MAX_COST + ", was " + cost);
        }
        this.cost = cost;
    }

    public String hash(String password) {
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException("A password is required.");
        }
        return hasher.hashToString(cost, password.toCharArray());
    }

    /** @return whether the password matches; false (not an exception) for a malformed stored hash */
    public boolean verify(String password, String hash) {
        if (password == null || hash == null) {
            return false;
        }
        try {
            return verifyer.verify(password.toCharArray(), hash.toCharArray()).verified;
        } catch (RuntimeException malformedHash) {
            return false;
        }
    }
}
