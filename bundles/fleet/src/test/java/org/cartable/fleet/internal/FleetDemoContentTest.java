package org.cartable.fleet.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.cartable.api.Caller;
import org.cartable.api.demo.DemoDirectory;
import org.junit.jupiter.api.Test;

/** The demo content seeds through the real services: devices in the demo schools, a full trolley, tickets. */
class FleetDemoContentTest {

    @Test
    void seedsAFleetWithATrolleyOfTabletsAndTickets() {
        try (TestFleet t = new TestFleet()) {
            FakeTerritory p = t.territory;
            Map<String, String> classes = Map.of("CM1 A", FakeTerritory.CLASS_A1, "CE2-CM1", FakeTerritory.CLASS_A1,
                    "CP B", FakeTerritory.CLASS_B1);
            Map<String, Caller> people = Map.of("operator", p.operator, "teacher", p.teacher, "teacher2", p.teacher2,
                    "director", p.director);
            new FleetDemoContent(t.fleet, t.tickets, p).seed(new DemoDirectory() {
                @Override
                public Caller caller(String login) {
                    return people.get(login);
                }

                @Override
                public String classId(String className) {
                    return classes.get(className);
                }

                @Override
                public Clock clock() {
                    return t.clock;
                }
            });
            List<Device> all = t.fleet.devices(p.operator, DeviceFilter.all());
            assertEquals(37, all.size(), "31 at Jules Ferry, 6 at Marie Curie (no Victor Hugo in the fake)");
            Device trolley = all.stream().filter(d -> d.kind() == DeviceKind.CHARGING_TROLLEY).findFirst()
                    .orElseThrow();
            DeviceDetail detail = t.fleet.device(p.operator, trolley.id());
            assertEquals(16, detail.contents().size());
            assertTrue(detail.contents().stream().allMatch(d -> d.state() == DeviceState.IN_SERVICE));
            assertEquals(7, t.fleet.devices(p.operator, new DeviceFilter(null, null, DeviceState.FACTORY, null, null))
                    .size(), "this week's six tablets wait for the bulk action, with a spare laptop");
            assertEquals(4, t.tickets.tickets(p.operator, false).size());
            assertEquals(3, t.tickets.tickets(p.operator, true).size());
            assertTrue(t.fleet.renewal(p.operator, null, null).devices().size() >= 5, "Marie Curie's old devices");
        }
    }
}
