package org.cartable.api;

/** Where an app lives: in a class (enabled per class), in a school, or in the operator's space. */
public enum AppScope {
    CLASS,
    SCHOOL,
    OPERATOR
}
