package org.cartable.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A failing app never takes the platform or the other apps down, and the operator sees why: the test installs a
 * deliberately broken app (karaf-distribution/failing-app: its Liquibase migration is invalid SQL, so its service
 * throws on activation) into the running Karaf, checks that the catalogue shows it FAILED with the reason (REST for
 * operators, the operator's dashboard page), that the log says why, that every other app still answers 200, then
 * uninstalls it.
 */
@ExtendWith(CartableExtension.class)
@Order(6) // class order: see junit-platform.properties (installs and removes a bundle, like HotDeployIT)
class FailingAppIT {

    private static final String ID = "failing-app";
    private static final String SYMBOLIC_NAME = "cartable-itests-failing-app";
    private static final List<String> APPS = List.of("blog", "homework/week", "liaison", "wiki", "notebook");
    private static final Duration WITHIN = Duration.ofSeconds(60);

    @Test
    void aBrokenMigrationIsIsolatedAndShownWithItsReason(CartableServer server) throws Exception {
        Path jar = Path.of(System.getProperty("cartable.failing.app.jar",
                "target/test-bundles/cartable-itests-failing-app.jar")).toAbsolutePath();
        assertTrue(Files.isRegularFile(jar), () -> "built by the reactor: " + jar);
        String a1 = Demo.classA1(server);
        for (String app : List.of("blog", "homework", "liaison", "wiki", "notebook")) {
            server.put(server.token("teacher"), "/api/classes/" + a1 + "/apps/" + app, null);
        }
        // Precondition: the platform has settled (right after a first boot the apps may still be starting: their
        // services wait for the DataSource or the migrator for a moment, and the catalogue says WAITING).
        String operator = server.token("operator");
        AtomicReference<JsonNode> settling = new AtomicReference<>();
        await("every app ACTIVE before the test").atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    settling.set(server.get(operator, "/api/apps").json());
                    for (JsonNode app : settling.get()) {
                        if (!"ACTIVE".equals(app.path("status").asText())) {
                            return false;
                        }
                    }
                    return settling.get().size() > 0;
                });
        for (String app : APPS) {
            await(app + " answers").atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() ->
                    server.get(server.token("teacher"), "/api/classes/" + a1 + "/" + app).status() == 200);
        }
        int logLinesBefore = Files.readAllLines(server.karafLog()).size();

        try (KarafJmx jmx = server.jmx()) {
            long id = jmx.install(jar.toUri().toString(), true);
            try {
                // the framework started the bundle; Karaf's extended state reflects its failed component
                String state = jmx.bundle(SYMBOLIC_NAME).state();
                // the catalogue lists the app as FAILED, with the reason, to operators
                AtomicReference<JsonNode> seen = new AtomicReference<>();
                await("failing app listed as FAILED").atMost(WITHIN).pollInterval(Duration.ofMillis(250)).until(() -> {
                    seen.set(app(server.get(server.token("operator"), "/api/apps").json(), ID));
                    return seen.get() != null && "FAILED".equals(seen.get().path("status").asText());
                });
                String problem = seen.get().path("problem").asText();
                assertTrue(problem.contains("FailingService") && problem.contains("Schema migration")
                        && problem.contains("db/failing-app/changelog.xml"), () -> "the reason: " + seen.get());
                // other callers see the status, not the details
                JsonNode forTeacher = app(server.get(server.token("teacher"), "/api/apps").json(), ID);
                assertNotNull(forTeacher);
                assertTrue(forTeacher.path("problem").isNull(), forTeacher::toString);
                // every other app is ACTIVE and answers
                JsonNode catalogue = server.get(server.token("operator"), "/api/apps").json();
                for (JsonNode app : catalogue) {
                    if (!ID.equals(app.path("id").asText())) {
                        assertEquals("ACTIVE", app.path("status").asText(), app::toString);
                    }
                }
                for (String app : APPS) {
                    CartableServer.Response r = server.get(server.token("teacher"), "/api/classes/" + a1 + "/" + app);
                    assertEquals(200, r.status(), () -> app + " beside the failing app: " + r);
                }
                assertEquals(200, server.get(null, "/api/health").status());
                // the operator's dashboard page shows it too
                CartableServer.Response page = webPageAs(server, "operator");
                assertTrue(page.body().contains("Failing app (test)") && page.body().contains("app-status-failed")
                        && page.body().contains("db/failing-app/changelog.xml"), () -> "dashboard: " + page);
                // and the log says why
                List<String> log = Files.readAllLines(server.karafLog());
                String logged = String.join("\n", log.subList(Math.min(logLinesBefore, log.size()), log.size()));
                assertTrue(logged.contains("Schema migration db/failing-app/changelog.xml"), "karaf.log names the cause");
                System.out.printf("[FailingAppIT] failing app status=FAILED (bundle %s) problem=\"%s\" other apps"
                        + " ACTIVE=%d answering 200=%d%n", state, problem, catalogue.size() - 1, APPS.size());
            } finally {
                jmx.uninstall(id);
            }
            assertNull(jmx.bundle(SYMBOLIC_NAME), "uninstalled");
        }
        await("failing app gone from the catalogue").atMost(WITHIN).pollInterval(Duration.ofMillis(250)).until(() ->
                app(server.get(server.token("operator"), "/api/apps").json(), ID) == null);
    }

    private static JsonNode app(JsonNode catalogue, String id) {
        for (JsonNode app : catalogue) {
            if (id.equals(app.path("id").asText())) {
                return app;
            }
        }
        return null;
    }

    /** The operator's dashboard, signed in through the web shell's own form. */
    private static CartableServer.Response webPageAs(CartableServer server, String login) {
        return WebSignIn.dashboard(server, login);
    }
}
