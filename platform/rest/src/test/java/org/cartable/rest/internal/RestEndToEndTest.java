package org.cartable.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.cartable.api.Caller;
import org.cartable.rest.internal.errors.CartableExceptionMapper;
import org.cartable.rest.internal.errors.JsonExceptionMapper;
import org.cartable.rest.internal.errors.ProcessingExceptionMapper;
import org.cartable.rest.internal.errors.UnexpectedExceptionMapper;
import org.cartable.rest.internal.errors.WebApplicationExceptionMapper;
import org.cartable.rest.internal.json.AbsentContentType;
import org.cartable.rest.internal.json.CartableJsonProvider;
import org.cartable.core.internal.accounts.CoreClientNetwork;
import org.cartable.core.service.AuditTrail;
import org.cartable.rest.internal.resources.AuditResource;
import org.cartable.rest.internal.resources.AppsResource;
import org.cartable.rest.internal.resources.ClassAppsResource;
import org.cartable.rest.internal.resources.FeaturesResource;
import org.cartable.rest.internal.resources.HealthResource;
import org.cartable.rest.internal.resources.MeResource;
import org.cartable.rest.internal.resources.SessionResource;
import org.cartable.rest.internal.security.AuthenticationFilter;
import org.cartable.rest.internal.security.BodyLimit;
import org.cartable.rest.internal.security.SecurityHeadersFilter;
import org.cartable.rest.internal.testing.FakePlatform;
import org.cartable.rest.internal.resources.ClassAppDispatcher;
import org.cartable.rest.internal.resources.ToolDispatcher;
import org.cartable.rest.internal.testing.ProbeResources;
import org.cartable.rest.internal.testing.RestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The bundle's resources and extensions in a real CXF (the engine behind Karaf's JAX-RS whiteboard) over HTTP:
 * serialisation, filters and error mapping as a client sees them.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RestEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final FakePlatform platform = new FakePlatform();
    private final ProbeResources.CarelessBlog blog = new ProbeResources.CarelessBlog();
    private final ProbeResources.Orphan orphan = new ProbeResources.Orphan();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private RestServer server;

    private final ProbeResources.News news = new ProbeResources.News();
    private final ClassAppDispatcher dispatcher = new ClassAppDispatcher();
    private final ToolDispatcher tools = new ToolDispatcher();

    @BeforeAll
    void start() throws Exception {
        dispatcher.addResource(blog);
        dispatcher.addResource(orphan);
        tools.addResource(news);
        Set<Object> singletons = new LinkedHashSet<>(List.of(
                new CartableJsonProvider(),
                new AuthenticationFilter(platform.accounts, platform.catalog, platform.classAccess,
                        platform.directory, platform.toolAccess),
                new BodyLimit(),
                new SecurityHeadersFilter(),
                new CartableExceptionMapper(),
                new JsonExceptionMapper(),
                new WebApplicationExceptionMapper(),
                new UnexpectedExceptionMapper(),
                new ProcessingExceptionMapper(),
                new AbsentContentType(),
                new HealthResource(),
                new SessionResource(platform.accounts, platform.directory, CoreClientNetwork.create()),
                new AuditResource(platform.auditTrail),
                new MeResource(platform.directory),
                new AppsResource(platform.catalog),
                new ClassAppsResource(platform.activation),
                new FeaturesResource(platform.features, platform.auditLog),
                dispatcher,
                tools,
                new ProbeResources.Probe()));
        server = new RestServer(singletons);
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
    }

    // ---- helpers

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(server.uri(path)).timeout(Duration.ofSeconds(10));
    }

    private HttpResponse<String> send(HttpRequest.Builder builder) throws Exception {
        return http.send(builder.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> get(String path, Caller caller) throws Exception {
        return send(request(path).header("Authorization", "Bearer " + platform.tokenFor(caller)).GET());
    }

    private HttpResponse<String> postJson(String path, String body) throws Exception {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    private static void assertError(HttpResponse<String> response, int status, String code) throws Exception {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"),
                response.headers().toString());
        JsonNode body = json(response);
        assertEquals(code, body.path("error").asText(), response.body());
        assertFalse(body.path("message").asText().isBlank(), response.body());
        assertEquals(2, body.size(), "only error and message: " + response.body());
        assertFalse(response.body().contains("Exception"), response.body());
        assertFalse(response.body().contains("org."), response.body());
    }

    // ---- tests

    @Test
    void healthIsAnonymousAndCarriesSecurityHeaders() throws Exception {
        HttpResponse<String> response = send(request("health").GET());
        assertEquals(200, response.statusCode());
        assertEquals("ok", json(response).path("status").asText());
        assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(null));
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(null));
        assertEquals("no-referrer", response.headers().firstValue("Referrer-Policy").orElse(null));
        assertEquals("DENY", response.headers().firstValue("X-Frame-Options").orElse(null));
    }

    @Nested
    class Authentication {

        @Test
        void anonymousCallsAreRefusedWithJson() throws Exception {
            HttpResponse<String> response = send(request("me").GET());
            assertError(response, 401, "unauthorized");
            assertTrue(response.headers().firstValue("WWW-Authenticate").orElse("").startsWith("Bearer"));
            assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(null));
        }

        @Test
        void anonymousDoesNotLearnWhichPathsExist() throws Exception {
            assertError(send(request("no/such/path").GET()), 401, "unauthorized");
            assertError(send(request("session").DELETE()), 401, "unauthorized");
        }

        @Test
        void unknownOrRevokedTokenIsRefused() throws Exception {
            assertError(send(request("me").header("Authorization", "Bearer nope").GET()), 401, "unauthorized");
            assertError(send(request("me").header("Authorization", "Basic dXNlcjpwYXNz").GET()), 401,
                    "unauthorized");
        }

        @Test
        void bearerTokenIdentifiesTheCaller() throws Exception {
            HttpResponse<String> response = get("me", platform.teacher);
            assertEquals(200, response.statusCode(), response.body());
            JsonNode me = json(response);
            assertEquals("teacher-id", me.path("id").asText());
            assertEquals("teacher", me.path("login").asText());
            assertEquals("TEACHER", me.path("roles").path(0).asText());
            assertEquals("c1", me.path("classes").path(0).path("id").asText());
            assertEquals("École Jules Ferry", me.path("classes").path(0).path("schoolName").asText());
            assertEquals("CM1", me.path("classes").path(0).path("grades").path(0).asText());
            assertEquals(0, me.path("children").size());
        }

        @Test
        void parentSeesChildrenWithTheirClassOrNull() throws Exception {
            JsonNode me = json(get("me", platform.parent));
            assertEquals("pupil-id", me.path("children").path(0).path("id").asText());
            assertEquals("c1", me.path("children").path(0).path("class").path("id").asText());
            assertTrue(me.path("children").path(1).has("class"));
            assertTrue(me.path("children").path(1).path("class").isNull());
        }

        @Test
        void cookieWorksForReadsButStateChangesNeedTheHeader() throws Exception {
            String cookie = "CARTABLE_TOKEN=" + platform.tokenFor(platform.teacher);
            assertEquals(200, send(request("me").header("Cookie", cookie).GET()).statusCode());
            int calls = platform.activationCalls.size();
            assertError(send(request("classes/c1/apps/blog").header("Cookie", cookie)
                    .PUT(HttpRequest.BodyPublishers.noBody())), 403, "forbidden");
            assertError(send(request("classes/c1/apps/blog").header("Cookie", cookie)
                    .header("X-Requested-With", "XMLHttpRequest").PUT(HttpRequest.BodyPublishers.noBody())),
                    403, "forbidden");
            assertEquals(calls, platform.activationCalls.size(), "the service is not reached without the header");
            HttpResponse<String> allowed = send(request("classes/c1/apps/blog").header("Cookie", cookie)
                    .header("X-Requested-With", "cartable").PUT(HttpRequest.BodyPublishers.noBody()));
            assertEquals(204, allowed.statusCode(), allowed.body());
        }

        @Test
        void bearerStateChangesNeedNoHeader() throws Exception {
            HttpResponse<String> response = send(request("classes/c1/apps/blog")
                    .header("Authorization", "Bearer " + platform.tokenFor(platform.teacher))
                    .DELETE());
            assertEquals(204, response.statusCode(), response.body());
            assertTrue(platform.activationCalls.contains("disable c1 blog by teacher"));
        }
    }

    @Nested
    class Session {

        @Test
        void signInReturnsTokenUserAndCookie() throws Exception {
            Instant before = Instant.now();
            HttpResponse<String> response = postJson("session",
                    "{\"login\":\"teacher\",\"password\":\"" + FakePlatform.PASSWORD + "\"}");
            assertEquals(200, response.statusCode(), response.body());
            JsonNode body = json(response);
            String token = body.path("token").asText();
            assertFalse(token.isBlank());
            Instant expiresAt = Instant.parse(body.path("expiresAt").asText());
            assertTrue(expiresAt.isAfter(before.plus(Duration.ofHours(11))), body.toString());
            assertEquals("teacher", body.path("user").path("login").asText());
            assertEquals("c1", body.path("user").path("classes").path(0).path("id").asText());
            assertEquals("127.0.0.1", platform.lastClientAddress);
            String cookie = response.headers().firstValue("Set-Cookie").orElse("");
            assertTrue(cookie.startsWith("CARTABLE_TOKEN=" + token + ";"), cookie);
            assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict")
                    && cookie.contains("Path=/api"), cookie);
            assertFalse(cookie.contains("Secure"), "plain HTTP: " + cookie);
            // The token works.
            assertEquals(200, send(request("me").header("Authorization", "Bearer " + token).GET()).statusCode());
        }

        @Test
        void aFirstLoginCodeAsksForANewPasswordWithItsOwnCode() throws Exception {
            String code = FakePlatform.FIRST_LOGIN_CODE;
            assertError(postJson("session", "{\"login\":\"newcomer\",\"password\":\"" + code + "\"}"), 403,
                    "password_change_required");
            HttpResponse<String> response = postJson("session", "{\"login\":\"newcomer\",\"password\":\"" + code
                    + "\",\"newPassword\":\"my own secret\"}");
            assertEquals(200, response.statusCode(), response.body());
            assertEquals("newcomer", json(response).path("user").path("login").asText());
        }

        @Test
        void wrongPasswordIs401() throws Exception {
            assertError(postJson("session", "{\"login\":\"teacher\",\"password\":\"bad\"}"), 401, "unauthorized");
        }

        @Test
        void missingFieldsAre400() throws Exception {
            HttpResponse<String> response = postJson("session", "{\"login\":\"teacher\"}");
            assertError(response, 400, "bad_request");
            assertTrue(json(response).path("message").asText().contains("password"), response.body());
            assertError(postJson("session", ""), 400, "bad_request");
        }

        @Test
        void unknownFieldIsNamed() throws Exception {
            HttpResponse<String> response = postJson("session", "{\"login\":\"teacher\",\"passwrd\":\"x\"}");
            assertError(response, 400, "bad_request");
            assertEquals("Unknown field 'passwrd'.", json(response).path("message").asText());
        }

        @Test
        void wrongTypeIsNamed() throws Exception {
            HttpResponse<String> response = postJson("session", "{\"login\":[\"a\"],\"password\":\"x\"}");
            assertError(response, 400, "bad_request");
            assertTrue(json(response).path("message").asText().contains("'login'"), response.body());
        }

        @Test
        void malformedJsonIs400() throws Exception {
            HttpResponse<String> response = postJson("session", "{\"login\":\"teacher\",");
            assertError(response, 400, "bad_request");
            assertTrue(json(response).path("message").asText().startsWith("Malformed JSON"), response.body());
        }

        @Test
        void nonJsonIs415() throws Exception {
            assertError(send(request("session").header("Content-Type", "text/plain")
                    .POST(HttpRequest.BodyPublishers.ofString("login=teacher"))), 415, "unsupported_media_type");
        }

        @Test
        void throttledSignInIs429WithRetryAfter() throws Exception {
            HttpResponse<String> response = postJson("session", "{\"login\":\"locked\",\"password\":\"x\"}");
            assertError(response, 429, "too_many_requests");
            assertEquals("420", response.headers().firstValue("Retry-After").orElse(null));
        }

        @Test
        void signOutRevokesTheTokenAndClearsTheCookie() throws Exception {
            String token = platform.tokenFor(platform.pupil);
            HttpResponse<String> response = send(request("session").header("Authorization", "Bearer " + token)
                    .DELETE());
            assertEquals(204, response.statusCode(), response.body());
            assertTrue(response.headers().firstValue("Set-Cookie").orElse("").contains("Max-Age=0"));
            assertError(send(request("me").header("Authorization", "Bearer " + token).GET()), 401, "unauthorized");
        }

        @Test
        void cookieSignOutNeedsTheHeader() throws Exception {
            String token = platform.tokenFor(platform.pupil);
            assertError(send(request("session").header("Cookie", "CARTABLE_TOKEN=" + token).DELETE()), 403,
                    "forbidden");
            assertEquals(200, send(request("me").header("Authorization", "Bearer " + token).GET()).statusCode());
        }
    }

    @Nested
    class AppClassAccess {

        @Test
        void memberReachesTheAppResource() throws Exception {
            HttpResponse<String> response = get("classes/c1/blog", platform.pupil);
            assertEquals(200, response.statusCode(), response.body());
            assertEquals("pupil", json(response).path("caller").asText());
        }

        @Test
        void outsiderGets404AndTheResourceNeverRuns() throws Exception {
            int before = blog.calls.get();
            assertError(get("classes/c1/blog", platform.outsider), 404, "not_found");
            assertEquals(before, blog.calls.get());
        }

        @Test
        void disabledAppIs403WithTheServiceMessage() throws Exception {
            int before = blog.calls.get();
            HttpResponse<String> response = get("classes/c2/blog", platform.teacher);
            assertError(response, 403, "forbidden");
            assertEquals("The app 'blog' is not enabled for this class.", json(response).path("message").asText());
            assertEquals(before, blog.calls.get());
        }

        @Test
        void resourceOfAnAppMissingFromTheCatalogueStaysClosedToOutsiders() throws Exception {
            assertEquals(200, get("classes/c1/orphan", platform.parent).statusCode());
            int before = orphan.calls.get();
            assertError(get("classes/c1/orphan", platform.outsider), 404, "not_found");
            assertEquals(before, orphan.calls.get());
        }

        @Test
        void classAppsListIsLocalisedAndScoped() throws Exception {
            HttpResponse<String> response = send(request("classes/c1/apps")
                    .header("Authorization", "Bearer " + platform.tokenFor(platform.pupil))
                    .header("Accept-Language", "en-GB,en;q=0.8").GET());
            assertEquals(200, response.statusCode(), response.body());
            assertEquals("Class blog", json(response).path(0).path("name").asText());
            assertError(get("classes/c1/apps", platform.outsider), 404, "not_found");
        }

        @Test
        void anAppThatLeftAnswers404WithoutDisturbingTheOthers() throws Exception {
            dispatcher.removeResource(orphan);
            try {
                assertError(get("classes/c1/orphan", platform.parent), 404, "not_found");
                assertEquals(200, get("classes/c1/blog", platform.pupil).statusCode());
                assertEquals(200, get("classes/c1/apps", platform.pupil).statusCode());
            } finally {
                dispatcher.addResource(orphan);
        tools.addResource(news);
            }
            assertEquals(200, get("classes/c1/orphan", platform.parent).statusCode());
        }

        @Test
        void pupilCannotEnableApps() throws Exception {
            assertError(send(request("classes/c1/apps/blog")
                    .header("Authorization", "Bearer " + platform.tokenFor(platform.pupil))
                    .PUT(HttpRequest.BodyPublishers.noBody())), 403, "forbidden");
        }
    }

    @Nested
    class Catalogue {

        @Test
        void appsAreFrenchByDefault() throws Exception {
            HttpResponse<String> response = get("apps", platform.teacher);
            assertEquals(200, response.statusCode(), response.body());
            JsonNode blogApp = json(response).path(0);
            assertEquals("blog", blogApp.path("id").asText());
            assertEquals("Blog de la classe", blogApp.path("name").asText());
            assertEquals("1.2.0", blogApp.path("version").asText());
            assertEquals("CLASS", blogApp.path("scope").asText());
            assertEquals("[\"PUPIL\",\"TEACHER\"]", blogApp.path("roles").toString());
        }

        @Test
        void aFailedAppShowsItsStatusToAllAndItsReasonToOperatorsOnly() throws Exception {
            JsonNode forOperator = json(get("apps", platform.operator));
            assertEquals("ACTIVE", forOperator.path(0).path("status").asText());
            assertTrue(forOperator.path(0).path("problem").isNull(), forOperator::toString);
            assertEquals("FAILED", forOperator.path(1).path("status").asText());
            assertEquals(FakePlatform.NEWS_PROBLEM, forOperator.path(1).path("problem").asText());

            JsonNode forTeacher = json(get("apps", platform.teacher));
            assertEquals("FAILED", forTeacher.path(1).path("status").asText());
            assertTrue(forTeacher.path(1).path("problem").isNull(), forTeacher::toString);
        }

        @Test
        void appsFollowAcceptLanguage() throws Exception {
            HttpResponse<String> response = send(request("apps")
                    .header("Authorization", "Bearer " + platform.tokenFor(platform.teacher))
                    .header("Accept-Language", "de;q=1, en;q=0.5").GET());
            assertEquals("Class blog", json(response).path(0).path("name").asText());
        }

        @Test
        void malformedAcceptLanguageFallsBackToFrench() throws Exception {
            for (String malformed : new String[] {";q=1", "xx-;;;"}) {
                HttpResponse<String> response = send(request("apps")
                        .header("Authorization", "Bearer " + platform.tokenFor(platform.teacher))
                        .header("Accept-Language", malformed).GET());
                assertEquals(200, response.statusCode(), () -> malformed + " -> " + response.body());
                assertEquals("Blog de la classe", json(response).path(0).path("name").asText());
            }
        }
    }

    @Nested
    class Features {

        @Test
        void onlyOperatorsAndPlatformAdmins() throws Exception {
            assertError(get("admin/features", platform.teacher), 403, "forbidden");
            assertError(send(request("admin/features/cartable-agenda")
                    .header("Authorization", "Bearer " + platform.tokenFor(platform.teacher))
                    .PUT(HttpRequest.BodyPublishers.noBody())), 403, "forbidden");
            assertFalse(platform.isFeatureInstalled("cartable-agenda"));
        }

        @Test
        void listShowsAppFeaturesOnly() throws Exception {
            HttpResponse<String> response = get("admin/features", platform.operator);
            assertEquals(200, response.statusCode(), response.body());
            JsonNode list = json(response);
            assertEquals(2, list.size(), response.body());
            assertEquals("cartable-agenda", list.path(0).path("name").asText());
            assertEquals("1.0.0", list.path(0).path("version").asText());
            assertTrue(list.path(1).path("installed").asBoolean());
        }

        @Test
        void installAndUninstallWithoutRefresh() throws Exception {
            String token = platform.tokenFor(platform.operator);
            HttpResponse<String> installed = send(request("admin/features/cartable-agenda")
                    .header("Authorization", "Bearer " + token).PUT(HttpRequest.BodyPublishers.noBody()));
            assertEquals(204, installed.statusCode(), installed.body());
            assertTrue(platform.featureCalls.contains("install cartable-agenda [NoAutoRefreshBundles]"),
                    platform.featureCalls.toString());
            HttpResponse<String> removed = send(request("admin/features/cartable-agenda")
                    .header("Authorization", "Bearer " + token).DELETE());
            assertEquals(204, removed.statusCode(), removed.body());
            assertTrue(platform.featureCalls.contains("uninstall cartable-agenda [NoAutoRefreshBundles]"),
                    platform.featureCalls.toString());
            assertFalse(platform.isFeatureInstalled("cartable-agenda"));
            List<String> audited = platform.audited.stream()
                    .filter(e -> "cartable-agenda".equals(e.target()))
                    .map(e -> e.type() + " by " + e.actorLogin()).toList();
            assertEquals(List.of("app.install by operator", "app.uninstall by operator"), audited);
        }

        @Test
        void platformAndForeignFeaturesAreOutOfReach() throws Exception {
            String token = platform.tokenFor(platform.operator);
            for (String name : List.of("cartable-platform", "cartable-all", "webconsole", "cartable-nope")) {
                assertError(send(request("admin/features/" + name).header("Authorization", "Bearer " + token)
                        .DELETE()), 404, "not_found");
            }
            assertTrue(platform.isFeatureInstalled("cartable-platform"));
        }
    }

    @Nested
    class ErrorsAndLimits {

        @Test
        void unknownPathForASignedInCallerIs404() throws Exception {
            assertError(get("no/such/path", platform.teacher), 404, "not_found");
        }

        @Test
        void wrongMethodIs405() throws Exception {
            HttpResponse<String> response = send(request("me")
                    .header("Authorization", "Bearer " + platform.tokenFor(platform.teacher))
                    .DELETE());
            assertError(response, 405, "method_not_allowed");
        }

        @Test
        void nonJsonAcceptIs406InJson() throws Exception {
            HttpResponse<String> response = send(request("me")
                    .header("Authorization", "Bearer " + platform.tokenFor(platform.teacher))
                    .header("Accept", "text/html").GET());
            assertError(response, 406, "not_acceptable");
        }

        @Test
        void anonymousHealthAlsoAnswersHead() throws Exception {
            HttpResponse<String> response = send(request("health").method("HEAD", HttpRequest.BodyPublishers.noBody()));
            assertEquals(200, response.statusCode());
        }

        @Test
        void unexpectedFailureIs500WithAReferenceOnly() throws Exception {
            HttpResponse<String> response = get("probe/boom", platform.teacher);
            assertError(response, 500, "internal_error");
            assertFalse(response.body().contains("hunter2"), response.body());
            assertTrue(json(response).path("message").asText().matches(".*[0-9a-f-]{36}.*"), response.body());
        }

        @Test
        void datesAreIsoStringsBothWays() throws Exception {
            HttpResponse<String> response = send(request("probe/echo")
                    .header("Authorization", "Bearer " + platform.tokenFor(platform.teacher))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "{\"title\":\"t\",\"at\":\"2026-11-29T10:30:00+01:00\",\"day\":\"2026-11-29\","
                                    + "\"marks\":[1,2]}")));
            assertEquals(200, response.statusCode(), response.body());
            assertEquals("2026-11-29T09:30:00Z", json(response).path("at").asText());
            assertEquals("2026-11-29", json(response).path("day").asText());
        }

        @Test
        void badDateAndNestedTypeErrorsNameTheField() throws Exception {
            String token = "Bearer " + platform.tokenFor(platform.teacher);
            HttpResponse<String> badDate = send(request("probe/echo").header("Authorization", token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"at\":\"yesterday\"}")));
            assertError(badDate, 400, "bad_request");
            assertTrue(json(badDate).path("message").asText().contains("'at'"), badDate.body());
            HttpResponse<String> badMark = send(request("probe/echo").header("Authorization", token)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"marks\":[1,\"x\"]}")));
            assertError(badMark, 400, "bad_request");
            assertTrue(json(badMark).path("message").asText().contains("'marks[1]'"), badMark.body());
        }

        @Test
        void anOptionalBodyMayBeLeftOutWithoutAContentType() throws Exception {
            HttpResponse<String> response = send(request("probe/optional")
                    .header("Authorization", "Bearer " + platform.tokenFor(platform.teacher))
                    .POST(HttpRequest.BodyPublishers.noBody()));
            assertEquals(200, response.statusCode(), response.body());
            assertFalse(json(response).path("sent").asBoolean(true), response.body());
        }

        @Test
        void aBodyThatIsNotJsonIs415NotA500() throws Exception {
            String token = "Bearer " + platform.tokenFor(platform.teacher);
            assertError(send(request("probe/optional").header("Authorization", token)
                    .header("Content-Type", "text/plain")
                    .POST(HttpRequest.BodyPublishers.ofString("zz"))), 415, "unsupported_media_type");
            assertError(send(request("probe/optional").header("Authorization", token)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"t\"}"))), 415, "unsupported_media_type");
        }

        @Test
        void declaredLargeBodyIs413() throws Exception {
            byte[] body = new byte[(int) BodyLimit.MAX_BYTES + 1];
            HttpResponse<String> response = send(request("probe/echo")
                    .header("Authorization", "Bearer " + platform.tokenFor(platform.teacher))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)));
            assertError(response, 413, "payload_too_large");
        }

        @Test
        void chunkedLargeBodyIs413() throws Exception {
            // A valid JSON document just over the limit, sent without Content-Length.
            StringBuilder json = new StringBuilder("{\"title\":\"");
            json.append("a".repeat((int) BodyLimit.MAX_BYTES));
            json.append("\"}");
            byte[] bytes = json.toString().getBytes(StandardCharsets.UTF_8);
            HttpResponse<String> response = send(request("probe/echo")
                    .header("Authorization", "Bearer " + platform.tokenFor(platform.teacher))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))));
            assertNotEquals(200, response.statusCode());
            assertError(response, 413, "payload_too_large");
        }

        @Test
        void anUploadParameterMayDeclareALargerLimit() throws Exception {
            byte[] twoMebibytes = new byte[2 * 1024 * 1024];
            HttpResponse<String> declared = send(request("classes/c1/blog/upload")
                    .header("Authorization", "Bearer " + platform.tokenFor(platform.teacher))
                    .header("Content-Type", "application/octet-stream")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(twoMebibytes)));
            assertEquals(200, declared.statusCode(), declared.body());
            assertEquals(twoMebibytes.length, json(declared).path("bytes").asInt());

            HttpResponse<String> chunked = send(request("classes/c1/blog/upload")
                    .header("Authorization", "Bearer " + platform.tokenFor(platform.teacher))
                    .header("Content-Type", "application/octet-stream")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(twoMebibytes))));
            assertEquals(200, chunked.statusCode(), chunked.body());
        }

        @Test
        void anUploadOverItsDeclaredLimitIs413() throws Exception {
            byte[] tooBig = new byte[(int) ProbeResources.UPLOAD_MAX + 1];
            HttpResponse<String> declared = send(request("classes/c1/blog/upload")
                    .header("Authorization", "Bearer " + platform.tokenFor(platform.teacher))
                    .header("Content-Type", "application/octet-stream")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(tooBig)));
            assertError(declared, 413, "payload_too_large");
            assertTrue(json(declared).path("message").asText().contains("3 MiB"), declared.body());

            HttpResponse<String> chunked = send(request("classes/c1/blog/upload")
                    .header("Authorization", "Bearer " + platform.tokenFor(platform.teacher))
                    .header("Content-Type", "application/octet-stream")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(tooBig))));
            assertError(chunked, 413, "payload_too_large");
        }

        @Test
        void bodyJustUnderTheLimitIsAccepted() throws Exception {
            String json = "{\"title\":\"" + "a".repeat((int) BodyLimit.MAX_BYTES - 20) + "\"}";
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            HttpResponse<String> response = send(request("probe/echo")
                    .header("Authorization", "Bearer " + platform.tokenFor(platform.teacher))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))));
            assertEquals(200, response.statusCode(), response.body().substring(0, 100));
        }
    }

    @Nested
    class Tools {

        @Test
        void holderOfOneOfTheToolsRolesReachesItsResource() throws Exception {
            HttpResponse<String> response = get("tools/news/latest", platform.teacher);
            assertEquals(200, response.statusCode(), response.body());
            assertEquals("teacher", json(response).path("caller").asText());
        }

        @Test
        void otherRolesAreRefusedBeforeTheToolRuns() throws Exception {
            int before = news.calls.get();
            assertError(get("tools/news/latest", platform.operator), 403, "forbidden");
            assertError(send(request("tools/news/latest").GET()), 401, "unauthorized");
            assertEquals(before, news.calls.get(), "the tool's code never ran");
        }

        @Test
        void classAppsAndUnknownAppsAreNoTools() throws Exception {
            assertError(get("tools/blog/latest", platform.teacher), 404, "not_found");
            assertError(get("tools/nothing/latest", platform.teacher), 404, "not_found");
        }
    }

    @Nested
    class AuditLogEndpoint {

        @Test
        void operatorsReadWithFiltersPassedThrough() throws Exception {
            HttpResponse<String> response = get("admin/audit?from=2026-11-01&to=2026-11-29T15:00:00Z"
                    + "&type=login.&actor=teacher&limit=20&before=99", platform.operator);
            assertEquals(200, response.statusCode(), response.body());
            JsonNode page = json(response);
            assertEquals("login.success", page.path("entries").path(0).path("type").asText(), response.body());
            assertEquals("2026-11-29T10:00:00Z", page.path("entries").path(0).path("at").asText());
            assertEquals(7, page.path("next").asLong());
            AuditTrail.Query query = platform.auditQueries.get(platform.auditQueries.size() - 1);
            assertEquals(new AuditTrail.Query(Instant.parse("2026-11-01T00:00:00Z"),
                    Instant.parse("2026-11-29T15:00:00Z"), "login.", "teacher", 99L, 20), query);
        }

        @Test
        void othersAreRefusedBeforeTheLogIsRead() throws Exception {
            int asked = platform.auditQueries.size();
            for (Caller refused : List.of(platform.teacher, platform.parent, platform.pupil)) {
                assertError(get("admin/audit", refused), 403, "forbidden");
            }
            assertError(send(request("admin/audit").GET()), 401, "unauthorized");
            assertEquals(asked, platform.auditQueries.size());
        }

        @Test
        void badParametersAre400() throws Exception {
            for (String query : List.of("from=yesterday", "limit=0", "limit=501", "limit=x", "before=-1",
                    "type=" + "a".repeat(61))) {
                assertError(get("admin/audit?" + query, platform.operator), 400, "bad_request");
            }
        }

        @Test
        void thereIsNoWayToWrite() throws Exception {
            String token = platform.tokenFor(platform.operator);
            for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
                HttpResponse<String> response = send(request("admin/audit").header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofString("{}")));
                assertEquals(405, response.statusCode(), method + ": " + response.body());
            }
        }
    }
}
