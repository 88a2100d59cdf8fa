package org.cartable.homework.internal;

/** Which occurrences of a recurring entry a change or deletion applies to. */
public enum Scope {
    /** Only the occurrence named. */
    THIS,
    /** The occurrence named and every later occurrence of its series. */
    FOLLOWING
}
