package org.cartable.api;

import java.time.Duration;
import java.util.Optional;

/**
 * A refusal that the platform turns into a clear answer: a JSON error with the matching HTTP status for REST,
 * an explanatory page for the web UI. Apps throw it instead of building HTTP responses themselves.
 */
public class CartableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The kinds of refusal, with their HTTP status and stable error code. */
    public enum Kind {
        BAD_REQUEST(400, "bad_request"),
        UNAUTHORIZED(401, "unauthorized"),
        FORBIDDEN(403, "forbidden"),
        NOT_FOUND(404, "not_found"),
        CONFLICT(409, "conflict"),
        PAYLOAD_TOO_LARGE(413, "payload_too_large"),
        UNSUPPORTED_MEDIA_TYPE(415, "unsupported_media_type"),
        TOO_MANY_REQUESTS(429, "too_many_requests");

        private final int status;
        private final String code;

        Kind(int status, String code) {
            this.status = status;
            this.code = code;
        }

        public int status() {
            return status;
        }

        public String code() {
            return code;
        }
    }

    private final Kind kind;
    private final Duration retryAfter;

    public CartableException(Kind kind, String message) {
        this(kind, message, null);
    }

    private CartableException(Kind kind, String message, Duration retryAfter) {
        super(message, null, false, false);
        this.kind = kind;
        this.retryAfter = retryAfter;
    }

    public Kind kind() {
        return kind;
    }

    /** @return how long the caller should wait before trying again, when the refusal says so */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    /** A refusal for going too fast; {@code wait} becomes the HTTP {@code Retry-After}. */
    public static CartableException tooManyRequests(String message, Duration wait) {
        return new CartableException(Kind.TOO_MANY_REQUESTS, message, wait);
    }

    public static CartableException badRequest(String message) {
        return new CartableException(Kind.BAD_REQUEST, message);
    }

    public static CartableException unauthorized(String message) {
        return new CartableException(Kind.UNAUTHORIZED, message);
    }

    public static CartableException forbidden(String message) {
        return new CartableException(Kind.FORBIDDEN, message);
    }

    public static CartableException notFound(String message) {
        return new CartableException(Kind.NOT_FOUND, message);
    }

    public static CartableException conflict(String message) {
        return new CartableException(Kind.CONFLICT, message);
    }

    /** A file or body over the limit that applies to it (e.g. an upload of a kind the app caps lower). */
    public static CartableException payloadTooLarge(String message) {
        return new CartableException(Kind.PAYLOAD_TOO_LARGE, message);
    }

    /** Content of a type that is not accepted, as found by looking at the content itself. */
    public static CartableException unsupportedMediaType(String message) {
        return new CartableException(Kind.UNSUPPORTED_MEDIA_TYPE, message);
    }
}
