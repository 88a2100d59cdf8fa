package org.cartable.blog.internal.rest;

import static org.cartable.testing.rest.RequestContexts.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

import org.cartable.api.Caller;
import org.cartable.api.CartableException;
import org.cartable.api.CartableException.Kind;
import org.cartable.api.ClassRelation;
import org.cartable.api.Role;
import org.cartable.blog.internal.BlogApp;
import org.cartable.blog.internal.CommentMode;
import org.cartable.blog.internal.TestBlogs;
import org.cartable.blog.internal.rest.BlogJson.CommentBody;
import org.cartable.blog.internal.rest.BlogJson.NewComment;
import org.cartable.blog.internal.rest.BlogJson.NewPost;
import org.cartable.blog.internal.rest.BlogJson.PostBody;
import org.cartable.blog.internal.rest.BlogJson.Settings;
import org.cartable.testing.FakeSchool;
import org.cartable.testing.TestDatabase;
import org.cartable.testing.rest.RequestContexts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The resource's own part: required fields, statuses, and JSON bodies with the contract's field names. */
class BlogResourceTest {

    private static final String CLASS_ID = "class-" + UUID.randomUUID();
    private static final FakeSchool SCHOOL = new FakeSchool(BlogApp.ID);
    private static final Caller TEACHER = SCHOOL.person("teacher", "Mme Martin", Role.TEACHER);
    private static final Caller PARENT = SCHOOL.person("parent", "Claire Petit", Role.PARENT);

    private static TestDatabase db;
    private static BlogResource resource;

    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() {
        SCHOOL.relate(TEACHER, new ClassRelation(CLASS_ID, true, false, false, List.of()));
        SCHOOL.relate(PARENT, new ClassRelation(CLASS_ID, false, false, false, List.of("child")));
        SCHOOL.enable(CLASS_ID, true);
        db = new TestDatabase().migrate("db/blog/changelog.xml");
        resource = new BlogResource(TestBlogs.service(db.jpa("cartable-blog"), SCHOOL, SCHOOL));
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    @Test
    void createdPostsAnswer201WithTheirAddressAndTheContractsFields() throws Exception {
        Response response = resource.createPost(as(TEACHER), postsUri(), CLASS_ID,
                new NewPost("Rentrée", "<p>Bienvenue</p>", true));
        assertEquals(201, response.getStatus());
        PostBody post = (PostBody) response.getEntity();
        assertEquals(URI.create("http://localhost/api/classes/" + CLASS_ID + "/blog/posts/" + post.id()),
                response.getLocation());

        @SuppressWarnings("unchecked")
        Map<String, Object> fields = json.readValue(json.writeValueAsString(post), Map.class);
        assertEquals(List.of("id", "title", "body", "authorId", "authorName", "status", "pinned", "createdAt",
                "updatedAt", "publishedAt", "commentCount"), List.copyOf(fields.keySet()));
        assertEquals("PUBLISHED", fields.get("status"));
        assertTrue(((String) fields.get("publishedAt")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"));

        Response commented = resource.addComment(as(PARENT), CLASS_ID, post.id(), new NewComment("Merci"));
        assertEquals(201, commented.getStatus());
        assertEquals("PENDING", ((CommentBody) commented.getEntity()).status());

        @SuppressWarnings("unchecked")
        Map<String, Object> detail = json.readValue(
                json.writeValueAsString(resource.post(as(PARENT), CLASS_ID, post.id())), Map.class);
        assertEquals(1, ((List<?>) detail.get("comments")).size());
        @SuppressWarnings("unchecked")
        Map<String, Object> overview = json.readValue(
                json.writeValueAsString(resource.overview(as(PARENT), CLASS_ID)), Map.class);
        assertEquals(List.of("classId", "settings", "posts"), List.copyOf(overview.keySet()));
        assertEquals(Map.of("comments", "APPROVAL", "pupilsPublishDirectly", false), overview.get("settings"));
    }

    @Test
    void missingFieldsAreBadRequests() {
        assertBadRequest(() -> resource.createPost(as(TEACHER), postsUri(), CLASS_ID, null));
        assertBadRequest(() -> resource.createPost(as(TEACHER), postsUri(), CLASS_ID,
                new NewPost("Titre", "Texte", null)));
        assertBadRequest(() -> resource.updatePost(as(TEACHER), CLASS_ID, "any", new BlogJson.PostEdit(null, "x")));
        assertBadRequest(() -> resource.addComment(as(TEACHER), CLASS_ID, "any", new NewComment(null)));
        assertBadRequest(() -> resource.updateSettings(as(TEACHER), CLASS_ID, new Settings(CommentMode.NONE, null)));
        assertBadRequest(() -> resource.updateSettings(as(TEACHER), CLASS_ID, null));
    }

    @Test
    void anAnonymousRequestIsUnauthorized() {
        CartableException refused = assertThrows(CartableException.class,
                () -> resource.overview(as(null), CLASS_ID));
        assertEquals(Kind.UNAUTHORIZED, refused.kind());
    }

    @Test
    void datesAreIsoStringsToTheSecond() {
        assertEquals("2026-11-29T09:30:00Z", BlogJson.date(java.time.Instant.parse("2026-11-29T09:30:00.123456Z")));
        assertNull(BlogJson.date(null));
    }

    private static UriInfo postsUri() {
        return RequestContexts.uri("http://localhost/api/classes/" + CLASS_ID + "/blog/posts");
    }

    private static void assertBadRequest(Executable call) {
        assertEquals(Kind.BAD_REQUEST, assertThrows(CartableException.class, call).kind());
    }
}
