package org.cartable.itests;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import static org.cartable.itests.Demo.BLOG;
import static org.cartable.itests.Demo.NOT_ENABLED_MESSAGE;
import static org.cartable.itests.Demo.assertNoStackTrace;
import static org.cartable.itests.Demo.blogPath;
import static org.cartable.itests.Demo.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Per-class activation of the blog on A1: who may enable it, who sees it, what a disabled app answers. */
@ExtendWith(CartableExtension.class)
@Order(3) // class order: see junit-platform.properties
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ActivationIT {

    private static String a1;

    @BeforeAll
    static void findClass(CartableServer server) {
        a1 = Demo.classA1(server);
    }

    @AfterAll
    static void leaveBlogEnabled(CartableServer server) {
        Demo.enableBlog(server, "teacher", a1);
    }

    private static String apps(String classId) {
        return "/api/classes/" + classId + "/apps";
    }

    @Test
    @Order(1)
    void teacherEnablesBlogAndMembersSeeIt(CartableServer server) {
        CartableServer.Response put = server.put(server.token("teacher"), apps(a1) + "/" + BLOG, null);
        assertEquals(204, put.status(), put::toString);
        for (String member : new String[] {"teacher", "pupil", "parent", "parent2", "director"}) {
            CartableServer.Response list = server.get(server.token(member), apps(a1));
            assertEquals(200, list.status(), () -> member + ": " + list);
            assertTrue(ids(list.json()).contains(BLOG), () -> member + " should see the blog: " + list);
        }
        CartableServer.Response catalogue = server.get(server.token("teacher"), "/api/apps");
        assertEquals(200, catalogue.status(), catalogue::toString);
        assertTrue(ids(catalogue.json()).contains(BLOG), () -> "installed apps: " + catalogue);
    }

    @Test
    @Order(2)
    void onlyStaffOfTheClassMayChangeIt(CartableServer server) {
        CartableServer.Response pupil = server.put(server.token("pupil"), apps(a1) + "/" + BLOG, null);
        assertEquals(403, pupil.status(), () -> "a pupil of A1: " + pupil);
        assertEquals("forbidden", pupil.json().path("error").asText(), pupil::toString);
        CartableServer.Response parent = server.delete(server.token("parent"), apps(a1) + "/" + BLOG);
        assertEquals(403, parent.status(), () -> "a parent of A1: " + parent);

        CartableServer.Response otherSchoolTeacher = server.put(server.token("teacher2"), apps(a1) + "/" + BLOG, null);
        assertEquals(404, otherSchoolTeacher.status(), () -> "teacher2 is an outsider of A1: " + otherSchoolTeacher);
        assertEquals("not_found", otherSchoolTeacher.json().path("error").asText(), otherSchoolTeacher::toString);
        assertNoStackTrace(otherSchoolTeacher);

        CartableServer.Response unknownApp = server.put(server.token("teacher"), apps(a1) + "/no-such-app", null);
        assertEquals(404, unknownApp.status(), unknownApp::toString);
        CartableServer.Response unknownClass = server.put(server.token("teacher"),
                apps("00000000-0000-0000-0000-000000000000") + "/" + BLOG, null);
        assertEquals(404, unknownClass.status(), unknownClass::toString);
    }

    @Test
    @Order(3)
    void outsidersCannotSeeTheClass(CartableServer server) {
        for (String outsider : new String[] {"pupilb", "teacher2"}) {
            CartableServer.Response list = server.get(server.token(outsider), apps(a1));
            assertEquals(404, list.status(), () -> outsider + " on A1: " + list);
            CartableServer.Response blog = server.get(server.token(outsider), blogPath(a1));
            assertEquals(404, blog.status(), () -> outsider + " on A1's blog: " + blog);
        }
    }

    @Test
    @Order(4)
    void directorDisablesThenEnables(CartableServer server) {
        String director = server.token("director");
        CartableServer.Response off = server.delete(director, apps(a1) + "/" + BLOG);
        assertEquals(204, off.status(), off::toString);

        CartableServer.Response list = server.get(server.token("teacher"), apps(a1));
        assertEquals(200, list.status(), list::toString);
        assertFalse(ids(list.json()).contains(BLOG), () -> "disabled: " + list);

        CartableServer.Response blog = server.get(server.token("pupil"), blogPath(a1));
        assertEquals(403, blog.status(), () -> "blog of A1 while disabled: " + blog);
        assertEquals("forbidden", blog.json().path("error").asText(), blog::toString);
        assertEquals(NOT_ENABLED_MESSAGE, blog.json().path("message").asText(), blog::toString);

        CartableServer.Response on = server.put(director, apps(a1) + "/" + BLOG, null);
        assertEquals(204, on.status(), on::toString);
        CartableServer.Response again = server.get(server.token("pupil"), blogPath(a1));
        assertEquals(200, again.status(), () -> "re-enabled: " + again);
    }
}
