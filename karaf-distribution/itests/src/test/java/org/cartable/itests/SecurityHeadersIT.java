package org.cartable.itests;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.cartable.itests.Demo.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Security headers on a sample of every kind of response: REST JSON and REST errors, Wicket pages and their
 * resources, an app's servlet (the homework calendar feed), uploaded files (notebook media), and the container's own
 * 404. Pages carry Wicket's nonce-based CSP; everything else the platform's "nothing may run" default.
 */
@ExtendWith(CartableExtension.class)
@Order(4) // class order: see junit-platform.properties
class SecurityHeadersIT {

    private static final Pattern STYLESHEET = Pattern.compile("<link[^>]+href=\"([^\"]+\\.css[^\"]*)\"");
    private static final Pattern SCRIPT = Pattern.compile("<script[^>]+src=\"([^\"]+\\.js[^\"]*)\"");

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    @Test
    void everyKindOfResponseCarriesTheHeaders(CartableServer server) throws Exception {
        String base = server.baseUrl();
        String teacher = server.token("teacher");
        String a1 = Demo.classA1(server);
        Map<String, HttpResponse<byte[]>> sample = new LinkedHashMap<>();
        List<String> pages = new ArrayList<>();

        // REST: JSON, anonymous and signed in, and errors of each kind
        sample.put("GET /api/health", get(base + "/api/health", null));
        sample.put("GET /api/me", get(base + "/api/me", teacher));
        sample.put("GET /api/apps", get(base + "/api/apps", teacher));
        sample.put("401 /api/me", get(base + "/api/me", null));
        sample.put("404 /api/no-such-resource", get(base + "/api/no-such-resource", teacher));
        sample.put("403 /api/admin/features", get(base + "/api/admin/features", teacher));
        sample.put("400 POST /api/session", send(HttpRequest.newBuilder(URI.create(base + "/api/session"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{"))));

        // Wicket: redirect, pages, the shell's stylesheet and scripts, Wicket's own 404
        sample.put("302 /app/", get(base + "/app/", null));
        HttpResponse<byte[]> signIn = get(base + "/app/signin", null);
        sample.put("GET /app/signin", signIn);
        pages.add("GET /app/signin");
        sample.put("GET /app/denied", get(base + "/app/denied", null));
        pages.add("GET /app/denied");
        String html = new String(signIn.body(), java.nio.charset.StandardCharsets.UTF_8);
        for (Pattern resource : List.of(STYLESHEET, SCRIPT)) {
            Matcher m = resource.matcher(html);
            if (m.find()) {
                String url = URI.create(base + "/app/signin").resolve(m.group(1).replace("&amp;", "&")).toString();
                sample.put("resource " + m.group(1), get(url, null));
            }
        }
        sample.put("404 /app/wicket/resource/none", get(base + "/app/wicket/resource/org.nothing.X/none.css", null));

        // The container itself: paths no servlet claims, a path Jetty refuses to map
        sample.put("404 /no-such-path", get(base + "/no-such-path", null));
        sample.put("404 /favicon.ico", get(base + "/favicon.ico", null));

        // An app's servlet: the homework calendar feed, a real one and an unknown one
        sample.put("404 unknown .ics", get(base + "/calendar/homework/AAAAAAAAAAAAAAAAAAAAAAAAAAA.ics", null));
        String parent = server.token("parent");
        String leaId = Demo.me(server, "pupil").path("id").asText();
        String homework = "/api/classes/" + a1 + "/homework";
        boolean homeworkWasEnabled = ids(server.get(teacher, "/api/classes/" + a1 + "/apps").json())
                .contains("homework");
        String notebookRoot = "/api/classes/" + a1 + "/notebook";
        boolean notebookWasEnabled = ids(server.get(teacher, "/api/classes/" + a1 + "/apps").json())
                .contains("notebook");
        String notebookId = null;
        boolean feedMade = false;
        try {
            assertEquals(204, server.put(teacher, "/api/classes/" + a1 + "/apps/homework", null).status());
            CartableServer.Response made = server.post(parent, homework + "/calendar?child=" + leaId, null);
            assertEquals(201, made.status(), made::toString);
            feedMade = true;
            sample.put("GET calendar .ics", get(made.json().path("url").asText(), null));

            // Uploads: a picture uploaded to a notebook, served back
            assertEquals(204, server.put(teacher, "/api/classes/" + a1 + "/apps/notebook", null).status());
            CartableServer.Response created = server.post(server.token("pupil"), notebookRoot + "/notebooks",
                    Map.of("title", "Headers " + System.nanoTime(), "coverColor", "#2e7d32"));
            assertEquals(201, created.status(), created::toString);
            notebookId = created.json().path("id").asText();
            CartableServer.Response image = server.send(HttpRequest.newBuilder(URI.create(base + notebookRoot
                            + "/notebooks/" + notebookId + "/media?name=photo.png"))
                    .timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + server.token("pupil"))
                    .header("Accept", "application/json")
                    .header("Content-Type", "image/png")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(NotebookIT.png()))
                    .build());
            assertEquals(201, image.status(), image::toString);
            sample.put("GET uploaded media", get(base + notebookRoot + "/notebooks/" + notebookId + "/media/"
                    + image.json().path("id").asText(), server.token("pupil")));
        } finally {
            if (feedMade) {
                server.delete(parent, homework + "/calendar?child=" + leaId);
            }
            if (notebookId != null) {
                server.delete(server.token("pupil"), notebookRoot + "/notebooks/" + notebookId);
            }
            if (!homeworkWasEnabled) {
                server.delete(teacher, "/api/classes/" + a1 + "/apps/homework");
            }
            if (!notebookWasEnabled) {
                server.delete(teacher, "/api/classes/" + a1 + "/apps/notebook");
            }
        }

        // A forged X-Forwarded-Proto from an untrusted peer does not turn HSTS on
        sample.put("GET /api/health forged https", send(HttpRequest.newBuilder(URI.create(base + "/api/health"))
                .header("X-Forwarded-Proto", "https").GET()));

        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, HttpResponse<byte[]>> entry : sample.entrySet()) {
            HttpResponse<byte[]> response = entry.getValue();
            String what = entry.getKey() + " (" + response.statusCode() + ")";
            check(missing, what, response, "X-Content-Type-Options", "nosniff");
            check(missing, what, response, "X-Frame-Options", "DENY");
            check(missing, what, response, "Referrer-Policy", null);
            List<String> csp = response.headers().allValues("Content-Security-Policy");
            if (csp.size() != 1 || !csp.get(0).contains("frame-ancestors 'none'")) {
                missing.add(what + ": one CSP with frame-ancestors 'none', got " + csp);
            } else if (pages.contains(entry.getKey())) {
                if (!csp.get(0).contains("'nonce-") || csp.get(0).contains("'unsafe-inline'")) {
                    missing.add(what + ": nonce-based CSP without unsafe-inline, got " + csp);
                }
            } else if (!csp.get(0).startsWith("default-src 'none'")) {
                missing.add(what + ": default-src 'none', got " + csp);
            }
            if (response.headers().firstValue("Strict-Transport-Security").isPresent()) {
                missing.add(what + ": HSTS over plain HTTP");
            }
        }
        System.out.println("[SecurityHeadersIT] urls=" + sample.size() + " missing=" + missing.size());
        missing.forEach(m -> System.out.println("[SecurityHeadersIT] missing: " + m));
        assertTrue(missing.isEmpty(), String.join("\n", missing));
        assertEquals(200, sample.get("GET calendar .ics").statusCode(), "the real feed was sampled");
        assertEquals(200, sample.get("GET uploaded media").statusCode(), "the real upload was sampled");
        assertTrue(sample.keySet().stream().anyMatch(k -> k.startsWith("resource ")), "a Wicket resource was sampled");
    }

    private static void check(List<String> missing, String what, HttpResponse<?> response, String header,
                              String expected) {
        List<String> values = response.headers().allValues(header);
        if (values.size() != 1 || expected != null && !expected.equalsIgnoreCase(values.get(0))) {
            missing.add(what + ": " + header + " = " + values);
        }
    }

    private HttpResponse<byte[]> get(String url, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(request);
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
