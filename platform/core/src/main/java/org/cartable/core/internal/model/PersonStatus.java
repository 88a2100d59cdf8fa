package org.cartable.core.internal.model;

public enum PersonStatus {
    ACTIVE,
    /** Cannot sign in and relates to no class; data and history are kept. */
    BLOCKED,
    /**
     * Left the directory (gone from an import): cannot sign in and relates to no class; purged with its data after a
     * delay (see {@code PreDeletion}).
     */
    PRE_DELETED
}
