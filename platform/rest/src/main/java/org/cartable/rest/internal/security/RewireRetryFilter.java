package org.cartable.rest.internal.security;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.FilterConfig;
import javax.servlet.ServletException;
import javax.servlet.ServletOutputStream;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpServletResponseWrapper;

import org.cartable.api.rest.RestApi;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardFilterPattern;

/**
 * Keeps {@code /api} answering while an app's REST resources come or go.
 * <p>
 * Aries JAX-RS Whiteboard 2.0.2 rebuilds the whole CXF server of an application whenever one of its resources is
 * added or removed (installing, updating or removing any app). For a few milliseconds CXF's servlet then has no
 * endpoint and answers every request with its HTML 404 "No service was found", even for the platform's own
 * endpoints. That answer is recognisable (status 404 then content type {@code text/html}, before anything else; our
 * own 404s are JSON), and nothing of the request has been read yet, so the request is simply run again a moment
 * later. The last attempt lets the answer through unchanged.
 */
@Component(service = Filter.class)
@HttpWhiteboardFilterPattern("/*")
@HttpWhiteboardContextSelect("(osgi.http.whiteboard.context.name=context.for" + RestApi.APPLICATION_NAME + ")")
public final class RewireRetryFilter implements Filter {

    static final int ATTEMPTS = 20;
    static final long PAUSE_MILLIS = 25;

    @Override
    public void init(FilterConfig config) {
        // stateless
    }

    @Override
    public void destroy() {
        // stateless
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(response instanceof HttpServletResponse http)) {
            chain.doFilter(request, response);
            return;
        }
        for (int attempt = 1; attempt < ATTEMPTS; attempt++) {
            NoServiceDetector detector = new NoServiceDetector(http);
            chain.doFilter(request, detector);
            if (!detector.sawNoService()) {
                detector.complete();
                return;
            }
            try {
                Thread.sleep(PAUSE_MILLIS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        chain.doFilter(request, response);
    }

    /** Holds back a 404 until the content type tells whether it is CXF's "no endpoint" page, and swallows that page. */
    static final class NoServiceDetector extends HttpServletResponseWrapper {

        private boolean held404;
        private boolean noService;

        NoServiceDetector(HttpServletResponse response) {
            super(response);
        }

        boolean sawNoService() {
            return noService;
        }

        /** A 404 without a body is still a 404. */
        void complete() {
            release();
        }

        @Override
        public void setStatus(int status) {
            if (status == 404 && !noService) {
                held404 = true;
                return;
            }
            release();
            super.setStatus(status);
        }

        @Override
        public void setContentType(String type) {
            if (held404 && type != null && type.startsWith("text/html")) {
                noService = true;
                return;
            }
            release();
            if (!noService) {
                super.setContentType(type);
            }
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (noService) {
                return new PrintWriter(OutputStream.nullOutputStream());
            }
            release();
            return super.getWriter();
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (noService) {
                return new DiscardingStream();
            }
            release();
            return super.getOutputStream();
        }

        @Override
        public void flushBuffer() throws IOException {
            if (!noService) {
                release();
                super.flushBuffer();
            }
        }

        /** Anything but the "no endpoint" page: the held 404 is a real answer. */
        private void release() {
            if (held404 && !noService) {
                held404 = false;
                super.setStatus(404);
            }
        }
    }

    private static final class DiscardingStream extends ServletOutputStream {
        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            // never asynchronous
        }

        @Override
        public void write(int b) {
            // discarded
        }
    }
}
