package org.cartable.core.internal.directory;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Cartable directory imports",
        description = "Accounts created by imports.")
public @interface DirectoryAdminConfig {

    String PID = "org.cartable.core.directoryadmin";

    // New accounts get a random first-login code (stored as salted SHA-256, see InitialCodes) that only lets its
    // owner choose a password: it must not stay usable for ever on a sheet of paper.
    @AttributeDefinition(description = "Days a generated first-login code stays valid")
    int initialCodeValidityDays() default 90;
}
