package org.cartable.core.internal.model;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A counter of the changes that can take a signed-in person's rights away (token revoked or deleted, account
 * blocked, pre-deleted or purged, password or first-login code replaced). The token cache of {@link CoreAccounts}
 * keeps an entry only while the counter has not moved since the entry was read from the database.
 * <p>
 * Writers call {@link #changed()} when they change such a state (before their commit, so that nothing read
 * afterwards is kept) and again after their commit (so that nothing read between the first call and the commit,
 * i.e. the state before the change, is kept either). Static: the entities that change call it, without a service.
 */
public final class AccountChanges {

    private static final AtomicLong COUNTER = new AtomicLong();

    private AccountChanges() {
    }

    /** @return the current value; read it before reading the state that a cache entry will hold */
    public static long current() {
        return COUNTER.get();
    }

    /** Invalidates every cached caller. */
    public static void changed() {
        COUNTER.incrementAndGet();
    }
}
