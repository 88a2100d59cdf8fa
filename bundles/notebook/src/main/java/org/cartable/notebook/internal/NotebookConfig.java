package org.cartable.notebook.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Settings of the notebook app ({@code etc/org.cartable.notebook.cfg}). */
@ObjectClassDefinition(name = "Cartable notebook", description = "Upload limits, storage and page locks of notebooks")
public @interface NotebookConfig {

    /** The configuration's PID. */
    String PID = "org.cartable.notebook";

    @AttributeDefinition(description = "Largest picture accepted, in bytes")
    long imageMaxBytes() default 5L * 1024 * 1024;

    @AttributeDefinition(description = "Largest sound file accepted, in bytes")
    long audioMaxBytes() default 20L * 1024 * 1024;

    @AttributeDefinition(description = "Largest video accepted, in bytes (at most the REST upload ceiling, "
            + "NotebookResource.UPLOAD_CEILING)")
    long videoMaxBytes() default 50L * 1024 * 1024;

    @AttributeDefinition(description = "Folder of the uploaded files; empty for ${karaf.data}/cartable/notebook")
    String storage() default "";

    @AttributeDefinition(description = "Minutes without activity after which a page's edit lock is released")
    int lockMinutes() default 10;
}
