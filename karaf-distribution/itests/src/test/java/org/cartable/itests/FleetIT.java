package org.cartable.itests;

import com.fasterxml.jackson.databind.JsonNode;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.cartable.itests.Demo.assertNoStackTrace;
import static org.cartable.itests.Demo.ids;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The device fleet over REST, in the demo: the operator imports a delivery for École Jules Ferry and marks the new
 * tablets configured in one bulk action; the director of Jules Ferry sees them and nothing of École Marie Curie;
 * teacher2 (Marie Curie) gets 404 for a Jules Ferry device; a teacher opens a ticket and the operator solves it.
 */
@ExtendWith(CartableExtension.class)
@Order(4) // class order: see junit-platform.properties
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FleetIT {

    static final String FLEET = "/api/tools/fleet";
    static final String JULES_FERRY_UAI = "0451234A";

    private static final String RUN = Long.toString(System.currentTimeMillis(), 36).toUpperCase();
    private static String julesFerry;
    private static String marieCurie;
    private static final List<String> imported = new ArrayList<>();
    private static final List<String> tags = new ArrayList<>();
    private static String ticketId;

    /** The fleet's resource is served once its bundle has migrated its tables, a little after the platform's. */
    static void awaitFleet(CartableServer server) {
        Awaitility.await("GET " + FLEET + "/schools answers 200").atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> server.get(server.token("operator"), FLEET + "/schools").status() == 200);
    }

    @BeforeAll
    static void schools(CartableServer server) {
        awaitFleet(server);
        CartableServer.Response schools = server.get(server.token("operator"), FLEET + "/schools");
        assertEquals(200, schools.status(), schools::toString);
        for (JsonNode school : schools.json()) {
            if (school.path("name").asText().equals(Demo.SCHOOL_A)) {
                julesFerry = school.path("id").asText();
            } else if (school.path("name").asText().equals(Demo.SCHOOL_B)) {
                marieCurie = school.path("id").asText();
            }
        }
        assertTrue(julesFerry != null && marieCurie != null, schools::toString);
    }

    @Test
    @Order(1)
    void operatorImportsADeliveryWithTagsAndPerLineRejections(CartableServer server) {
        String csv = "kind;uai;model;serial;supplier;orderNumber;deliveryNumber;invoiceNumber;value;purchaseDate;"
                + "warrantyMonths;depreciationYears;funding\n"
                + line("IT-" + RUN + "-1") + line("IT-" + RUN + "-2") + line("IT-" + RUN + "-3")
                + "TOASTER;" + JULES_FERRY_UAI + ";X;IT-" + RUN + "-4;;;;;;;;;\n";
        CartableServer.Response dry = importCsv(server, csv, true);
        assertEquals(200, dry.status(), dry::toString);
        assertEquals(3, dry.json().path("accepted").asInt(), dry::toString);
        assertEquals(0, dry.json().path("created").size(), "a dry run creates nothing: " + dry);

        CartableServer.Response r = importCsv(server, csv, false);
        assertEquals(200, r.status(), r::toString);
        JsonNode created = r.json().path("created");
        assertEquals(3, created.size(), r::toString);
        for (JsonNode device : created) {
            imported.add(device.path("id").asText());
            tags.add(device.path("tag").asText());
            assertTrue(device.path("tag").asText().matches("CART-" + JULES_FERRY_UAI + "-\\d{6}"), device::toString);
            assertEquals("FACTORY", device.path("state").asText(), device::toString);
            assertEquals(julesFerry, device.path("schoolId").asText(), device::toString);
            assertEquals(449.9, device.path("financial").path("value").asDouble(), 0.001, device::toString);
            assertEquals("2028-09-14", device.path("warrantyExpiry").asText(), device::toString);
        }
        JsonNode rejected = r.json().path("rejected");
        assertEquals(1, rejected.size(), r::toString);
        assertEquals(5, rejected.get(0).path("line").asInt(), r::toString);
        assertTrue(rejected.get(0).path("reason").asText().contains("TOASTER"), r::toString);
    }

    private static String line(String serial) {
        return "TABLET;" + JULES_FERRY_UAI + ";Tablette IT;" + serial + ";EduTab;BC-" + RUN + ";BL-" + RUN + ";FA-"
                + RUN + ";449,90;15/09/2026;24;4;Socle numérique\n";
    }

    private static CartableServer.Response importCsv(CartableServer server, String csv, boolean dryRun) {
        return server.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + FLEET + "/imports?dryRun=" + dryRun))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + server.token("operator"))
                .header("Accept", "application/json")
                .header("Content-Type", "text/csv; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8))
                .build());
    }

    @Test
    @Order(2)
    void bulkStateChangeIsAllOrNothing(CartableServer server) {
        String token = server.token("operator");
        // one device configured alone first: the bulk change to CONFIGURED must then refuse all three
        CartableServer.Response one = server.post(token, FLEET + "/devices/" + imported.get(0) + "/state",
                Map.of("state", "CONFIGURED", "note", "Premier essai"));
        assertEquals(200, one.status(), one::toString);
        CartableServer.Response refused = server.post(token, FLEET + "/devices/state",
                Map.of("deviceIds", imported, "state", "CONFIGURED", "note", "Lot IT"));
        assertEquals(409, refused.status(), refused::toString);
        assertTrue(refused.json().path("message").asText().contains(tags.get(0)), refused::toString);
        assertNoStackTrace(refused);
        assertEquals("FACTORY", device(server, "operator", imported.get(1)).path("device").path("state").asText(),
                "nothing changed");

        CartableServer.Response bulk = server.post(token, FLEET + "/devices/state",
                Map.of("deviceIds", imported.subList(1, 3), "state", "CONFIGURED", "note", "Lot IT"));
        assertEquals(200, bulk.status(), bulk::toString);
        for (JsonNode device : bulk.json()) {
            assertEquals("CONFIGURED", device.path("state").asText(), bulk::toString);
            assertFalse(device.path("dates").path("configuredOn").asText().isBlank(), bulk::toString);
        }
        JsonNode history = device(server, "operator", imported.get(2)).path("history");
        assertEquals(List.of("FACTORY", "CONFIGURED"), Demo.texts(history, "to"), history::toString);
        assertEquals("Lot IT", history.get(1).path("note").asText(), history::toString);
    }

    @Test
    @Order(3)
    void theDirectorSeesHerSchoolsFleetOnly(CartableServer server) {
        String token = server.token("director");
        CartableServer.Response list = server.get(token, FLEET + "/devices");
        assertEquals(200, list.status(), list::toString);
        assertTrue(ids(list.json()).containsAll(imported), list::toString);
        for (JsonNode device : list.json()) {
            assertEquals(julesFerry, device.path("schoolId").asText(), () -> "only Jules Ferry: " + device);
        }
        CartableServer.Response configured = server.get(token, FLEET + "/devices?state=CONFIGURED&kind=TABLET");
        assertTrue(ids(configured.json()).containsAll(imported), configured::toString);
        CartableServer.Response other = server.get(token, FLEET + "/devices?schoolId=" + marieCurie);
        assertEquals(200, other.status(), other::toString);
        assertEquals(0, other.json().size(), "Marie Curie's fleet is not the director's: " + other);
        assertEquals(List.of(julesFerry), ids(server.get(token, FLEET + "/schools").json()));
        CartableServer.Response change = server.post(token, FLEET + "/devices/" + imported.get(1) + "/state",
                Map.of("state", "ENROLLED"));
        assertEquals(403, change.status(), "directors read: " + change);

        // and the operator sees Marie Curie's devices, which the director never does
        CartableServer.Response curie = server.get(server.token("operator"), FLEET + "/devices?schoolId="
                + marieCurie);
        assertEquals(200, curie.status(), curie::toString);
        for (String id : ids(curie.json())) {
            CartableServer.Response hidden = server.get(token, FLEET + "/devices/" + id);
            assertEquals(404, hidden.status(), hidden::toString);
        }
    }

    @Test
    @Order(4)
    void anotherSchoolsTeacherGets404(CartableServer server) {
        String token = server.token("teacher2");
        CartableServer.Response r = server.get(token, FLEET + "/devices/" + imported.get(0));
        assertEquals(404, r.status(), r::toString);
        assertEquals("not_found", r.json().path("error").asText(), r::toString);
        assertNoStackTrace(r);
        assertEquals(404, server.get(token, FLEET + "/devices/" + imported.get(0) + "/label.svg").status());
        CartableServer.Response ticket = server.post(token, FLEET + "/tickets",
                Map.of("deviceId", imported.get(0), "problem", "Intrus"));
        assertEquals(404, ticket.status(), ticket::toString);
        assertFalse(ids(server.get(token, FLEET + "/devices").json()).contains(imported.get(0)));
        assertEquals(403, server.get(server.token("pupil"), FLEET + "/devices").status(),
                "pupils hold none of the fleet's roles");
    }

    @Test
    @Order(5)
    void aTeacherOpensATicketAndTheOperatorSolvesIt(CartableServer server) {
        CartableServer.Response opened = server.post(server.token("teacher"), FLEET + "/tickets",
                Map.of("deviceId", imported.get(0), "problem", "L'écran reste noir " + RUN));
        assertEquals(201, opened.status(), opened::toString);
        ticketId = opened.json().path("id").asText();
        assertEquals("NEW", opened.json().path("status").asText(), opened::toString);
        assertFalse(opened.json().path("targets").path("ownBy").asText().isBlank(), opened::toString);

        String operator = server.token("operator");
        CartableServer.Response assigned = server.post(operator, FLEET + "/tickets/" + ticketId + "/assign",
                Map.of());
        assertEquals(200, assigned.status(), assigned::toString);
        assertEquals("ASSIGNED", assigned.json().path("status").asText(), assigned::toString);
        CartableServer.Response notForTeachers = server.post(server.token("teacher"),
                FLEET + "/tickets/" + ticketId + "/solve", Map.of());
        assertEquals(403, notForTeachers.status(), notForTeachers::toString);
        CartableServer.Response solved = server.post(operator, FLEET + "/tickets/" + ticketId + "/solve",
                Map.of("note", "Câble remplacé", "minutes", 20));
        assertEquals(200, solved.status(), solved::toString);
        assertEquals("SOLVED", solved.json().path("status").asText(), solved::toString);
        assertEquals(20, solved.json().path("minutesSpent").asInt(), solved::toString);

        CartableServer.Response seen = server.get(server.token("director"), FLEET + "/tickets/" + ticketId);
        assertEquals(200, seen.status(), seen::toString);
        assertEquals(List.of("ASSIGN", "SOLVE"), Demo.texts(seen.json().path("notes"), "action"), seen::toString);
        assertEquals(404, server.get(server.token("teacher2"), FLEET + "/tickets/" + ticketId).status());
        CartableServer.Response closed = server.post(server.token("teacher"), FLEET + "/tickets/" + ticketId
                + "/close", Map.of("satisfaction", 5));
        assertEquals(200, closed.status(), closed::toString);
        assertEquals("CLOSED", closed.json().path("status").asText(), closed::toString);
    }

    @Test
    @Order(6)
    void reportsAnswerForTheCallersScope(CartableServer server) {
        CartableServer.Response export = server.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + FLEET
                        + "/export/glpi.csv")).header("Authorization", "Bearer " + server.token("director"))
                .GET().build());
        assertEquals(200, export.status(), export::toString);
        assertTrue(export.body().startsWith("itemtype;name;otherserial;serial;model;type;states;entities;locations"),
                export::toString);
        assertTrue(export.body().contains(tags.get(0)), export::toString);
        CartableServer.Response renewal = server.get(server.token("coladmin"), FLEET + "/renewal");
        assertEquals(200, renewal.status(), renewal::toString);
        CartableServer.Response inventory = server.post(server.token("director"), FLEET + "/inventory",
                Map.of("schoolId", julesFerry, "tags", List.of(tags.get(0), "CART-NOPE-000001")));
        assertEquals(200, inventory.status(), inventory::toString);
        List<String> unknown = new ArrayList<>();
        inventory.json().path("unknownTags").forEach(t -> unknown.add(t.asText()));
        assertEquals(List.of("CART-NOPE-000001"), unknown, inventory::toString);
        assertEquals(List.of(imported.get(0)), ids(inventory.json().path("seen")), inventory::toString);
        assertEquals(200, server.get(server.token("operator"), FLEET + "/stats").status());
    }

    private static JsonNode device(CartableServer server, String login, String deviceId) {
        CartableServer.Response r = server.get(server.token(login), FLEET + "/devices/" + deviceId);
        assertEquals(200, r.status(), r::toString);
        return r.json();
    }
}
