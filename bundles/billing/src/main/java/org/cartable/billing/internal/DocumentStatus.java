package org.cartable.billing.internal;

/** A draft has no number and may change; an issued document has a number and never changes. */
public enum DocumentStatus {
    DRAFT,
    ISSUED
}
