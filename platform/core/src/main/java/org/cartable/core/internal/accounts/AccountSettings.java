package org.cartable.core.internal.accounts;

import java.time.Duration;

/** {@link AccountsConfig} as a plain value, so that tests need no OSGi configuration. */
public record AccountSettings(int bcryptCost, Duration tokenTtl, Duration tokenIdle, int maxFailuresPerLogin,
                              int maxFailuresPerAddress, Duration failureWindow) {

    public AccountSettings {
        if (tokenIdle.isNegative() || tokenIdle.isZero()) {
            throw new IllegalArgumentException("tokenIdleMinutes must be positive");
        }
        if (tokenTtl.isNegative() || tokenTtl.isZero()) {
            throw new IllegalArgumentException("tokenTtlHours must be positive");
        }
        if (maxFailuresPerLogin < 1 || maxFailuresPerAddress < 1) {
            throw new IllegalArgumentException("failure limits must be at least 1");
        }
        if (failureWindow.isNegative() || failureWindow.isZero()) {
            throw new IllegalArgumentException("failureWindowMinutes must be positive");
        }
    }

    /** Without an idle limit of its own: a token lasts its whole lifetime, used or not. */
    public AccountSettings(int bcryptCost, Duration tokenTtl, int maxFailuresPerLogin, int maxFailuresPerAddress,
                           Duration failureWindow) {
        this(bcryptCost, tokenTtl, tokenTtl, maxFailuresPerLogin, maxFailuresPerAddress, failureWindow);
    }

    public static AccountSettings defaults() {
        return new AccountSettings(10, Duration.ofHours(12), Duration.ofHours(2), 5, 100, Duration.ofMinutes(10));
    }

    static AccountSettings from(AccountsConfig config) {
        return new AccountSettings(config.bcryptCost(), Duration.ofHours(config.tokenTtlHours()),
                Duration.ofMinutes(config.tokenIdleMinutes()), config.maxFailuresPerLogin(), config.maxFailuresPerAddress(),
                Duration.ofMinutes(config.failureWindowMinutes()));
    }

    public AccountSettings withBcryptCost(int cost) {
        return new AccountSettings(cost, tokenTtl, tokenIdle, maxFailuresPerLogin, maxFailuresPerAddress, failureWindow);
    }

    public AccountSettings withTokenIdle(Duration idle) {
        return new AccountSettings(bcryptCost, tokenTtl, idle, maxFailuresPerLogin, maxFailuresPerAddress, failureWindow);
    }
}
