package org.cartable.core.internal.model;

public enum SchoolLevel {
    PRIMARY,
    SECONDARY
}
