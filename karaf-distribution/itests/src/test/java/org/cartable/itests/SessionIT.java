package org.cartable.itests;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.cartable.itests.Demo.CLASS_A1;
import static org.cartable.itests.Demo.CLASS_B1;
import static org.cartable.itests.Demo.SCHOOL_A;
import static org.cartable.itests.Demo.SCHOOL_B;
import static org.cartable.itests.Demo.assertNoStackTrace;
import static org.cartable.itests.Demo.texts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Sign-in, {@code /api/me} per demo role, sign-out, throttling and the refusal of bad requests. */
@ExtendWith(CartableExtension.class)
@Order(2) // class order: see junit-platform.properties
@TestMethodOrder(MethodOrderer.OrderAnnotation.class) // the throttling test locks pupil2 out: it runs last
class SessionIT {

    @Order(1)
    @ParameterizedTest(name = "{0} signs in as {1}")
    @CsvSource({
            "teacher,  TEACHER",
            "teacher2, TEACHER",
            "teacher3, TEACHER",
            "director, DIRECTOR",
            "pupil,    PUPIL",
            "pupilb,   PUPIL",
            "pupil2,   PUPIL",
            "parent,   PARENT",
            "parent2,  PARENT",
            "operator, OPERATOR",
            "admin,    PLATFORM_ADMIN",
            "coladmin, COLLECTIVITY_ADMIN"})
    void signInAndMe(String login, String role, CartableServer server) {
        CartableServer.Response session = server.post(null, "/api/session", Map.of("login", login, "password", "demo"));
        assertEquals(200, session.status(), session::toString);
        JsonNode body = session.json();
        assertFalse(body.path("token").asText().isBlank(), "token: " + body);
        assertFalse(body.path("expiresAt").asText().isBlank(), "expiresAt: " + body);
        assertEquals(login, body.path("user").path("login").asText(), "user of the session: " + body);

        CartableServer.Response me = server.get(body.path("token").asText(), "/api/me");
        assertEquals(200, me.status(), me::toString);
        JsonNode json = me.json();
        assertEquals(login, json.path("login").asText());
        assertEquals(36, json.path("id").asText().length(), () -> "UUID id: " + json);
        Set<String> actualRoles = new HashSet<>();
        json.path("roles").forEach(r -> actualRoles.add(r.asText()));
        assertTrue(actualRoles.contains(role), () -> login + " should hold " + role + ": " + json);

        List<String> classNames = texts(json.path("classes"), "name");
        List<String> schools = texts(json.path("classes"), "schoolName");
        switch (login) {
            case "teacher" -> {
                assertTrue(classNames.contains(CLASS_A1), () -> "teacher teaches A1: " + json);
                assertTrue(schools.stream().allMatch(SCHOOL_A::equals), () -> "only school A: " + json);
            }
            case "teacher2" -> {
                assertEquals(List.of(CLASS_B1), classNames, () -> "teacher2 teaches B1 only: " + json);
                assertEquals(List.of(SCHOOL_B), schools);
            }
            case "teacher3" -> {
                assertFalse(classNames.isEmpty(), () -> "teacher3 teaches A2: " + json);
                assertFalse(classNames.contains(CLASS_A1), () -> "teacher3 does not teach A1: " + json);
                assertTrue(schools.stream().allMatch(SCHOOL_A::equals), () -> "only school A: " + json);
            }
            case "director" -> {
                assertTrue(classNames.contains(CLASS_A1), () -> "the director sees the classes of school A: " + json);
                assertTrue(classNames.size() >= 2, () -> "A1 and A2: " + json);
                assertTrue(schools.stream().allMatch(SCHOOL_A::equals), () -> "only school A: " + json);
            }
            case "pupil" -> {
                assertEquals(List.of(CLASS_A1), classNames, () -> "Léa attends A1: " + json);
                assertTrue(json.path("displayName").asText().contains("Léa"), () -> "Léa: " + json);
            }
            case "pupil2" -> assertEquals(List.of(CLASS_A1), classNames, () -> "pupil2 attends A1: " + json);
            case "pupilb" -> {
                assertEquals(List.of(CLASS_B1), classNames, () -> "Hugo attends B1: " + json);
                assertTrue(json.path("displayName").asText().contains("Hugo"), () -> "Hugo: " + json);
            }
            case "parent" -> {
                JsonNode children = json.path("children");
                assertEquals(2, children.size(), () -> "parent has two children: " + json);
                Set<String> childClasses = new HashSet<>();
                Set<String> childSchools = new HashSet<>();
                children.forEach(c -> {
                    childClasses.add(c.path("class").path("name").asText());
                    childSchools.add(c.path("class").path("schoolName").asText());
                });
                assertEquals(Set.of(CLASS_A1, CLASS_B1), childClasses, () -> "children's classes: " + json);
                assertEquals(Set.of(SCHOOL_A, SCHOOL_B), childSchools, () -> "two schools: " + json);
                assertTrue(texts(children, "displayName").stream().anyMatch(n -> n.contains("Léa")), json::toString);
                assertTrue(texts(children, "displayName").stream().anyMatch(n -> n.contains("Hugo")), json::toString);
            }
            case "parent2" -> {
                JsonNode children = json.path("children");
                assertEquals(1, children.size(), () -> "parent2 has one child: " + json);
                assertEquals(CLASS_A1, children.get(0).path("class").path("name").asText(), json::toString);
            }
            default -> {
                // operator, admin, coladmin: platform roles, checked above
            }
        }
    }

    @Order(2)
    @Test
    void wrongPasswordAndUnknownLoginGetTheSame401(CartableServer server) {
        CartableServer.Response wrongPassword = server.post(null, "/api/session",
                Map.of("login", "operator", "password", "not-the-password"));
        CartableServer.Response unknownLogin = server.post(null, "/api/session",
                Map.of("login", "nobody-" + System.nanoTime(), "password", "demo"));
        assertEquals(401, wrongPassword.status(), wrongPassword::toString);
        assertEquals(401, unknownLogin.status(), unknownLogin::toString);
        assertEquals("unauthorized", wrongPassword.json().path("error").asText(), wrongPassword::toString);
        assertEquals(wrongPassword.body(), unknownLogin.body(), "an outsider must not learn which logins exist");
        assertNoStackTrace(wrongPassword);
        // The account still works.
        assertNotNull(server.login("operator"));
    }

    @Order(3)
    @Test
    void signOutRevokesTheToken(CartableServer server) {
        String token = server.login("teacher3");
        assertEquals(200, server.get(token, "/api/me").status());
        CartableServer.Response out = server.delete(token, "/api/session");
        assertEquals(204, out.status(), out::toString);
        CartableServer.Response after = server.get(token, "/api/me");
        assertEquals(401, after.status(), () -> "revoked token: " + after);
        assertEquals("unauthorized", after.json().path("error").asText(), after::toString);
        assertNoStackTrace(after);
    }

    @Order(4)
    @Test
    void noTokenOrBadToken401(CartableServer server) {
        for (String path : List.of("/api/me", "/api/apps")) {
            CartableServer.Response none = server.get(null, path);
            assertEquals(401, none.status(), none::toString);
            assertEquals("unauthorized", none.json().path("error").asText(), none::toString);
            assertNoStackTrace(none);
            CartableServer.Response forged = server.get("00000000-0000-0000-0000-000000000000", path);
            assertEquals(401, forged.status(), forged::toString);
        }
        CartableServer.Response health = server.get(null, "/api/health");
        assertEquals(200, health.status(), "health needs no sign-in: " + health);
    }

    @Order(5)
    @Test
    void malformedJson400(CartableServer server) {
        CartableServer.Response r = server.post(null, "/api/session", "{\"login\": \"teacher\", \"password\": ");
        assertEquals(400, r.status(), r::toString);
        assertTrue(r.isJson(), () -> "JSON error body: " + r);
        assertEquals("bad_request", r.json().path("error").asText(), r::toString);
        assertNoStackTrace(r);
    }

    @Order(6)
    @Test
    void unknownField400(CartableServer server) {
        CartableServer.Response r = server.post(null, "/api/session",
                "{\"login\":\"teacher\",\"password\":\"demo\",\"rememberMe\":true}");
        assertEquals(400, r.status(), r::toString);
        assertEquals("bad_request", r.json().path("error").asText(), r::toString);
        assertNoStackTrace(r);
    }

    @Order(7)
    @Test
    void bodyOverOneMebibyte413(CartableServer server) {
        String big = "{\"login\":\"" + "a".repeat(2 * 1024 * 1024) + "\",\"password\":\"demo\"}";
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/session"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(big, StandardCharsets.UTF_8))
                .build();
        CartableServer.Response r = server.send(request);
        assertEquals(413, r.status(), r::toString);
        assertEquals("payload_too_large", r.json().path("error").asText(), r::toString);
        assertNoStackTrace(r);
    }

    @Order(8)
    @Test
    void unknownCharset415(CartableServer server) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/session"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json; charset=xyz")
                .POST(HttpRequest.BodyPublishers.ofString("{\"login\":\"teacher\",\"password\":\"demo\"}"))
                .build();
        CartableServer.Response r = server.send(request);
        assertEquals(415, r.status(), r::toString);
        assertEquals("unsupported_media_type", r.json().path("error").asText(), r::toString);
        assertNoStackTrace(r);
    }

    @Order(9)
    @Test
    void malformedAcceptLanguageIsNotAnError(CartableServer server) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/apps"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + server.token("teacher"))
                .header("Accept-Language", ";q=1")
                .GET()
                .build();
        CartableServer.Response r = server.send(request);
        assertEquals(200, r.status(), r::toString);
    }

    @Order(10)
    @Test
    void everySignInGetsANewTokenInAnHttpOnlyCookieAndSignOutKillsItServerSide(CartableServer server) {
        CartableServer.Response first = server.post(null, "/api/session", Map.of("login", "teacher3", "password", "demo"));
        CartableServer.Response second = server.post(null, "/api/session", Map.of("login", "teacher3", "password", "demo"));
        assertEquals(200, first.status(), first::toString);
        String token = first.json().path("token").asText();
        assertFalse(token.equals(second.json().path("token").asText()), "each sign-in issues a new token");
        String cookie = first.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("CARTABLE_TOKEN=")).findFirst().orElseThrow();
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"), cookie);
        assertTrue(cookie.startsWith("CARTABLE_TOKEN=" + token + ";"), cookie);

        // The cookie and the bearer header are the same session: signing out by one kills the other.
        HttpRequest byCookie = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/me"))
                .timeout(Duration.ofSeconds(30)).header("Cookie", "CARTABLE_TOKEN=" + token).GET().build();
        assertEquals(200, server.send(byCookie).status());
        assertEquals(204, server.delete(token, "/api/session").status());
        CartableServer.Response replayed = server.send(byCookie);
        assertEquals(401, replayed.status(), () -> "the revoked token replayed as a cookie: " + replayed);
        assertEquals(401, server.delete(token, "/api/session").status(), "signing out twice");
        assertEquals(200, server.get(second.json().path("token").asText(), "/api/me").status(),
                "the other session of the same person lives on");
        server.delete(second.json().path("token").asText(), "/api/session");
    }

    @Order(99)
    @Test
    void unknownLoginsAreThrottledLikeKnownOnes(CartableServer server) {
        String ghost = "ghost-" + System.nanoTime();
        for (int attempt = 1; attempt <= 5; attempt++) {
            CartableServer.Response r = server.post(null, "/api/session", Map.of("login", ghost, "password", "x" + attempt));
            assertEquals(401, r.status(), r::toString);
        }
        CartableServer.Response sixth = server.post(null, "/api/session", Map.of("login", ghost, "password", "x6"));
        assertEquals(429, sixth.status(), () -> "an unknown login is locked like a known one: " + sixth);
        assertEquals("too_many_requests", sixth.json().path("error").asText(), sixth::toString);
        assertTrue(sixth.headers().firstValue("Retry-After").isPresent(), sixth::toString);
    }

    @Order(100)
    @Test
    void sixthFailedSignInOfALoginIsThrottled(CartableServer server) {
        // pupil2 is used by no other IT once this class has checked its /api/me (order 1).
        for (int attempt = 1; attempt <= 5; attempt++) {
            CartableServer.Response r = server.post(null, "/api/session", Map.of("login", "pupil2", "password", "wrong" + attempt));
            int n = attempt;
            assertEquals(401, r.status(), () -> "failed attempt " + n + ": " + r);
        }
        CartableServer.Response sixth = server.post(null, "/api/session", Map.of("login", "pupil2", "password", "wrong6"));
        assertEquals(429, sixth.status(), sixth::toString);
        assertEquals("too_many_requests", sixth.json().path("error").asText(), sixth::toString);
        assertTrue(sixth.headers().firstValue("Retry-After").map(v -> Long.parseLong(v.trim()) > 0).orElse(false),
                () -> "Retry-After seconds: " + sixth.headers().map());
        assertNoStackTrace(sixth);
    }
}
