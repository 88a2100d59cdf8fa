package org.cartable.core.service;

/** How an installed app is doing, as the catalogue shows it to operators. */
public enum AppStatus {
    /** Every component of the app's bundle is up (or simply not needed yet). */
    ACTIVE,
    /** A component of the app waits for a service that is not there (e.g. its persistence unit). */
    WAITING,
    /** A component of the app threw while activating (a failed schema migration, a bug): the app is not usable. */
    FAILED
}
