package org.cartable.rest.internal.security;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.annotation.Annotation;

import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.ext.ReaderInterceptor;
import javax.ws.rs.ext.ReaderInterceptorContext;

import org.cartable.api.rest.MaxBodySize;
import org.cartable.api.rest.RestApi;
import org.cartable.rest.internal.errors.Errors;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;

/**
 * Request bodies are capped at 1 MiB, or at the {@link MaxBodySize} of the parameter that receives them: a declared
 * larger {@code Content-Length} is refused before anything is read, and a body without length (chunked) is cut off as
 * soon as it goes past the limit while being read.
 * <p>
 * Before matching, only bodies over {@link MaxBodySize#CEILING} can be refused (the method, hence its limit, is not
 * known yet); the method's own limit is applied when its body parameter is read. A method without body parameter
 * never reads what was sent.
 */
@Component(service = {ContainerRequestFilter.class, ReaderInterceptor.class})
@JaxrsExtension
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public final class BodyLimit implements ContainerRequestFilter, ReaderInterceptor {

    public static final long MAX_BYTES = 1024 * 1024;

    /* The declared Content-Length, kept from the pre-matching filter for the reader interceptor. */
    private static final String DECLARED_LENGTH = BodyLimit.class.getName() + ".declared";

    @Override
    public void filter(ContainerRequestContext request) {
        String declared = request.getHeaderString("Content-Length");
        if (declared == null) {
            return;
        }
        long length;
        try {
            length = Long.parseLong(declared.trim());
        } catch (NumberFormatException e) {
            request.abortWith(Errors.response(400, "bad_request", "Invalid Content-Length header."));
            return;
        }
        if (length > MaxBodySize.CEILING) {
            request.abortWith(tooLarge(MaxBodySize.CEILING).getResponse());
            return;
        }
        request.setProperty(DECLARED_LENGTH, length);
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        long limit = limit(context.getAnnotations());
        if (context.getProperty(DECLARED_LENGTH) instanceof Long declared && declared > limit) {
            throw tooLarge(limit);
        }
        LimitedInputStream limited = new LimitedInputStream(context.getInputStream(), limit);
        context.setInputStream(limited);
        try {
            return context.proceed();
        } catch (IOException | RuntimeException e) {
            // Readers wrap what the stream throws (Jackson reports it as a bad field): the limit must win.
            if (limited.exceeded()) {
                throw tooLarge(limit);
            }
            throw e;
        }
    }

    /** @return the limit for a body read into a parameter with these annotations */
    static long limit(Annotation[] annotations) {
        if (annotations != null) {
            for (Annotation annotation : annotations) {
                if (annotation instanceof MaxBodySize max) {
                    return Math.max(0, Math.min(max.value(), MaxBodySize.CEILING));
                }
            }
        }
        return MAX_BYTES;
    }

    static WebApplicationException tooLarge(long limit) {
        return new WebApplicationException(Errors.response(413, "payload_too_large",
                "The request body is larger than " + describe(limit) + "."));
    }

    /** "1 MiB", "50 MiB", or bytes when not a whole number of mebibytes. */
    static String describe(long bytes) {
        long mebibyte = 1024 * 1024;
        return bytes % mebibyte == 0 && bytes > 0 ? bytes / mebibyte + " MiB" : bytes + " bytes";
    }

    /** Counts what the reader consumes and stops it as soon as it goes past the limit. */
    static final class LimitedInputStream extends FilterInputStream {

        private final long limit;
        private long count;

        LimitedInputStream(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                add(n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            long skipped = super.skip(n);
            add(skipped);
            return skipped;
        }

        @Override
        public boolean markSupported() {
            // Re-reading after reset would count bytes twice or, worse, hide them; keep it simple.
            return false;
        }

        boolean exceeded() {
            return count > limit;
        }

        private void add(long n) {
            count += n;
            if (count > limit) {
                throw tooLarge(limit);
            }
        }
    }
}
