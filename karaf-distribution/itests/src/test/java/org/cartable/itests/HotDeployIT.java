package org.cartable.itests;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.awaitility.Awaitility.await;
import static org.cartable.itests.Demo.BLOG;
import static org.cartable.itests.Demo.BLOG_FEATURE;
import static org.cartable.itests.Demo.blogPath;
import static org.cartable.itests.Demo.byId;
import static org.cartable.itests.Demo.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Uninstalling and reinstalling the blog feature live, through the admin REST API, without restarting Karaf. */
@ExtendWith(CartableExtension.class)
@Order(6) // class order: see junit-platform.properties
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HotDeployIT {

    private static final Duration WITHIN = Duration.ofSeconds(10);
    private static final String FEATURES = "/api/admin/features";

    private static String b1;
    private static String postId;
    private static String postTitle;

    @BeforeAll
    static void findClass(CartableServer server) {
        b1 = Demo.classB1(server);
    }

    /** Whatever happened, leave the blog installed for the other ITs. */
    @AfterAll
    static void reinstall(CartableServer server) {
        if (!server.isRunning()) {
            return;
        }
        String admin = server.token("admin");
        if (!blogFeatureInstalled(server, admin)) {
            server.put(admin, FEATURES + "/" + BLOG_FEATURE, null);
            await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                    .until(() -> server.get(server.token("teacher2"), blogPath(b1)).status() == 200);
        }
    }

    private static boolean blogFeatureInstalled(CartableServer server, String admin) {
        CartableServer.Response r = server.get(admin, FEATURES);
        assertEquals(200, r.status(), r::toString);
        for (JsonNode f : r.json()) {
            if (BLOG_FEATURE.equals(f.path("name").asText())) {
                return f.path("installed").asBoolean();
            }
        }
        throw new AssertionError(BLOG_FEATURE + " is not listed: " + r);
    }

    @Test
    @Order(1)
    void onlyOperatorsAndAdminsManageFeatures(CartableServer server) {
        for (String login : new String[] {"teacher", "director", "coladmin", "parent"}) {
            String token = server.token(login);
            CartableServer.Response list = server.get(token, FEATURES);
            assertEquals(403, list.status(), () -> login + ": " + list);
            CartableServer.Response uninstall = server.delete(token, FEATURES + "/" + BLOG_FEATURE);
            assertEquals(403, uninstall.status(), () -> login + ": " + uninstall);
            CartableServer.Response install = server.put(token, FEATURES + "/" + BLOG_FEATURE, null);
            assertEquals(403, install.status(), () -> login + ": " + install);
        }
        assertEquals(401, server.get(null, FEATURES).status());
        for (String login : new String[] {"admin", "operator"}) {
            CartableServer.Response list = server.get(server.token(login), FEATURES);
            assertEquals(200, list.status(), () -> login + ": " + list);
        }
    }

    @Test
    @Order(2)
    void blogFeatureIsListedAndInstalled(CartableServer server) {
        CartableServer.Response r = server.get(server.token("admin"), FEATURES);
        assertEquals(200, r.status(), r::toString);
        JsonNode blog = null;
        for (JsonNode f : r.json()) {
            assertFalse(f.path("name").asText().equals("cartable-platform") || f.path("name").asText().equals("cartable-all"),
                    () -> "platform features are not app features: " + r);
            if (BLOG_FEATURE.equals(f.path("name").asText())) {
                blog = f;
            }
        }
        assertNotNull(blog, () -> "features: " + r);
        assertTrue(blog.path("installed").asBoolean(), () -> "installed at boot: " + r);
        assertFalse(blog.path("version").asText().isBlank(), () -> "version: " + r);
    }

    @Test
    @Order(3)
    void uninstallTakesTheBlogAwayLive(CartableServer server) {
        String teacher2 = server.token("teacher2");
        postTitle = "Avant la désinstallation " + System.nanoTime();
        CartableServer.Response created = server.post(teacher2, blogPath(b1) + "/posts",
                Map.of("title", postTitle, "body", "<p>Nos données restent.</p>", "publish", true));
        assertEquals(201, created.status(), () -> "the blog is enabled for B1 in the demo data: " + created);
        postId = created.json().path("id").asText();

        CartableServer.Response uninstall = server.delete(server.token("admin"), FEATURES + "/" + BLOG_FEATURE);
        assertEquals(204, uninstall.status(), uninstall::toString);
        long returned = System.nanoTime();

        AtomicReference<CartableServer.Response> last = new AtomicReference<>();
        await("blog gone within " + WITHIN.toSeconds() + " s").atMost(WITHIN).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    CartableServer.Response blog = server.get(teacher2, blogPath(b1));
                    last.set(blog);
                    return blog.status() == 404 && !ids(server.get(teacher2, "/api/apps").json()).contains(BLOG);
                });
        System.out.printf("[HotDeployIT] uninstall: blog answered 404 and left /api/apps %d ms after DELETE returned%n",
                (System.nanoTime() - returned) / 1_000_000);

        assertEquals(200, server.get(teacher2, "/api/me").status(), "the platform keeps serving");
        CartableServer.Response apps = server.get(teacher2, "/api/apps");
        assertEquals(200, apps.status(), apps::toString);
        assertFalse(ids(apps.json()).contains(BLOG), apps::toString);
        assertFalse(blogFeatureInstalled(server, server.token("admin")), "listed as not installed");
    }

    @Test
    @Order(4)
    void reinstallBringsTheBlogAndItsDataBack(CartableServer server) {
        String teacher2 = server.token("teacher2");
        CartableServer.Response install = server.put(server.token("admin"), FEATURES + "/" + BLOG_FEATURE, null);
        assertEquals(204, install.status(), install::toString);
        long returned = System.nanoTime();

        AtomicReference<CartableServer.Response> last = new AtomicReference<>();
        await("blog back within " + WITHIN.toSeconds() + " s").atMost(WITHIN).pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    CartableServer.Response blog = server.get(teacher2, blogPath(b1));
                    last.set(blog);
                    return blog.status() == 200;
                });
        System.out.printf("[HotDeployIT] install: blog answered 200 %d ms after PUT returned%n",
                (System.nanoTime() - returned) / 1_000_000);

        JsonNode post = byId(last.get().json().path("posts"), postId);
        assertNotNull(post, () -> "the post created before the uninstall is back: " + last.get());
        assertEquals(postTitle, post.path("title").asText());
        CartableServer.Response apps = server.get(teacher2, "/api/apps");
        assertTrue(ids(apps.json()).contains(BLOG), () -> "listed again: " + apps);
        CartableServer.Response classApps = server.get(teacher2, "/api/classes/" + b1 + "/apps");
        assertTrue(ids(classApps.json()).contains(BLOG), () -> "still enabled for B1: " + classApps);
        assertTrue(blogFeatureInstalled(server, server.token("admin")));
    }
}
