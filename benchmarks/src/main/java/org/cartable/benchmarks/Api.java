package org.cartable.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/** A small blocking client of Cartable's REST API (JSON in and out, bearer tokens). */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final HttpClient http;

    Api(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    String base() {
        return base;
    }

    record Response(int status, String body, byte[] bytes) {
        JsonNode json() {
            try {
                return body == null || body.isBlank() ? MissingNode.getInstance() : JSON.readTree(body);
            } catch (IOException e) {
                return MissingNode.getInstance();
            }
        }

        Response ok(String what) {
            if (status / 100 != 2) {
                throw new IllegalStateException(what + " -> " + status + " "
                        + (body == null ? "" : body.substring(0, Math.min(400, body.length()))));
            }
            return this;
        }
    }

    String signIn(String login, String password) {
        return send("POST", null, "/api/session", Map.of("login", login, "password", password))
                .ok("sign-in of " + login).json().path("token").asText();
    }

    Response get(String token, String path) {
        return send("GET", token, path, null);
    }

    Response post(String token, String path, Object body) {
        return send("POST", token, path, body);
    }

    Response put(String token, String path, Object body) {
        return send("PUT", token, path, body);
    }

    Response delete(String token, String path) {
        return send("DELETE", token, path, null);
    }

    Response send(String method, String token, String path, Object body) {
        try {
            String json = body == null ? null : JSON.writeValueAsString(body);
            HttpRequest.Builder request = builder(token, path).header("Accept", "application/json");
            if (json != null) {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
            } else {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            }
            return send(request.build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Response sendBytes(String method, String token, String path, byte[] bytes, String contentType) {
        return send(builder(token, path).header("Content-Type", contentType)
                .method(method, HttpRequest.BodyPublishers.ofByteArray(bytes)).build());
    }

    Response getBytes(String token, String path, String language) {
        return send(builder(token, path).header("Accept-Language", language).GET().build());
    }

    HttpRequest.Builder builder(String token, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request;
    }

    Response send(HttpRequest request) {
        for (int attempt = 1; ; attempt++) {
            try {
                HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                // 503 = the app is (re)starting under us (whiteboard rebuild): retry a few times.
                if (response.statusCode() == 503 && attempt < 5) {
                    Thread.sleep(500L * attempt);
                    continue;
                }
                return new Response(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8),
                        response.body());
            } catch (IOException e) {
                if (attempt >= 3) {
                    throw new UncheckedIOException(request.method() + " " + request.uri(), e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
