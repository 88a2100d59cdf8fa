package org.cartable.core.internal.demo;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Cartable demo data",
        description = "Seeds schools, classes and accounts (password 'demo') into an empty directory.")
public @interface DemoConfig {

    String PID = "org.cartable.demo";

    @AttributeDefinition(description = "Seed the demo directory when no account exists yet")
    boolean enabled() default false;

    @AttributeDefinition(description = "bcrypt cost of the demo passwords")
    int bcryptCost() default 10;
}
