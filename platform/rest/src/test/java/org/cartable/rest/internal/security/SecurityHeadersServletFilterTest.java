package org.cartable.rest.internal.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.List;

import javax.servlet.DispatcherType;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.cartable.core.internal.accounts.CoreClientNetwork;
import org.cartable.rest.internal.testing.LoopbackJetty;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.servlet.FilterHolder;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The filter in a real Jetty: own CSP of a page kept, container error pages covered, HSTS only over TLS. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityHeadersServletFilterTest {

    private Server server;
    private String base;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start() throws Exception {
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        // 127.0.0.1 plays the reverse proxy
        context.addFilter(new FilterHolder(new SecurityHeadersServletFilter(CoreClientNetwork.create("127.0.0.1"))),
                "/*", EnumSet.of(DispatcherType.REQUEST, DispatcherType.ERROR));
        context.addServlet(new ServletHolder(new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws java.io.IOException {
                switch (request.getPathInfo()) {
                    case "/page" -> {
                        response.setHeader("Content-Security-Policy", "default-src 'self'; frame-ancestors 'none'");
                        response.setHeader("Referrer-Policy", "same-origin");
                        response.getWriter().write("<p>page</p>");
                    }
                    case "/upload" -> {
                        response.setHeader("Content-Security-Policy", "default-src 'none'; sandbox");
                        response.addHeader("Content-Security-Policy", "default-src 'none'; sandbox;");
                        response.getWriter().write("file");
                    }
                    case "/reset" -> {
                        response.reset();
                        response.getWriter().write("after reset");
                    }
                    default -> response.sendError(404);
                }
            }
        }), "/x/*");
        server = LoopbackJetty.start(context);
        base = LoopbackJetty.baseUrl(server);
    }

    @AfterAll
    void stop() throws Exception {
        server.stop();
    }

    private HttpResponse<String> get(String path, String forwardedProto) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
        if (forwardedProto != null) {
            request.header("X-Forwarded-Proto", forwardedProto);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void containerErrorsUnmappedPathsAndResetsGetTheDefaults() throws Exception {
        for (String path : List.of("/x/missing", "/nothing-maps-here", "/x/reset")) {
            HttpResponse<String> response = get(path, null);
            assertEquals(List.of(SecurityHeadersServletFilter.DEFAULT_CSP),
                    response.headers().allValues("Content-Security-Policy"), path);
            assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""), path);
            assertEquals("DENY", response.headers().firstValue("X-Frame-Options").orElse(""), path);
            assertEquals("no-referrer", response.headers().firstValue("Referrer-Policy").orElse(""), path);
        }
    }

    @Test
    void aMoreSpecificLayerRefinesTheHeaders() throws Exception {
        HttpResponse<String> page = get("/x/page", null);
        assertEquals(List.of("default-src 'self'; frame-ancestors 'none'"),
                page.headers().allValues("Content-Security-Policy"));
        assertEquals(List.of("same-origin"), page.headers().allValues("Referrer-Policy"));
    }

    @Test
    void aCspWithoutFrameAncestorsGetsItAndStaysSingle() throws Exception {
        assertEquals(List.of("default-src 'none'; sandbox; frame-ancestors 'none'"),
                get("/x/upload", null).headers().allValues("Content-Security-Policy"));
    }

    @Test
    void hstsOnlyWhenTheTrustedProxySaysHttps() throws Exception {
        assertFalse(get("/x/page", null).headers().firstValue("Strict-Transport-Security").isPresent());
        assertFalse(get("/x/page", "http").headers().firstValue("Strict-Transport-Security").isPresent());
        assertEquals(SecurityHeadersServletFilter.HSTS,
                get("/x/page", "https").headers().firstValue("Strict-Transport-Security").orElse(""));
    }
}
