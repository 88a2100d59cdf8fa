package org.cartable.api.notify;

/** Whether a notice also goes out by e-mail (it is always in the feed). */
public enum EmailDelivery {
    /** Feed only. */
    NEVER,
    /** One e-mail per notice, as it happens (held back during the person's quiet hours). */
    IMMEDIATE,
    /** One e-mail a day summing up the day's notices. */
    DAILY_DIGEST
}
