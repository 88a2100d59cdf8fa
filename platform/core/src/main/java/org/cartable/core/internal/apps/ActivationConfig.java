package org.cartable.core.internal.apps;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Cartable app activation",
        description = "Which class apps are enabled in classes whose teachers have not chosen yet.")
public @interface ActivationConfig {

    String PID = "org.cartable.core.activation";

    @AttributeDefinition(description = "Comma-separated ids of the apps enabled by default in every class")
    String defaultApps() default "";
}
