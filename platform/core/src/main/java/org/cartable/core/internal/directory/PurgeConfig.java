package org.cartable.core.internal.directory;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Cartable purge of pre-deleted accounts",
        description = "Accounts that left the directory (imports) are pre-deleted, then purged after a delay.")
public @interface PurgeConfig {

    String PID = "org.cartable.core.purge";

    @AttributeDefinition(description = "Months a pre-deleted account is kept before it is purged (French rules: 3)")
    int purgeDelayMonths() default 3;

    @AttributeDefinition(description = "Minutes between two runs of the purge")
    int purgeIntervalMinutes() default 60;
}
