package org.cartable.rest.internal.security;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

import javax.annotation.Priority;
import javax.ws.rs.Priorities;
import javax.ws.rs.WebApplicationException;
import javax.ws.rs.container.ContainerRequestContext;
import javax.ws.rs.container.ContainerRequestFilter;
import javax.ws.rs.container.PreMatching;
import javax.ws.rs.ext.ReaderInterceptor;
import javax.ws.rs.ext.ReaderInterceptorContext;

import org.cartable.api.rest.RestApi;
import org.cartable.rest.internal.errors.Errors;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsApplicationSelect;
import org.osgi.service.jaxrs.whiteboard.propertytypes.JaxrsExtension;

/**
 * Request bodies are capped at 1 MiB: a declared larger {@code Content-Length} is refused before anything is read,
 * and a body without length (chunked) is cut off as soon as it goes past the limit while being read.
 */
@Component(service = {ContainerRequestFilter.class, ReaderInterceptor.class})
@JaxrsExtension
@JaxrsApplicationSelect(RestApi.APPLICATION_SELECT)
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
public final class BodyLimit implements ContainerRequestFilter, ReaderInterceptor {

    public static final long MAX_BYTES = 1024 * 1024;

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
        if (length > MAX_BYTES) {
            request.abortWith(tooLarge().getResponse());
        }
    }

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        LimitedInputStream limited = new LimitedInputStream(context.getInputStream(), MAX_BYTES);
        context.setInputStream(limited);
        try {
            return context.proceed();
        } catch (IOException | RuntimeException e) {
            // Readers wrap what the stream throws (Jackson reports it as a bad field): the limit must win.
            if (limited.exceeded()) {
                throw tooLarge();
            }
            throw e;
        }
    }

    static WebApplicationException tooLarge() {
        return new WebApplicationException(Errors.response(413, "payload_too_large",
                "The request body is larger than 1 MiB."));
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
                throw tooLarge();
            }
        }
    }
}
