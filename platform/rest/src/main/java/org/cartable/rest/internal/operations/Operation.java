package org.cartable.rest.internal.operations;

import java.util.List;

/**
 * One REST operation the platform serves: an HTTP method on a path template below {@code /api}, as found by
 * {@link OperationScanner}.
 *
 * @param method      HTTP method
 * @param path        full template, e.g. {@code /api/classes/{classId}/blog/posts/{postId}}
 * @param kind        who routes it: the platform itself, the class-app dispatcher or the tool dispatcher
 * @param appId       the app serving it, null for the platform's own operations
 * @param pathParams  the template's variables, in order
 * @param queryParams the query parameters the method reads
 * @param consumes    media types of the body it reads (empty: reads none, or any)
 * @param body        the body it reads, null for none
 * @param handler     {@code Class.method} serving it, to find the code
 */
public record Operation(String method, String path, Kind kind, String appId, List<String> pathParams,
                        List<String> queryParams, List<String> consumes, Body body, String handler) {

    public enum Kind { PLATFORM, CLASS_APP, TOOL }

    /**
     * The body a method reads.
     *
     * @param type   simple name of the Java type
     * @param raw    whether it is read as bytes or text (stream, byte array, string) rather than as JSON
     * @param fields for a record, its components: what a JSON body may hold
     */
    public record Body(String type, boolean raw, List<Field> fields) {
    }

    /**
     * @param name   JSON name
     * @param type   simple name of the Java type
     * @param values the constants of an enum type, else empty
     */
    public record Field(String name, String type, List<String> values) {
    }
}
