package org.cartable.itests;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Facts of the demo data set ({@code etc/org.cartable.demo.cfg enabled=true}) and small lookups over the REST API. */
final class Demo {

    static final String SCHOOL_A = "École Jules Ferry";
    static final String SCHOOL_B = "École Marie Curie";
    static final String CLASS_A1 = "CM1 A";
    static final String CLASS_B1 = "CP B";
    static final String BLOG = "blog";
    static final String BLOG_FEATURE = "cartable-blog";
    static final String NOT_ENABLED_MESSAGE = "The app 'blog' is not enabled for this class.";

    private Demo() {
    }

    /** {@code GET /api/me} of a signed-in demo account. */
    static JsonNode me(CartableServer server, String login) {
        CartableServer.Response me = server.get(server.token(login), "/api/me");
        assertEquals(200, me.status(), () -> "GET /api/me as " + login + ": " + me);
        return me.json();
    }

    /** Id of class A1 ("CM1 A"), taught by {@code teacher}. */
    static String classA1(CartableServer server) {
        return taughtClass(server, "teacher", CLASS_A1);
    }

    /** Id of class B1 ("CP B"), taught by {@code teacher2}. */
    static String classB1(CartableServer server) {
        return taughtClass(server, "teacher2", CLASS_B1);
    }

    static String taughtClass(CartableServer server, String teacher, String name) {
        for (JsonNode c : me(server, teacher).path("classes")) {
            if (name.equals(c.path("name").asText())) {
                return c.path("id").asText();
            }
        }
        throw new AssertionError(teacher + " does not teach a class named " + name + ": " + me(server, teacher));
    }

    static List<String> ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(n -> ids.add(n.path("id").asText()));
        return ids;
    }

    static List<String> texts(JsonNode array, String field) {
        return StreamSupport.stream(array.spliterator(), false).map(n -> n.path(field).asText()).toList();
    }

    /** The element of a JSON array whose {@code id} is {@code id}, or null. */
    static JsonNode byId(JsonNode array, String id) {
        for (JsonNode n : array) {
            if (id.equals(n.path("id").asText())) {
                return n;
            }
        }
        return null;
    }

    static String blogPath(String classId) {
        return "/api/classes/" + classId + "/blog";
    }

    /** Enables the blog for a class as one of its teachers and checks 204. */
    static void enableBlog(CartableServer server, String teacher, String classId) {
        CartableServer.Response r = server.put(server.token(teacher), "/api/classes/" + classId + "/apps/blog", null);
        assertEquals(204, r.status(), () -> "enable blog: " + r);
    }

    /** Fails if a response body leaks Java internals (stack trace or exception class). */
    static void assertNoStackTrace(CartableServer.Response response) {
        String body = response.body() == null ? "" : response.body();
        for (String leak : List.of("at org.", "at java.", "Exception", "\tat ")) {
            if (body.contains(leak)) {
                throw new AssertionError("The body leaks '" + leak + "': " + response);
            }
        }
    }
}
