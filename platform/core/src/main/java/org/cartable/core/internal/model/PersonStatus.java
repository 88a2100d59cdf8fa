package org.cartable.core.internal.model;

public enum PersonStatus {
    ACTIVE,
    /** Cannot sign in and relates to no class; data and history are kept. */
    BLOCKED
}
