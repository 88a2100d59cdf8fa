package org.cartable.rest.internal.admission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.servlet.DispatcherType;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.cartable.rest.internal.testing.LoopbackJetty;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.ContextHandlerCollection;
import org.eclipse.jetty.servlet.FilterHolder;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The admission filter in a real Jetty with one turn: requests are served in arrival order, a request that waits too
 * long gets a clear 503 (JSON on the API, a page elsewhere, in the client's language), a turn is given back whatever
 * the request did, and uploads do not queue.
 */
class AdmissionFilterTest {

    /** Long enough never to expire while a test orders its requests. */
    private static final long PATIENT = TimeUnit.MINUTES.toNanos(5);
    private static final long IMPATIENT = TimeUnit.MILLISECONDS.toNanos(200);

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<String> served = new CopyOnWriteArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);
    private final CountDownLatch holding = new CountDownLatch(1);
    private Server server;
    private String base;
    private AdmissionFilter patient;
    private AdmissionFilter impatient;

    @BeforeEach
    void start() throws Exception {
        patient = AdmissionFilter.create(1, PATIENT, 1024);
        impatient = AdmissionFilter.create(1, IMPATIENT, 1024);
        ContextHandlerCollection contexts = new ContextHandlerCollection();
        contexts.addHandler(context("/queue", patient));
        contexts.addHandler(context("/api", impatient));
        contexts.addHandler(context("/app", impatient));
        server = LoopbackJetty.start(contexts);
        base = LoopbackJetty.baseUrl(server);
    }

    private ServletContextHandler context(String path, AdmissionFilter filter) {
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath(path);
        context.addFilter(new FilterHolder(filter), "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder(new HttpServlet() {
            @Override
            protected void service(HttpServletRequest request, HttpServletResponse response)
                    throws java.io.IOException {
                String name = request.getPathInfo().substring(1);
                served.add(name);
                if (name.startsWith("hold")) {
                    holding.countDown();
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                if (name.equals("fail")) {
                    throw new IllegalStateException("the app failed");
                }
                request.getInputStream().readAllBytes();
                response.getWriter().write("ok " + name);
            }
        }), "/*");
        return context;
    }

    @AfterEach
    void stop() throws Exception {
        release.countDown();
        server.stop();
    }

    @Test
    void requestsWaitingForTheirTurnAreServedInArrivalOrder() throws Exception {
        CompletableFuture<HttpResponse<String>> first = get("/queue/hold");
        assertTrue(holding.await(30, TimeUnit.SECONDS));
        List<CompletableFuture<HttpResponse<String>>> queued = new java.util.ArrayList<>();
        for (String name : List.of("b", "c", "d", "e")) {
            int before = patient.waiting();
            queued.add(get("/queue/" + name));
            awaitWaiting(patient, before + 1);
        }
        release.countDown();
        assertEquals(200, first.get(30, TimeUnit.SECONDS).statusCode());
        for (CompletableFuture<HttpResponse<String>> response : queued) {
            assertEquals(200, response.get(30, TimeUnit.SECONDS).statusCode());
        }
        assertEquals(List.of("hold", "b", "c", "d", "e"), served);
    }

    @Test
    void aRequestThatWaitedTooLongGetsABusyAnswerAndIsNotServed() throws Exception {
        CompletableFuture<HttpResponse<String>> holder = get("/api/hold");
        assertTrue(holding.await(30, TimeUnit.SECONDS));

        HttpResponse<String> api = send(HttpRequest.newBuilder(URI.create(base + "/api/me")));
        assertEquals(503, api.statusCode());
        assertEquals("5", api.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(api.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
        assertTrue(api.body().startsWith("{\"error\":\"busy\",\"message\":\"Many people"), api.body());

        HttpResponse<String> page = send(HttpRequest.newBuilder(URI.create(base + "/app/")));
        assertEquals(503, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        assertTrue(page.body().contains("<html lang=\"fr\">") && page.body().contains("Réessayez dans quelques"),
                page.body());
        HttpResponse<String> english = send(HttpRequest.newBuilder(URI.create(base + "/app/"))
                .header("Accept-Language", "en-GB,en;q=0.8"));
        assertTrue(english.body().contains("<html lang=\"en\">")
                && english.body().contains("Try again in a few seconds"), english.body());

        release.countDown();
        assertEquals(200, holder.get(30, TimeUnit.SECONDS).statusCode());
        assertEquals(List.of("hold"), served, "the refused requests never reached the application");
        assertEquals(200, send(HttpRequest.newBuilder(URI.create(base + "/api/me"))).statusCode());
    }

    @Test
    void aFailingRequestGivesItsTurnBack() throws Exception {
        assertEquals(500, send(HttpRequest.newBuilder(URI.create(base + "/api/fail"))).statusCode());
        assertEquals(200, send(HttpRequest.newBuilder(URI.create(base + "/api/after"))).statusCode());
        assertEquals(List.of("fail", "after"), served);
    }

    @Test
    void uploadsAndTheHealthCheckDoNotQueueBehindTheTurns() throws Exception {
        CompletableFuture<HttpResponse<String>> holder = get("/api/hold");
        assertTrue(holding.await(30, TimeUnit.SECONDS));

        HttpResponse<String> upload = send(HttpRequest.newBuilder(URI.create(base + "/api/upload"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[4096])));
        assertEquals(200, upload.statusCode());
        assertEquals(200, send(HttpRequest.newBuilder(URI.create(base + "/api/health"))).statusCode(),
                "the health check answers even when every turn is taken");
        HttpResponse<String> small = send(HttpRequest.newBuilder(URI.create(base + "/api/small"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[100])));
        assertEquals(503, small.statusCode(), "a small body queues like any request");

        release.countDown();
        assertEquals(200, holder.get(30, TimeUnit.SECONDS).statusCode());
    }

    @Test
    void atLeastOneTurn() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> AdmissionFilter.create(0, PATIENT, 1024));
    }

    private static void awaitWaiting(AdmissionFilter filter, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (filter.waiting() < count) {
            assertTrue(System.nanoTime() < deadline, "request never queued");
            Thread.sleep(5);
        }
    }

    private CompletableFuture<HttpResponse<String>> get(String path) {
        return http.sendAsync(HttpRequest.newBuilder(URI.create(base + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
