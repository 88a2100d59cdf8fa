package org.cartable.core.internal.directory;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Cartable directory imports",
        description = "Accounts created by imports.")
public @interface DirectoryAdminConfig {

    String PID = "org.cartable.core.directoryadmin";

    // Why lower than sign-in's cost: first-login passwords are random (about 59 bits), so guessing them from a hash is
    // out of reach even with a cheap hash, while a department import creates 150 000 accounts: at cost 10 (about
    // 70 ms each) that would take three hours.
    @AttributeDefinition(description = "bcrypt cost (4-31) of the generated first-login passwords")
    int initialPasswordCost() default 6;
}
