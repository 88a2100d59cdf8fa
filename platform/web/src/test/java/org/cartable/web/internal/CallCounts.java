package org.cartable.web.internal;

import java.util.Map;
import java.util.TreeMap;

/** How many times each method of a fake platform service was called. */
final class CallCounts {

    private final Map<String, Integer> counts = new TreeMap<>();

    synchronized void add(String method) {
        counts.merge(method, 1, Integer::sum);
    }

    synchronized int of(String method) {
        return counts.getOrDefault(method, 0);
    }

    synchronized void reset() {
        counts.clear();
    }

    @Override
    public synchronized String toString() {
        return counts.toString();
    }
}
