package org.cartable.api;

/** The roles a person can hold. One account may hold several (a teacher who is also a parent). */
public enum Role {
    PUPIL,
    PARENT,
    TEACHER,
    /** Director of a school: manages its classes and accounts. */
    DIRECTOR,
    /** Administrator of a collectivity (commune, EPCI, school syndicate). */
    COLLECTIVITY_ADMIN,
    /** Staff of the purchasing body that runs the ENT. */
    OPERATOR,
    /** Technical administrator of the platform: installs and upgrades apps. */
    PLATFORM_ADMIN
}
