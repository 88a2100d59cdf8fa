package org.cartable.core.internal.accounts;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Cartable accounts",
        description = "Password hashing, session tokens and sign-in throttling.")
public @interface AccountsConfig {

    String PID = "org.cartable.core.accounts";

    @AttributeDefinition(description = "bcrypt cost (4-31); each step doubles the time to check a password")
    int bcryptCost() default 10;

    @AttributeDefinition(description = "Hours a session token stays valid at most (absolute lifetime)")
    int tokenTtlHours() default 12;

    // Why 2 hours: longer than a school morning spent on one app, short enough that a classroom computer left
    // signed in is closed by the next lesson.
    @AttributeDefinition(description = "Minutes a session token stays valid without being used (idle lifetime)")
    int tokenIdleMinutes() default 120;

    @AttributeDefinition(description = "Failed sign-ins allowed per login within the window")
    int maxFailuresPerLogin() default 5;

    // Why 100: a whole school often signs in from one NAT address; a class of 30 pupils making typos stays far below,
    // while a client spraying passwords over many logins is still stopped within the window.
    @AttributeDefinition(description = "Failed sign-ins allowed per client address within the window, all logins"
            + " together. Trade-off: schools often sign in from ONE shared (NAT) address, and once it reaches the"
            + " limit every account behind it, including the right passwords of other pupils, is refused until the"
            + " window slides; a low value locks a whole school out after a few classes' typos, a high value lets a"
            + " password-spraying client try more logins (each login stays limited by maxFailuresPerLogin)."
            + " 100 keeps a class of 30 pupils making typos far below the limit.")
    int maxFailuresPerAddress() default 100;

    @AttributeDefinition(description = "Length of the failure-counting window, in minutes")
    int failureWindowMinutes() default 10;
}
