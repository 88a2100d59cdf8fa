package org.cartable.fleet.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.cartable.api.Caller;
import org.cartable.api.notify.Notice;
import org.cartable.testing.TestDatabase;

/** The fleet's services over a fresh in-memory Derby with the real changelog, the fake territory and a clock. */
public final class TestFleet implements AutoCloseable {

    public final FakeTerritory territory = new FakeTerritory();
    public final FakeTerritory.MovableClock clock = new FakeTerritory.MovableClock();
    public final TestDatabase db = new TestDatabase().migrate(FleetService.CHANGELOG);
    public final List<Notice> notices = new java.util.ArrayList<>();
    public final FleetService fleet;
    public final TicketService tickets;
    public final DeliveryImport imports;
    public final GlpiExport export;

    public TestFleet() {
        this(FleetSettings.defaults());
    }

    TestFleet(FleetSettings settings) {
        fleet = new FleetService(db.jpa(FleetService.UNIT), territory, territory, territory, settings, clock);
        tickets = new TicketService(fleet, territory, notice -> {
            notices.add(notice);
            return 1;
        });
        imports = new DeliveryImport(fleet);
        export = new GlpiExport(fleet);
    }

    public Device tablet(String schoolId) {
        return create(DeviceKind.TABLET, schoolId);
    }

    public Device create(DeviceKind kind, String schoolId) {
        return fleet.create(territory.operator, new DeviceInput(kind, schoolId, "Model " + kind, null, Map.of(),
                null, null, null, null));
    }

    Device withFinancial(DeviceKind kind, String schoolId, LocalDate purchase, String value, Integer warrantyMonths,
                         Integer years) {
        Financial f = new Financial("Acme", "PO-1", "BL-1", "F-1", "IMMO-1", "Plan numérique", purchase, null,
                value == null ? null : new BigDecimal(value), warrantyMonths, years);
        return fleet.create(territory.operator, new DeviceInput(kind, schoolId, "Model", null, Map.of(), f, null,
                null, purchase));
    }

    Device move(Caller caller, Device device, DeviceState... states) {
        Device current = device;
        for (DeviceState state : states) {
            current = fleet.changeState(caller, List.of(current.id()), state, null).get(0);
        }
        return current;
    }

    @Override
    public void close() {
        db.close();
    }
}
