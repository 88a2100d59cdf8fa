package org.cartable.core.internal.model;

/** The local authorities that run primary schools (communes) or group them. */
public enum CollectivityKind {
    COMMUNE,
    EPCI,
    SCHOOL_SYNDICATE
}
