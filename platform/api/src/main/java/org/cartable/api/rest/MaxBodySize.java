package org.cartable.api.rest;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Raises the platform's request body limit (1 MiB) for one resource method, e.g. an upload. Put it on the parameter
 * that receives the body (typically an {@code InputStream}); the platform refuses a larger declared
 * {@code Content-Length} with 413 before reading, and cuts a longer body off with 413 while it is being read.
 * <p>
 * The limit is a transport ceiling: an app with finer limits (per kind of file, from its configuration) checks them
 * itself while reading. Values above {@link #CEILING} are capped to it.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PARAMETER)
public @interface MaxBodySize {

    /** The largest body any method may accept: 512 MiB. */
    long CEILING = 512L * 1024 * 1024;

    /** @return the largest accepted body, in bytes */
    long value();
}
