package org.cartable.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.cartable.api.Caller;
import org.cartable.api.CartableException;
import org.cartable.core.service.NotificationFeed;
import org.cartable.rest.internal.errors.CartableExceptionMapper;
import org.cartable.rest.internal.errors.JsonExceptionMapper;
import org.cartable.rest.internal.errors.UnexpectedExceptionMapper;
import org.cartable.rest.internal.errors.WebApplicationExceptionMapper;
import org.cartable.rest.internal.json.CartableJsonProvider;
import org.cartable.rest.internal.resources.FeedResource;
import org.cartable.rest.internal.resources.MeResource;
import org.cartable.rest.internal.resources.NotificationPreferencesResource;
import org.cartable.rest.internal.security.AuthenticationFilter;
import org.cartable.rest.internal.testing.FakePlatform;
import org.cartable.rest.internal.testing.RestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The feed and preferences resources over HTTP in a real CXF: shapes, routes beside /me, status codes. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FeedRestTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final FakePlatform platform = new FakePlatform();
    private final FakeFeed feed = new FakeFeed();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private RestServer server;

    @BeforeAll
    void start() throws Exception {
        server = new RestServer(new LinkedHashSet<>(List.of(
                new CartableJsonProvider(),
                new AuthenticationFilter(platform.accounts, platform.catalog, platform.classAccess,
                        platform.directory, platform.toolAccess),
                new CartableExceptionMapper(), new JsonExceptionMapper(), new WebApplicationExceptionMapper(),
                new UnexpectedExceptionMapper(),
                new MeResource(platform.directory),
                new FeedResource(feed),
                new NotificationPreferencesResource(feed))));
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
    }

    private HttpResponse<String> send(Caller caller, String path, String method, String body, String language)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + platform.tokenFor(caller))
                .header("Accept-Language", language)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void theFeedHasTheDocumentedShape() throws Exception {
        feed.items.clear();
        feed.items.add(new Owned(platform.parent.userId(), new NotificationFeed.Entry("i1", "blog", "Class blog", "📝",
                "blog.post-published", "c1", "pupil-id", "Pupil", "New post", "blog/c1/post/p1",
                Instant.parse("2026-11-29T09:30:00Z"), false)));

        HttpResponse<String> response = send(platform.parent, "me/feed?app=blog&unread=true&limit=10", "GET", null,
                "en");
        assertEquals(200, response.statusCode(), response.body());
        JsonNode body = JSON.readTree(response.body());
        assertEquals(1, body.path("unread").asInt());
        JsonNode item = body.path("items").path(0);
        List<String> fields = new ArrayList<>();
        item.fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("id", "appId", "appName", "type", "classId", "childId", "childName", "text", "link",
                "createdAt", "read"), fields);
        assertEquals("2026-11-29T09:30:00Z", item.path("createdAt").asText());
        assertFalse(item.path("read").asBoolean());
        assertEquals("blog|true|10|en", feed.lastQuery);

        // /api/me itself still answers beside its sub-resources
        assertEquals(200, send(platform.parent, "me", "GET", null, "fr").statusCode());
    }

    @Test
    void markingReadAnswers204AndSomeoneElsesItem404() throws Exception {
        feed.items.clear();
        feed.items.add(new Owned(platform.parent.userId(), entry("mine")));
        feed.items.add(new Owned(platform.teacher.userId(), entry("theirs")));

        assertEquals(204, send(platform.parent, "me/feed/mine/read", "POST", null, "fr").statusCode());
        HttpResponse<String> foreign = send(platform.parent, "me/feed/theirs/read", "POST", null, "fr");
        assertEquals(404, foreign.statusCode());
        assertEquals("not_found", JSON.readTree(foreign.body()).path("error").asText());
        assertEquals(204, send(platform.parent, "me/feed/read-all?app=blog", "POST", null, "fr").statusCode());
        assertEquals("read-all blog", feed.lastQuery);
    }

    @Test
    void badQueryParametersAre400() throws Exception {
        assertEquals(400, send(platform.parent, "me/feed?limit=lots", "GET", null, "fr").statusCode());
        assertEquals(400, send(platform.parent, "me/feed?unread=maybe", "GET", null, "fr").statusCode());
    }

    @Test
    void preferencesRoundTripAndBadBodiesAre400() throws Exception {
        HttpResponse<String> got = send(platform.parent, "me/notification-preferences", "GET", null, "fr");
        assertEquals(200, got.statusCode(), got.body());
        JsonNode prefs = JSON.readTree(got.body());
        assertEquals("sophie@example.org", prefs.path("email").asText());
        assertEquals("20:00", prefs.path("quietHours").path("from").asText());
        assertEquals("DAILY_DIGEST", prefs.path("types").path(0).path("email").asText());
        assertEquals("blog.post-published", prefs.path("types").path(0).path("type").asText());

        HttpResponse<String> put = send(platform.parent, "me/notification-preferences", "PUT",
                "{\"email\":\"s@example.org\",\"quietHours\":null,\"types\":[{\"appId\":\"blog\","
                        + "\"type\":\"blog.post-published\",\"email\":\"IMMEDIATE\"}]}", "en");
        assertEquals(204, put.statusCode(), put.body());
        assertEquals("s@example.org null IMMEDIATE en", feed.lastQuery);

        assertEquals(400, send(platform.parent, "me/notification-preferences", "PUT", "{\"email\":", "fr")
                .statusCode());
        assertEquals(400, send(platform.parent, "me/notification-preferences", "PUT", "{\"mail\":\"x@y.org\"}", "fr")
                .statusCode());
        HttpResponse<String> refused = send(platform.parent, "me/notification-preferences", "PUT",
                "{\"email\":\"nope\",\"types\":[]}", "fr");
        assertEquals(400, refused.statusCode());
        assertTrue(JSON.readTree(refused.body()).path("message").asText().contains("e-mail"), refused.body());
    }

    private static NotificationFeed.Entry entry(String id) {
        return new NotificationFeed.Entry(id, "blog", "Blog", "📝", "t", null, null, null, "text", null,
                Instant.parse("2026-11-29T09:30:00Z"), false);
    }

    private record Owned(String owner, NotificationFeed.Entry entry) {
    }

    /** Items owned by one person each; the last call's arguments are kept for the assertions. */
    private static final class FakeFeed implements NotificationFeed {

        final List<Owned> items = new CopyOnWriteArrayList<>();
        volatile String lastQuery;

        @Override
        public Feed feed(Caller caller, String appId, boolean unreadOnly, int limit, Locale locale) {
            lastQuery = appId + "|" + unreadOnly + "|" + limit + "|" + locale.getLanguage();
            List<Entry> mine = items.stream().filter(o -> o.owner().equals(caller.userId())).map(Owned::entry)
                    .toList();
            return new Feed(mine.size(), mine);
        }

        @Override
        public int unreadCount(Caller caller) {
            return 0;
        }

        @Override
        public void markRead(Caller caller, String itemId) {
            if (items.stream().noneMatch(o -> o.owner().equals(caller.userId()) && o.entry().id().equals(itemId))) {
                throw CartableException.notFound("Item not found.");
            }
        }

        @Override
        public Entry open(Caller caller, String itemId, Locale locale) {
            throw new UnsupportedOperationException("the REST resources never open items");
        }

        @Override
        public void markAllRead(Caller caller, String appId) {
            lastQuery = "read-all " + appId;
        }

        @Override
        public Preferences preferences(Caller caller, Locale locale) {
            return new Preferences("sophie@example.org", new QuietHours("20:00", "07:00"),
                    List.of(new TypeChoice("blog", "Blog", "blog.post-published", "New post", "DAILY_DIGEST")));
        }

        @Override
        public void updatePreferences(Caller caller, Preferences preferences, Locale locale) {
            if ("nope".equals(preferences.email())) {
                throw CartableException.badRequest("'email' is not a valid e-mail address: nope");
            }
            lastQuery = preferences.email() + " " + preferences.quietHours() + " "
                    + preferences.types().get(0).email() + " " + locale.getLanguage();
        }
    }
}
