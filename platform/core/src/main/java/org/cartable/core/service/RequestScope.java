package org.cartable.core.service;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Answers computed once per request on the request's thread: the platform checks the caller's access to a class
 * before an app's resource runs, and the app's service checks it again; within one request the second check reuses
 * the first one's relation and activation instead of new transactions. Outside an open scope (jobs, tests, the
 * web UI) nothing is kept and every call computes afresh.
 * <p>
 * The REST servlet filter opens a scope around each {@code /api} request and closes it in a finally block, so that
 * nothing outlives the request on a pooled thread. A write that changes what was memoised (an app enabled in the
 * class) calls {@link #forget()}.
 */
public final class RequestScope implements AutoCloseable {

    private static final ThreadLocal<Map<Object, Object>> CURRENT = new ThreadLocal<>();

    private final boolean outermost;

    private RequestScope(boolean outermost) {
        this.outermost = outermost;
    }

    /** Opens a scope on this thread; a nested open joins the current one. Close it in a finally block. */
    public static RequestScope open() {
        if (CURRENT.get() != null) {
            return new RequestScope(false);
        }
        CURRENT.set(new HashMap<>());
        return new RequestScope(true);
    }

    /**
     * @param key an equals/hashCode value naming the answer (e.g. a record of the service, caller and class)
     * @return the answer memoised under the key in the open scope, else the supplier's (kept if a scope is open)
     */
    @SuppressWarnings("unchecked")
    public static <T> T memo(Object key, Supplier<T> compute) {
        Map<Object, Object> memos = CURRENT.get();
        if (memos == null) {
            return compute.get();
        }
        Object known = memos.get(key);
        if (known != null) {
            return (T) known;
        }
        T value = compute.get();
        if (value != null && CURRENT.get() == memos) {
            memos.put(key, value);
        }
        return value;
    }

    /** Drops what the open scope memoised (after a write that changes it). */
    public static void forget() {
        Map<Object, Object> memos = CURRENT.get();
        if (memos != null) {
            memos.clear();
        }
    }

    @Override
    public void close() {
        if (outermost) {
            CURRENT.remove();
        }
    }
}
