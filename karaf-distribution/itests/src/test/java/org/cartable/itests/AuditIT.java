package org.cartable.itests;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.cartable.itests.Demo.assertNoStackTrace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The audit log through the running platform: sign-ins (good and bad), sign-outs and activation changes show up for
 * operators and platform administrators, never with a password; teachers and directors are refused; nothing writes.
 */
@ExtendWith(CartableExtension.class)
@Order(4) // class order: see junit-platform.properties
class AuditIT {

    @Test
    void signInsSignOutsAndActivationsAreVisibleToOperators(CartableServer server) {
        Instant since = Instant.now().minusSeconds(1); // same clock as the server: leave out earlier tests' sign-ins
        String wrong = "wrong-" + System.nanoTime();
        CartableServer.Response failed = server.post(null, "/api/session", Map.of("login", "teacher3", "password", wrong));
        assertEquals(401, failed.status(), failed::toString);
        String token = server.login("teacher3");
        assertEquals(204, server.delete(token, "/api/session").status());

        String a1 = Demo.classA1(server);
        String teacher = server.token("teacher");
        boolean blogWasEnabled = Demo.ids(server.get(teacher, "/api/classes/" + a1 + "/apps").json()).contains("blog");
        // a change of state each way, ending as the demo had it
        String first = blogWasEnabled ? "DELETE" : "PUT";
        String second = blogWasEnabled ? "PUT" : "DELETE";
        assertEquals(204, server.send(first, teacher, "/api/classes/" + a1 + "/apps/blog", null).status());
        assertEquals(204, server.send(second, teacher, "/api/classes/" + a1 + "/apps/blog", null).status());

        CartableServer.Response read = server.get(server.token("operator"), "/api/admin/audit?actor=teacher3&from="
                + URLEncoder.encode(since.toString(), StandardCharsets.UTF_8) + "&limit=50");
        assertEquals(200, read.status(), read::toString);
        assertFalse(read.body().contains(wrong), "no password in the audit log: " + read.body());
        List<String> types = new ArrayList<>();
        List<JsonNode> sessionEvents = new ArrayList<>();
        // Other tests act as teacher3 too (FuzzIT switches apps of their class): keep the sign-in events only.
        read.json().path("entries").forEach(e -> {
            if (e.path("type").asText().startsWith("log")) {
                types.add(e.path("type").asText());
                sessionEvents.add(e);
            }
        });
        // newest first
        assertEquals(List.of("logout", "login.success", "login.failure"), types, read::toString);
        JsonNode failure = sessionEvents.get(2);
        assertEquals("wrong password", failure.path("detail").asText(), failure::toString);
        assertFalse(failure.path("address").asText().isBlank(), failure::toString);
        assertFalse(failure.path("at").asText().isBlank(), failure::toString);

        CartableServer.Response activations = server.get(server.token("admin"), "/api/admin/audit?type=app.activation"
                + "&actor=teacher&limit=2");
        assertEquals(200, activations.status(), activations::toString);
        JsonNode entries = activations.json().path("entries");
        assertEquals(2, entries.size(), activations::toString);
        assertEquals(a1 + "/blog", entries.path(0).path("target").asText(), activations::toString);
        assertEquals(blogWasEnabled ? "enabled" : "disabled", entries.path(0).path("detail").asText());
        assertEquals(blogWasEnabled ? "disabled" : "enabled", entries.path(1).path("detail").asText());

        CartableServer.Response unknown = server.post(null, "/api/session",
                Map.of("login", "nobody-" + System.nanoTime(), "password", "x"));
        assertEquals(401, unknown.status());
        CartableServer.Response failures = server.get(server.token("operator"), "/api/admin/audit?type=login.failure"
                + "&limit=1");
        assertEquals("unknown login", failures.json().path("entries").path(0).path("detail").asText(),
                failures::toString);
        int n = types.size() + entries.size() + 1;
        System.out.println("[AuditIT] events checked=" + n + " passwords in log=0");
    }

    @Test
    void teachersDirectorsAndAnonymousAreRefused(CartableServer server) {
        for (String login : List.of("teacher", "director", "parent", "coladmin")) {
            CartableServer.Response refused = server.get(server.token(login), "/api/admin/audit");
            assertEquals(403, refused.status(), () -> login + ": " + refused);
            assertEquals("forbidden", refused.json().path("error").asText(), refused::toString);
            assertFalse(refused.body().contains("login."), "nothing of the log leaks: " + refused.body());
            assertNoStackTrace(refused);
        }
        CartableServer.Response anonymous = server.get(null, "/api/admin/audit");
        assertEquals(401, anonymous.status(), anonymous::toString);
    }

    @Test
    void nothingChangesTheLogThroughTheApi(CartableServer server) {
        String operator = server.token("operator");
        for (String method : List.of("POST", "PUT", "DELETE")) {
            CartableServer.Response r = server.send(method, operator, "/api/admin/audit", Map.of());
            assertEquals(405, r.status(), () -> method + ": " + r);
            assertNoStackTrace(r);
        }
        CartableServer.Response bad = server.get(operator, "/api/admin/audit?limit=100000");
        assertEquals(400, bad.status(), bad::toString);
        assertNoStackTrace(bad);
    }
}
