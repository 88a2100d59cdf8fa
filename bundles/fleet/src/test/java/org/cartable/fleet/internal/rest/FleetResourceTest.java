package org.cartable.fleet.internal.rest;

import static org.cartable.fleet.internal.FakeTerritory.SCHOOL_A;
import static org.cartable.fleet.internal.FakeTerritory.SCHOOL_B;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.ws.rs.core.Response;
import javax.ws.rs.core.SecurityContext;
import javax.ws.rs.core.UriBuilder;
import javax.ws.rs.core.UriInfo;

import org.cartable.api.Caller;
import org.cartable.api.CartableException;
import org.cartable.api.CartableException.Kind;
import org.cartable.api.rest.CallerPrincipal;
import org.cartable.fleet.internal.Device;
import org.cartable.fleet.internal.DeviceKind;
import org.cartable.fleet.internal.DeviceState;
import org.cartable.fleet.internal.FakeTerritory;
import org.cartable.fleet.internal.TestFleet;
import org.cartable.fleet.internal.rest.FleetJson.BulkStateRequest;
import org.cartable.fleet.internal.rest.FleetJson.DeviceBody;
import org.cartable.fleet.internal.rest.FleetJson.DeviceRequest;
import org.cartable.fleet.internal.rest.FleetJson.NewTicket;
import org.cartable.fleet.internal.rest.FleetJson.TicketAction;
import org.cartable.fleet.internal.rest.FleetJson.TicketBody;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

import com.fasterxml.jackson.databind.ObjectMapper;

/** The resource's own part: required fields, statuses, query parsing and the contract's JSON field names. */
class FleetResourceTest {

    private static TestFleet t;
    private static FakeTerritory p;
    private static FleetResource resource;
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() {
        t = new TestFleet();
        p = t.territory;
        resource = new FleetResource(t.fleet, t.tickets, t.imports, t.export);
    }

    @AfterAll
    static void stop() {
        t.close();
    }

    @Test
    void createdDevicesAnswer201WithTheContractsFields() throws Exception {
        Response response = resource.create(as(p.operator), uri("devices"), new DeviceRequest(DeviceKind.TABLET,
                SCHOOL_A, "iPad", "SN-REST-1", Map.of("storageGb", "64"), new FleetJson.FinancialBody("Acme", null,
                null, null, null, "Plan", "2026-09-01", null, new java.math.BigDecimal("449.90"), 24, 4), null,
                null, null));
        assertEquals(201, response.getStatus());
        DeviceBody device = (DeviceBody) response.getEntity();
        assertEquals(URI.create("http://localhost/api/tools/fleet/devices/" + device.id()), response.getLocation());
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = json.readValue(json.writeValueAsString(device), Map.class);
        assertEquals(List.of("id", "tag", "kind", "schoolId", "schoolName", "model", "serial", "state", "nextStates",
                "assignmentType", "assignedTo", "assignedLabel", "attributes", "financial", "warrantyExpiry",
                "netBookValue", "dates"), List.copyOf(fields.keySet()));
        assertEquals("2028-08-31", fields.get("warrantyExpiry"));
        assertEquals(List.of("CONFIGURED", "IN_REPAIR", "LOST", "RETIRED"), fields.get("nextStates"));
        assertEquals(Map.of("deliveredOn", "2026-11-30"), fields.get("dates"));
        assertBadRequest(() -> resource.create(as(p.operator), uri("devices"), new DeviceRequest(DeviceKind.TABLET,
                SCHOOL_A, null, null, null, null, null, null, "30/11/2026")));
        assertBadRequest(() -> resource.create(as(p.operator), uri("devices"), null));
    }

    @Test
    void bulkStateChangeAndFilters() {
        Device a = t.tablet(SCHOOL_A);
        Device b = t.tablet(SCHOOL_A);
        List<DeviceBody> changed = resource.changeStates(as(p.operator),
                new BulkStateRequest(List.of(a.id(), b.id()), DeviceState.CONFIGURED, "Lot"));
        assertEquals(List.of(DeviceState.CONFIGURED, DeviceState.CONFIGURED),
                changed.stream().map(DeviceBody::state).toList());
        assertTrue(resource.devices(as(p.director), null, null, "CONFIGURED", "TABLET", null).stream()
                .map(DeviceBody::id).toList().containsAll(List.of(a.id(), b.id())));
        assertBadRequest(() -> resource.devices(as(p.director), null, null, "BROKEN", null, null));
        assertBadRequest(() -> resource.changeStates(as(p.operator), new BulkStateRequest(null,
                DeviceState.CONFIGURED, null)));
        assertEquals(Kind.CONFLICT, assertThrows(CartableException.class, () -> resource.changeState(as(p.operator),
                a.id(), new FleetJson.StateRequest(DeviceState.CONFIGURED, null))).kind());
    }

    @Test
    void anotherSchoolsDeviceIsNotFound() {
        Device b = t.tablet(SCHOOL_B);
        for (Executable call : List.<Executable>of(
                () -> resource.device(as(p.director), b.id()),
                () -> resource.label(as(p.teacher), b.id()),
                () -> resource.open(as(p.teacher), uri("tickets"), new NewTicket(b.id(), "Cassé", null)))) {
            assertEquals(Kind.NOT_FOUND, assertThrows(CartableException.class, call).kind());
        }
        assertTrue(resource.label(as(p.teacher2), b.id()).contains(b.tag()));
    }

    @Test
    void ticketsWithABase64PhotoAndTheirActions() throws Exception {
        Device a = t.tablet(SCHOOL_A);
        byte[] jpeg = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0, 0, 16};
        Response created = resource.open(as(p.teacher), uri("tickets"),
                new NewTicket(a.id(), "Écran fissuré", Base64.getEncoder().encodeToString(jpeg)));
        TicketBody ticket = (TicketBody) created.getEntity();
        assertEquals(201, created.getStatus());
        assertEquals("NEW", ticket.status());
        assertEquals(List.of("NOTE"), ticket.actions());
        Response photo = resource.photo(as(p.director), ticket.id());
        assertEquals("image/jpeg", photo.getMediaType().toString());
        assertEquals("nosniff", photo.getHeaderString("X-Content-Type-Options"));
        assertEquals("default-src 'none'; sandbox", photo.getHeaderString("Content-Security-Policy"));
        assertEquals("inline; filename=\"ticket-photo.jpg\"", photo.getHeaderString("Content-Disposition"));
        assertBadRequest(() -> resource.open(as(p.teacher), uri("tickets"), new NewTicket(a.id(), "x", "%%%")));
        // The type is read from the content: HTML or SVG named or labelled as a picture is refused.
        for (String active : List.of("<html><script>alert(1)</script></html>",
                "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>", "GIF89a<script>")) {
            assertBadRequest(() -> resource.open(as(p.teacher), uri("tickets"), new NewTicket(a.id(), "x",
                    Base64.getEncoder().encodeToString(active.getBytes(java.nio.charset.StandardCharsets.UTF_8)))));
        }

        assertEquals("ASSIGNED", resource.assign(as(p.operator), ticket.id(), null).status());
        assertEquals("SOLVED", resource.solve(as(p.operator), ticket.id(),
                new TicketAction(null, null, "Remplacé", 30, null)).status());
        TicketBody closed = resource.close(as(p.teacher), ticket.id(), new TicketAction(null, null, null, null, 5));
        assertEquals(5, closed.satisfaction());
        @SuppressWarnings("unchecked")
        Map<String, Object> fields = json.readValue(json.writeValueAsString(closed), Map.class);
        assertEquals(List.of("ownBy", "resolveBy", "daysToOwn", "daysToResolve", "lateToOwn", "lateToResolve"),
                List.copyOf(((Map<String, Object>) fields.get("targets")).keySet()));
        assertEquals(4, resource.ticket(as(p.director), ticket.id()).notes().size() + 1,
                "assign, solve, close notes (opening is the ticket itself)");
    }

    @Test
    void anAnonymousRequestIsUnauthorized() {
        assertEquals(Kind.UNAUTHORIZED, assertThrows(CartableException.class,
                () -> resource.schools(as(null))).kind());
    }

    private static SecurityContext as(Caller caller) {
        return proxy(SecurityContext.class, "getUserPrincipal", caller == null ? null : new CallerPrincipal(caller));
    }

    private static UriInfo uri(String path) {
        return proxy(UriInfo.class, "getAbsolutePathBuilder",
                UriBuilder.fromUri("http://localhost/api/tools/fleet/" + path));
    }

    private static <T> T proxy(Class<T> type, String method, Object answer) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (self, called, args) -> {
            if (called.getName().equals(method)) {
                return answer;
            }
            throw new UnsupportedOperationException(called.getName());
        }));
    }

    private static void assertBadRequest(Executable call) {
        assertEquals(Kind.BAD_REQUEST, assertThrows(CartableException.class, call).kind());
    }
}
