package org.cartable.core.internal.model;

import java.util.UUID;

/** Ids are random so that outsiders cannot guess them (never sequential). */
public final class Ids {

    private Ids() {
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }
}
