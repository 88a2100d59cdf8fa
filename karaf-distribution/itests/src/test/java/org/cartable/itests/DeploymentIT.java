package org.cartable.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

/** The operator's deployment dashboard over REST: coverage, scopes, reference totals, adoption. */
@ExtendWith(CartableExtension.class)
@Order(4) // class order: see junit-platform.properties
class DeploymentIT {

    private static final String TOOL = "/api/tools/deployment";

    private static JsonNode row(JsonNode coverage, String name) {
        for (JsonNode row : coverage.path("collectivities")) {
            if (name.equals(row.path("name").asText())) {
                return row;
            }
        }
        throw new AssertionError("no row for " + name + " in " + coverage);
    }

    @Test
    void operatorSeesTheWholeTerritoryAndCollectivityAdminTheirOwn(CartableServer server) {
        CartableServer.Response all = server.get(server.token("operator"), TOOL + "/coverage");
        assertEquals(200, all.status(), all::toString);
        assertEquals(3, all.json().path("collectivities").size(), all::toString);
        JsonNode montreuil = row(all.json(), "Montreuil-sur-Loire");
        assertEquals(1, montreuil.path("schoolsOnEnt").asInt(), "École Jules Ferry");
        assertTrue(montreuil.path("pupilsOnEnt").asInt() >= 16, montreuil::toString);

        CartableServer.Response own = server.get(server.token("coladmin"), TOOL + "/coverage");
        assertEquals(200, own.status(), own::toString);
        assertEquals(List.of("Montreuil-sur-Loire"), Demo.texts(own.json().path("collectivities"), "name"));
        assertEquals(403, server.get(server.token("coladmin"), TOOL + "/adoption").status());
    }

    @Test
    void schoolAndFamilyRolesAndAnonymousAreRefused(CartableServer server) {
        for (String login : List.of("teacher", "director", "parent", "pupil")) {
            CartableServer.Response r = server.get(server.token(login), TOOL + "/coverage");
            assertEquals(403, r.status(), () -> login + ": " + r);
            Demo.assertNoStackTrace(r);
            assertTrue(!r.body().contains("Montreuil"), () -> login + " learns nothing: " + r);
        }
        assertEquals(401, server.get(null, TOOL + "/coverage").status());
        assertEquals(404, server.get(server.token("operator"), "/api/tools/nothing/coverage").status());
    }

    @Test
    void operatorRecordsReferenceTotalsAndGetsPercentages(CartableServer server) {
        String operator = server.token("operator");
        String montreuil = row(server.get(operator, TOOL + "/coverage").json(), "Montreuil-sur-Loire")
                .path("collectivityId").asText();
        CartableServer.Response bad = server.put(operator, TOOL + "/totals/" + montreuil, Map.of("schools", -3, "pupils", 10));
        assertEquals(400, bad.status(), bad::toString);
        assertEquals(403, server.put(server.token("coladmin"), TOOL + "/totals/" + montreuil,
                Map.of("schools", 2, "pupils", 40)).status());

        CartableServer.Response ok = server.put(operator, TOOL + "/totals/" + montreuil, Map.of("schools", 2, "pupils", 64));
        assertEquals(204, ok.status(), ok::toString);
        JsonNode row = row(server.get(operator, TOOL + "/coverage").json(), "Montreuil-sur-Loire");
        assertEquals(50.0, row.path("schoolsPercent").asDouble(), row::toString);
        assertEquals(Math.round(row.path("pupilsOnEnt").asInt() * 1000.0 / 64) / 10.0, row.path("pupilsPercent").asDouble());

        CartableServer.Response imported = server.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + TOOL + "/totals/import"))
                .header("Authorization", "Bearer " + operator).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString("collectivity;schools;pupils\nSaint-Pierre-des-Bois;1;12\nNowhere;1;1\n"))
                .build());
        assertEquals(200, imported.status(), imported::toString);
        assertEquals(1, imported.json().path("applied").asInt());
        assertEquals(3, imported.json().path("rejected").get(0).path("line").asInt());
    }

    @Test
    void adoptionCountsRecentSignInsAndEnabledApps(CartableServer server) {
        server.token("teacher");
        CartableServer.Response adoption = server.get(server.token("operator"), TOOL + "/adoption");
        assertEquals(200, adoption.status(), adoption::toString);
        assertTrue(adoption.json().path("activeAccounts").path("TEACHER").asInt() >= 1, adoption::toString);
        assertTrue(adoption.json().path("classes").asInt() >= 4, adoption::toString);
        assertTrue(adoption.json().path("classesPerApp").has("blog"), adoption::toString);
    }
}
