package org.cartable.rest.internal.admission;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Cartable admission control",
        description = "How many requests the server works on at once; the others wait for their turn in arrival order.")
public @interface AdmissionConfig {

    String PID = "org.cartable.admission";

    @AttributeDefinition(description = "Requests worked on at once; 0 means four per processor")
    int maxConcurrent() default 0;

    @AttributeDefinition(description = "Seconds a request may wait for its turn before it is answered 503 (busy)")
    int maxWaitSeconds() default 30;

    @AttributeDefinition(description = "Requests with a body larger than this many bytes (uploads) do not queue:"
            + " they spend their time on the network, not on the processors")
    long uploadBytes() default 65536;
}
