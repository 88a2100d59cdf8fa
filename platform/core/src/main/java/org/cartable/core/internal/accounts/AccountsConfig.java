package org.cartable.core.internal.accounts;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Cartable accounts",
        description = "Password hashing, session tokens and sign-in throttling.")
public @interface AccountsConfig {

    String PID = "org.cartable.core.accounts";

    @AttributeDefinition(description = "bcrypt cost (4-31); each step doubles the time to check a password")
    int bcryptCost() default 10;

    @AttributeDefinition(description = "Hours a session token stays valid")
    int tokenTtlHours() default 12;

    @AttributeDefinition(description = "Failed sign-ins allowed per login within the window")
    int maxFailuresPerLogin() default 5;

    @AttributeDefinition(description = "Failed sign-ins allowed per client address within the window")
    int maxFailuresPerAddress() default 20;

    @AttributeDefinition(description = "Length of the failure-counting window, in minutes")
    int failureWindowMinutes() default 10;
}
