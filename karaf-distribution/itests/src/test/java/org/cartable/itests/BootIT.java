package org.cartable.itests;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.nio.file.Files;
import java.util.List;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The distribution boots from a fresh unpack: health is green and the first start logged no ERROR. */
@ExtendWith(CartableExtension.class)
@Order(1) // class order: see junit-platform.properties
class BootIT {

    /** A pax-logging line of level ERROR: {@code 2026-11-29T09:30:00,123 | ERROR | thread | ...}. */
    private static final Pattern ERROR_LINE = Pattern.compile("^\\S+\\s*\\|\\s*ERROR\\s*\\|.*");

    @Test
    void healthIsOk(CartableServer server) {
        CartableServer.Response health = server.get(null, "/api/health");
        assertEquals(200, health.status(), health::toString);
        assertEquals("ok", health.json().path("status").asText(), health::toString);
        System.out.printf("[BootIT] last start served REST and demo sign-in after %.1f s%n",
                server.lastStartDuration().toMillis() / 1000.0);
    }

    @Test
    void firstStartLoggedNoError(CartableServer server) {
        List<String> log = server.firstStartLog();
        assertFalse(log.isEmpty(), "data/log/karaf.log of the first start is empty or missing");
        List<String> errors = log.stream().filter(l -> ERROR_LINE.matcher(l).matches()).toList();
        if (!errors.isEmpty()) {
            System.out.println("[BootIT] ERROR lines of the first start:");
            errors.forEach(System.out::println);
        }
        assertTrue(errors.isEmpty(), () -> errors.size() + " ERROR line(s) at first start, e.g. " + errors.get(0));
    }

    @Test
    void freshDataAndMovedPorts(CartableServer server) throws Exception {
        // The run copy carries the demo switch and the moved HTTP port; the Derby database was created by this run.
        assertTrue(Files.readString(server.home().resolve("etc/org.cartable.demo.cfg")).contains("enabled=true"));
        assertTrue(Files.readString(server.home().resolve("etc/org.ops4j.pax.web.cfg"))
                .contains("org.osgi.service.http.port = " + CartableServer.HTTP_PORT));
        assertTrue(Files.isDirectory(server.home().resolve("data/db/cartable")),
                "embedded Derby database under data/db/cartable");
    }
}
