package org.cartable.core.internal.model;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Counters of the writes that end answers kept across requests. A cache entry serves only while its counter has not
 * moved since the entry's state was read from the database.
 * <p>
 * Writers move a counter when they change such a state (before their commit, so that nothing read afterwards is
 * kept) and again after their commit (so that nothing read between the first move and the commit, i.e. the state
 * before the change, is kept either). Static: the entities that change call them, without a service.
 */
public enum Changes {

    /**
     * What can take a signed-in person's rights away: token revoked or deleted, account blocked, pre-deleted or
     * purged, password or first-login code replaced. Ends the token cache's callers and the class relations.
     */
    ACCOUNTS,

    /**
     * What can change who may open a class and which apps it has: enrolments, parent links, teacher and director
     * assignments, classes, schools and the classes' app decisions ({@link DirectoryChangeListener} counts every
     * write of those entities; bulk statements that bypass them count themselves). Ends the class relations, the
     * parents' children and the classes' app decisions.
     */
    DIRECTORY;

    private final AtomicLong counter = new AtomicLong();

    /** @return the current value; read it before reading the state that a cache entry will hold */
    public long current() {
        return counter.get();
    }

    /** Ends every entry kept under this counter. */
    public void changed() {
        counter.incrementAndGet();
    }

    /**
     * @return a value that moves whenever either counter does: for answers about who may open what (a person's
     *         classes, relations, roles), which both a directory write and an account write can change
     */
    public static long directoryOrAccounts() {
        return DIRECTORY.current() + ACCOUNTS.current();
    }
}
