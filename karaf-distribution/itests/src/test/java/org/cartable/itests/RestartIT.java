package org.cartable.itests;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;

import static org.cartable.itests.Demo.blogPath;
import static org.cartable.itests.Demo.byId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** Data survives a graceful restart of the shared Karaf. */
@ExtendWith(CartableExtension.class)
@Order(8) // class order: see junit-platform.properties
class RestartIT {

    @Test
    void postAndSignInSurviveARestart(CartableServer server) {
        String a1 = Demo.classA1(server);
        Demo.enableBlog(server, "teacher", a1);
        String title = "Avant le redémarrage " + System.nanoTime();
        CartableServer.Response created = server.post(server.token("teacher"), blogPath(a1) + "/posts",
                Map.of("title", title, "body", "<p>Toujours là ?</p>", "publish", true));
        assertEquals(201, created.status(), created::toString);
        String id = created.json().path("id").asText();
        int startsBefore = server.starts();

        server.restart();

        assertEquals(startsBefore + 1, server.starts());
        System.out.printf("[RestartIT] restart: REST and sign-in ready %.1f s after the new start%n",
                server.lastStartDuration().toMillis() / 1000.0);
        String token = server.login("teacher"); // a fresh sign-in works after the restart
        CartableServer.Response read = server.get(token, blogPath(a1) + "/posts/" + id);
        assertEquals(200, read.status(), read::toString);
        assertEquals(title, read.json().path("title").asText());
        CartableServer.Response list = server.get(server.login("pupil"), blogPath(a1));
        assertEquals(200, list.status(), list::toString);
        assertNotNull(byId(list.json().path("posts"), id), "the pupil still sees the post: " + list);
    }
}
