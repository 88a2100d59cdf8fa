package org.cartable.core.internal.model;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A counter of the changes that can change who may open a class and which apps it has: enrolments, parent links,
 * teacher and director assignments, classes, schools and the classes' app decisions. Cached class relations (with
 * {@link AccountChanges}, which covers blocked and purged accounts) and app decisions are kept only while it has not
 * moved since they were read.
 * <p>
 * {@link DirectoryChangeListener} moves it for every write of those entities through the entity manager (before and
 * after the flush); bulk statements that bypass entities call {@link #changed()} themselves, and so do the
 * directory's write paths after their commit, so that nothing read between the flush and the commit is kept.
 */
public final class DirectoryChanges {

    private static final AtomicLong COUNTER = new AtomicLong();

    private DirectoryChanges() {
    }

    /** @return the current value; read it before reading the state that a cache entry will hold */
    public static long current() {
        return COUNTER.get();
    }

    /** Invalidates every cached class relation. */
    public static void changed() {
        COUNTER.incrementAndGet();
    }
}
