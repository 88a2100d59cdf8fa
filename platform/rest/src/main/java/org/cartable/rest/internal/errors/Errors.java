package org.cartable.rest.internal.errors;

import java.io.IOException;
import java.util.Map;
import java.util.UUID;

import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import org.cartable.api.CartableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the JSON error answers of docs/rest-api.md, for the exception mappers and for the filters that abort. */
public final class Errors {

    static final Logger LOG = LoggerFactory.getLogger(Errors.class);

    /** Used when a 429 refusal gives no duration: long enough to discourage hammering, short enough to be fair. */
    static final long DEFAULT_RETRY_AFTER_SECONDS = 60;


    private static final Map<Integer, ErrorBody> STANDARD = Map.ofEntries(
            Map.entry(400, new ErrorBody("bad_request", "The request is not valid.")),
            Map.entry(401, new ErrorBody("unauthorized", "Sign in first: send 'Authorization: Bearer <token>'.")),
            Map.entry(403, new ErrorBody("forbidden", "You are not allowed to do this.")),
            Map.entry(404, new ErrorBody("not_found", "Nothing here.")),
            Map.entry(405, new ErrorBody("method_not_allowed", "This method is not allowed on this path.")),
            Map.entry(406, new ErrorBody("not_acceptable", "This resource only answers in JSON (application/json).")),
            Map.entry(409, new ErrorBody("conflict", "The request conflicts with the current state.")),
            Map.entry(413, new ErrorBody("payload_too_large", "The request body is larger than 1 MiB.")),
            Map.entry(415, new ErrorBody("unsupported_media_type",
                    "Send the request body as JSON (Content-Type: application/json).")),
            Map.entry(429, new ErrorBody("too_many_requests", "Too many requests; try again later.")));

    private Errors() {
    }

    public static Response response(int status, String code, String message) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody(code, message))
                .build();
    }

    public static Response response(CartableException e) {
        CartableException.Kind kind = e.kind();
        String message = e.getMessage() == null ? standard(kind.status()).message() : e.getMessage();
        Response.ResponseBuilder builder = Response.status(kind.status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorBody(kind.code(), message));
        if (kind == CartableException.Kind.TOO_MANY_REQUESTS) {
            long seconds = e.retryAfter().map(wait -> Math.max(1, wait.toSeconds()))
                    .orElse(DEFAULT_RETRY_AFTER_SECONDS);
            builder.header(HttpHeaders.RETRY_AFTER, seconds);
        }
        return builder.build();
    }

    /** @return the standard code and message for an HTTP status, {@code error}/{@code client_error} otherwise */
    public static ErrorBody standard(int status) {
        ErrorBody body = STANDARD.get(status);
        if (body != null) {
            return body;
        }
        return status >= 500 ? new ErrorBody("internal_error", "Internal error.")
                : new ErrorBody("client_error", "The request cannot be served.");
    }

    /** A 500 whose body only gives a reference; the stack trace goes to the log under the same reference. */
    public static Response internalError(Throwable e) {
        if (clientWentAway(e)) {
            // Nobody is left to read the answer: a phone that lost its network, a timed-out client. Not our bug.
            LOG.debug("Client went away before the answer was written: {}", e.toString());
            return Response.status(500).build();
        }
        String reference = UUID.randomUUID().toString();
        LOG.error("Unhandled error, reference {}", reference, e);
        return response(500, "internal_error",
                "Internal error. Reference for the administrator: " + reference + ".");
    }

    /**
     * Whether the exception says the connection was closed by the client while we wrote to it. Jetty's
     * {@code EofException} is matched by name: the REST bundle does not depend on the HTTP server.
     */
    static boolean clientWentAway(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException && (t.getClass().getName().equals("org.eclipse.jetty.io.EofException")
                    || "Broken pipe".equals(t.getMessage()) || "Connection reset by peer".equals(t.getMessage()))) {
                return true;
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return false;
    }
}
