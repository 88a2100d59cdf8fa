package org.cartable.itests;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;

import static org.cartable.itests.Demo.assertNoStackTrace;
import static org.cartable.itests.Demo.blogPath;
import static org.cartable.itests.Demo.byId;
import static org.cartable.itests.Demo.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The blog workflow on A1: a pupil submits, the teacher publishes, a parent comments, the teacher approves the
 * comment, another parent reads it; outsiders get 404; scripts are stripped.
 */
@ExtendWith(CartableExtension.class)
@Order(4) // class order: see junit-platform.properties
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BlogIT {

    private static String a1;
    private static String blog;
    private static String postId;
    private static String commentId;
    private static final String TITLE = "Notre sortie au musée " + System.currentTimeMillis();
    private static final String COMMENT = "Bravo à toute la classe " + System.currentTimeMillis();

    @BeforeAll
    static void enableBlog(CartableServer server) {
        a1 = Demo.classA1(server);
        blog = blogPath(a1);
        Demo.enableBlog(server, "teacher", a1);
    }

    @Test
    @Order(1)
    void defaultSettingsNeedApproval(CartableServer server) {
        CartableServer.Response r = server.get(server.token("teacher"), blog);
        assertEquals(200, r.status(), r::toString);
        assertEquals(a1, r.json().path("classId").asText(), r::toString);
        assertEquals("APPROVAL", r.json().path("settings").path("comments").asText(), r::toString);
        assertFalse(r.json().path("settings").path("pupilsPublishDirectly").asBoolean(true), r::toString);
    }

    @Test
    @Order(2)
    void pupilSubmitsAPost(CartableServer server) {
        CartableServer.Response r = server.post(server.token("pupil"), blog + "/posts",
                Map.of("title", TITLE, "body", "<p>Nous avons vu des tableaux.</p>", "publish", true));
        assertEquals(201, r.status(), r::toString);
        JsonNode post = r.json();
        postId = post.path("id").asText();
        assertEquals(36, postId.length(), () -> "UUID: " + post);
        assertEquals("SUBMITTED", post.path("status").asText(), "a pupil's post waits for the teacher: " + post);
        assertTrue(post.path("publishedAt").isNull() || post.path("publishedAt").isMissingNode(), post::toString);
        assertEquals(Demo.me(server, "pupil").path("id").asText(), post.path("authorId").asText(), post::toString);
    }

    @Test
    @Order(3)
    void submittedPostIsHiddenFromParentsButShownToTheTeacher(CartableServer server) {
        CartableServer.Response parentList = server.get(server.token("parent"), blog);
        assertEquals(200, parentList.status(), parentList::toString);
        assertFalse(ids(parentList.json().path("posts")).contains(postId), () -> "not published yet: " + parentList);
        CartableServer.Response parentPost = server.get(server.token("parent"), blog + "/posts/" + postId);
        assertTrue(parentPost.status() == 404 || parentPost.status() == 403, parentPost::toString);

        CartableServer.Response teacherList = server.get(server.token("teacher"), blog);
        assertTrue(ids(teacherList.json().path("posts")).contains(postId), () -> "staff see submitted posts: " + teacherList);
        CartableServer.Response authorList = server.get(server.token("pupil"), blog);
        assertTrue(ids(authorList.json().path("posts")).contains(postId), () -> "the author sees it: " + authorList);
    }

    @Test
    @Order(4)
    void parentCannotCommentOnAnUnpublishedPost(CartableServer server) {
        CartableServer.Response r = server.post(server.token("parent"), blog + "/posts/" + postId + "/comments",
                Map.of("body", "Trop tôt"));
        assertTrue(r.status() == 403 || r.status() == 404, () -> "comment on a submitted post: " + r);
    }

    @Test
    @Order(5)
    void teacherPublishes(CartableServer server) {
        CartableServer.Response r = server.post(server.token("teacher"), blog + "/posts/" + postId + "/publish", null);
        assertEquals(200, r.status(), r::toString);
        assertEquals("PUBLISHED", r.json().path("status").asText(), r::toString);
        assertFalse(r.json().path("publishedAt").asText("").isBlank(), r::toString);

        CartableServer.Response parentList = server.get(server.token("parent"), blog);
        JsonNode seen = byId(parentList.json().path("posts"), postId);
        assertNotNull(seen, () -> "the parent sees the published post: " + parentList);
        assertEquals(TITLE, seen.path("title").asText());
    }

    @Test
    @Order(6)
    void parentCommentWaitsForApproval(CartableServer server) {
        CartableServer.Response r = server.post(server.token("parent"), blog + "/posts/" + postId + "/comments",
                Map.of("body", COMMENT));
        assertEquals(201, r.status(), r::toString);
        assertEquals("PENDING", r.json().path("status").asText(), "moderation APPROVAL by default: " + r);
        commentId = r.json().path("id").asText();

        assertNull(byId(comments(server, "parent2"), commentId), "pending comments are hidden from other parents");
        assertNotNull(byId(comments(server, "parent"), commentId), "the author sees the pending comment");
        assertNotNull(byId(comments(server, "teacher"), commentId), "staff see pending comments");
    }

    @Test
    @Order(7)
    void teacherApprovesAndOtherParentsSeeTheComment(CartableServer server) {
        CartableServer.Response r = server.post(server.token("teacher"),
                blog + "/posts/" + postId + "/comments/" + commentId + "/approve", null);
        assertEquals(200, r.status(), r::toString);
        assertEquals("APPROVED", r.json().path("status").asText(), r::toString);

        JsonNode seen = byId(comments(server, "parent2"), commentId);
        assertNotNull(seen, "parent2 (parent of another pupil of A1) sees the approved comment");
        assertTrue(seen.path("body").asText().contains(COMMENT), seen::toString);
    }

    private static JsonNode comments(CartableServer server, String login) {
        CartableServer.Response r = server.get(server.token(login), blog + "/posts/" + postId);
        assertEquals(200, r.status(), () -> login + ": " + r);
        return r.json().path("comments");
    }

    @Test
    @Order(8)
    void outsidersGet404(CartableServer server) {
        for (String outsider : List.of("teacher2", "pupilb")) {
            CartableServer.Response list = server.get(server.token(outsider), blog);
            assertEquals(404, list.status(), () -> outsider + ": " + list);
            assertEquals("not_found", list.json().path("error").asText(), list::toString);
            assertNoStackTrace(list);
            CartableServer.Response post = server.get(server.token(outsider), blog + "/posts/" + postId);
            assertEquals(404, post.status(), () -> outsider + ": " + post);
            CartableServer.Response comment = server.post(server.token(outsider),
                    blog + "/posts/" + postId + "/comments", Map.of("body", "intrus"));
            assertEquals(404, comment.status(), () -> outsider + ": " + comment);
        }
    }

    @Test
    @Order(9)
    void scriptsAreStripped(CartableServer server) {
        CartableServer.Response r = server.post(server.token("teacher"), blog + "/posts", Map.of(
                "title", "Sécurité " + System.nanoTime(),
                "body", "<p onclick=\"steal()\">Bonjour <b>les parents</b></p><script>alert('xss')</script>",
                "publish", true));
        assertEquals(201, r.status(), r::toString);
        assertEquals("PUBLISHED", r.json().path("status").asText(), "staff publish directly: " + r);
        String id = r.json().path("id").asText();
        CartableServer.Response read = server.get(server.token("parent"), blog + "/posts/" + id);
        assertEquals(200, read.status(), read::toString);
        String body = read.json().path("body").asText();
        assertFalse(body.toLowerCase().contains("<script"), () -> "script kept: " + body);
        assertFalse(body.contains("alert("), () -> "script text kept: " + body);
        assertFalse(body.toLowerCase().contains("onclick"), () -> "event handler kept: " + body);
        assertTrue(body.contains("Bonjour") && body.contains("<b>les parents</b>"), () -> "harmless HTML kept: " + body);
    }

    @Test
    @Order(10)
    void parentCannotWritePosts(CartableServer server) {
        CartableServer.Response r = server.post(server.token("parent"), blog + "/posts",
                Map.of("title", "Parent", "body", "<p>Non</p>", "publish", true));
        assertEquals(403, r.status(), r::toString);
        assertEquals("forbidden", r.json().path("error").asText(), r::toString);
        assertNoStackTrace(r);
    }
}
