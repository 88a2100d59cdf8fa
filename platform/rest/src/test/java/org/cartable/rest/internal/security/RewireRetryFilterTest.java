package org.cartable.rest.internal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

import javax.servlet.FilterChain;
import javax.servlet.ServletOutputStream;
import javax.servlet.ServletRequest;
import javax.servlet.WriteListener;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.junit.jupiter.api.Test;

class RewireRetryFilterTest {

    private static final String NO_SERVICE = "<html><body>No service was found.</body></html>";

    /** What reached the client. */
    static final class Recorded {
        int status = 200;
        String contentType;
        final ByteArrayOutputStream body = new ByteArrayOutputStream();
        PrintWriter writer;
    }

    private static HttpServletResponse response(Recorded recorded) {
        ServletOutputStream out = new ServletOutputStream() {
            @Override
            public boolean isReady() {
                return true;
            }

            @Override
            public void setWriteListener(WriteListener listener) {
            }

            @Override
            public void write(int b) {
                recorded.body.write(b);
            }
        };
        PrintWriter writer = new PrintWriter(out, true, StandardCharsets.UTF_8);
        recorded.writer = writer;
        return (HttpServletResponse) Proxy.newProxyInstance(RewireRetryFilterTest.class.getClassLoader(),
                new Class<?>[] {HttpServletResponse.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "setStatus" -> { recorded.status = (Integer) args[0]; yield null; }
                    case "setContentType" -> { recorded.contentType = (String) args[0]; yield null; }
                    case "getWriter" -> writer;
                    case "getOutputStream" -> out;
                    default -> null;
                });
    }

    private static ServletRequest request() {
        return (ServletRequest) Proxy.newProxyInstance(RewireRetryFilterTest.class.getClassLoader(),
                new Class<?>[] {HttpServletRequest.class}, (proxy, method, args) -> null);
    }

    /** CXF's servlet while the application is being rebuilt. */
    private static void noEndpoint(HttpServletResponse response) throws java.io.IOException {
        response.setStatus(404);
        response.setContentType("text/html");
        response.getWriter().write(NO_SERVICE);
    }

    private static String text(Recorded recorded) {
        recorded.writer.flush(); // as the container does when the request ends
        return recorded.body.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aRequestDuringARebuildIsServedOnceTheEndpointIsBack() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        FilterChain chain = (req, res) -> {
            HttpServletResponse http = (HttpServletResponse) res;
            if (calls.incrementAndGet() <= 3) {
                noEndpoint(http);
            } else {
                http.setStatus(200);
                http.setContentType("application/json");
                http.getWriter().write("{\"status\":\"ok\"}");
            }
        };
        Recorded recorded = new Recorded();
        new RewireRetryFilter().doFilter(request(), response(recorded), chain);
        assertEquals(4, calls.get());
        assertEquals(200, recorded.status);
        assertEquals("application/json", recorded.contentType);
        assertEquals("{\"status\":\"ok\"}", text(recorded));
    }

    @Test
    void ourOwnJson404PassesAtOnce() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        FilterChain chain = (req, res) -> {
            calls.incrementAndGet();
            HttpServletResponse http = (HttpServletResponse) res;
            http.setStatus(404);
            http.setContentType("application/json");
            http.getOutputStream().write("{\"error\":\"not_found\"}".getBytes(StandardCharsets.UTF_8));
        };
        Recorded recorded = new Recorded();
        new RewireRetryFilter().doFilter(request(), response(recorded), chain);
        assertEquals(1, calls.get());
        assertEquals(404, recorded.status);
        assertEquals("{\"error\":\"not_found\"}", text(recorded));
    }

    @Test
    void aBodiless404IsStillA404() throws Exception {
        Recorded recorded = new Recorded();
        new RewireRetryFilter().doFilter(request(), response(recorded),
                (req, res) -> ((HttpServletResponse) res).setStatus(404));
        assertEquals(404, recorded.status);
    }

    @Test
    void anEndpointThatNeverComesBackGetsTheOriginalAnswerInTheEnd() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        Recorded recorded = new Recorded();
        new RewireRetryFilter().doFilter(request(), response(recorded), (req, res) -> {
            calls.incrementAndGet();
            noEndpoint((HttpServletResponse) res);
        });
        assertEquals(RewireRetryFilter.ATTEMPTS, calls.get());
        assertEquals(404, recorded.status);
        assertEquals(NO_SERVICE, text(recorded).trim());
    }
}
