package org.cartable.fleet.internal;

import static org.cartable.fleet.internal.FakeTerritory.CLASS_A1;
import static org.cartable.fleet.internal.FakeTerritory.CLASS_B1;
import static org.cartable.fleet.internal.FakeTerritory.MONTREUIL;
import static org.cartable.fleet.internal.FakeTerritory.SCHOOL_A;
import static org.cartable.fleet.internal.FakeTerritory.SCHOOL_A2;
import static org.cartable.fleet.internal.FakeTerritory.SCHOOL_B;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.cartable.api.CartableException;
import org.cartable.fleet.internal.Reports.InventoryReport;
import org.cartable.fleet.internal.Reports.RenewalPlan;
import org.cartable.fleet.internal.Reports.RenewalReason;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Devices on Derby: tags, state machine and history, bulk changes, assignments, scope, inventory, renewal. */
class FleetServiceTest {

    /* One database for the class (Hibernate starts in seconds): each test works on the devices it creates. */
    private static TestFleet t;
    private static FakeTerritory p;

    @BeforeAll
    static void open() {
        t = new TestFleet();
        p = t.territory;
    }

    @AfterAll
    static void close() {
        t.close();
    }

    @BeforeEach
    void resetClock() {
        t.clock.set(LocalDate.of(2026, 11, 30));
    }

    @Test
    void newDevicesGetUniqueTagsPerSchoolAndStartInFactoryMode() {
        Device first = t.tablet(SCHOOL_A);
        Device second = t.tablet(SCHOOL_A);
        Device other = t.tablet(SCHOOL_B);
        assertTrue(first.tag().matches("CART-0451234A-\\d{6}"), first.tag());
        assertEquals(number(first.tag()) + 1, number(second.tag()));
        assertTrue(other.tag().startsWith("CART-0455678B-"), other.tag());
        assertEquals(36, first.id().length(), "UUID ids");
        assertEquals(DeviceState.FACTORY, first.state());
        assertEquals(LocalDate.of(2026, 11, 30), first.milestones().deliveredOn());
        assertEquals(AssignmentType.SCHOOL, first.assignmentType());
        assertEquals("École Jules Ferry", first.schoolName());
    }

    @Test
    void stateChangesFillTheirDatesAndTheHistory() {
        Device tablet = t.tablet(SCHOOL_A);
        t.clock.set(LocalDate.of(2026, 12, 1));
        t.fleet.changeState(p.operator, List.of(tablet.id()), DeviceState.CONFIGURED, "Profil Jules Ferry");
        t.clock.set(LocalDate.of(2026, 12, 2));
        Device enrolled = t.move(p.operator, tablet, DeviceState.ENROLLED, DeviceState.FILTERED);
        t.clock.set(LocalDate.of(2026, 12, 3));
        Device inService = t.move(p.operator, enrolled, DeviceState.IN_SERVICE);

        Device.Milestones m = inService.milestones();
        assertEquals(LocalDate.of(2026, 12, 1), m.configuredOn());
        assertEquals(LocalDate.of(2026, 12, 2), m.enrolledOn());
        assertEquals(LocalDate.of(2026, 12, 2), m.filteringOn());
        assertEquals(LocalDate.of(2026, 12, 3), m.inServiceSince());
        assertEquals(LocalDate.of(2026, 12, 3), inService.financial().startOfUseDate(), "start of use filled");

        DeviceDetail detail = t.fleet.device(p.director, tablet.id());
        List<DeviceState> path = detail.history().stream().map(DeviceDetail.StateChange::to).toList();
        assertEquals(List.of(DeviceState.FACTORY, DeviceState.CONFIGURED, DeviceState.ENROLLED, DeviceState.FILTERED,
                DeviceState.IN_SERVICE), path);
        DeviceDetail.StateChange configured = detail.history().get(1);
        assertEquals(DeviceState.FACTORY, configured.from());
        assertEquals("Profil Jules Ferry", configured.note());
        assertEquals("Olivier Opérateur", configured.authorName());
        assertFalse(detail.mayEdit(), "directors read");
        assertEquals(Set.of(), detail.device().next(), "directors are offered no transition");
    }

    @Test
    void aTransitionOutsideTheStateMachineIsAConflict() {
        Device tablet = t.tablet(SCHOOL_A);
        CartableException refused = assertThrows(CartableException.class,
                () -> t.fleet.changeState(p.operator, List.of(tablet.id()), DeviceState.IN_SERVICE, null));
        assertEquals(CartableException.Kind.CONFLICT, refused.kind());
        assertTrue(refused.getMessage().contains(tablet.tag()), refused.getMessage());
        Device retired = t.move(p.operator, tablet, DeviceState.RETIRED);
        assertEquals(LocalDate.of(2026, 11, 30), retired.milestones().decommissionedOn());
        assertThrows(CartableException.class, () -> t.move(p.operator, retired, DeviceState.IN_SERVICE));
    }

    @Test
    void bulkChangesAreAllOrNothingAndNameTheDevicesThatCannot() {
        List<Device> tablets = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            tablets.add(t.tablet(SCHOOL_A));
        }
        Device alreadyConfigured = t.move(p.operator, tablets.get(7), DeviceState.CONFIGURED);
        Device lost = t.move(p.operator, tablets.get(12), DeviceState.LOST);
        List<String> ids = tablets.stream().map(Device::id).toList();

        CartableException refused = assertThrows(CartableException.class,
                () -> t.fleet.changeState(p.operator, ids, DeviceState.CONFIGURED, null));
        assertEquals(CartableException.Kind.CONFLICT, refused.kind());
        assertTrue(refused.getMessage().contains("2 of 30"), refused.getMessage());
        assertTrue(refused.getMessage().contains(alreadyConfigured.tag() + " (CONFIGURED)"), refused.getMessage());
        assertTrue(refused.getMessage().contains(lost.tag() + " (LOST)"), refused.getMessage());
        long stillFactory = t.fleet.devices(p.operator, new DeviceFilter(SCHOOL_A, null, DeviceState.FACTORY, null,
                null)).stream().filter(d -> ids.contains(d.id())).count();
        assertEquals(28, stillFactory, "nothing changed");

        List<String> factoryIds = tablets.stream().map(Device::id)
                .filter(id -> !id.equals(alreadyConfigured.id()) && !id.equals(lost.id())).toList();
        List<Device> configured = t.fleet.changeState(p.operator, factoryIds, DeviceState.CONFIGURED, "Lot 1");
        assertEquals(28, configured.size());
        assertTrue(configured.stream().allMatch(d -> d.state() == DeviceState.CONFIGURED));
        assertEquals(29, t.fleet.devices(p.director, new DeviceFilter(null, null, DeviceState.CONFIGURED, null, null))
                .stream().filter(d -> ids.contains(d.id())).count());
    }

    @Test
    void onlyManagersChangeDevicesAndOutOfScopeIdsAreUnknown() {
        Device a = t.tablet(SCHOOL_A);
        Device b = t.tablet(SCHOOL_B);
        assertEquals(CartableException.Kind.FORBIDDEN, assertThrows(CartableException.class,
                () -> t.fleet.changeState(p.director, List.of(a.id()), DeviceState.CONFIGURED, null)).kind());
        assertEquals(CartableException.Kind.FORBIDDEN, assertThrows(CartableException.class,
                () -> t.fleet.create(p.coladmin, new DeviceInput(DeviceKind.TABLET, SCHOOL_A, null, null, null,
                        null, null, null, null))).kind());
        assertEquals(CartableException.Kind.NOT_FOUND, assertThrows(CartableException.class,
                () -> t.fleet.device(p.director, b.id())).kind());
        assertEquals(CartableException.Kind.NOT_FOUND, assertThrows(CartableException.class,
                () -> t.fleet.device(p.director, "no-such-id")).kind());
        assertEquals(CartableException.Kind.FORBIDDEN, assertThrows(CartableException.class,
                () -> t.fleet.devices(p.pupil, DeviceFilter.all())).kind(), "pupils hold none of the app's roles");
    }

    @Test
    void eachSeesTheirSchoolsOnly() {
        Device a = t.tablet(SCHOOL_A);
        Device a2 = t.tablet(SCHOOL_A2);
        Device b = t.tablet(SCHOOL_B);
        Set<String> mine = Set.of(a.id(), a2.id(), b.id());
        assertEquals(mine, seen(p.operator, DeviceFilter.all(), mine));
        assertEquals(mine, seen(p.admin, DeviceFilter.all(), mine));
        assertEquals(Set.of(a.id(), a2.id()), seen(p.coladmin, DeviceFilter.all(), mine));
        assertEquals(Set.of(a.id()), seen(p.director, DeviceFilter.all(), mine));
        assertEquals(Set.of(b.id()), seen(p.directorB, DeviceFilter.all(), mine));
        assertEquals(Set.of(a.id()), seen(p.teacher, DeviceFilter.all(), mine), "teachers: their school");
        assertEquals(Set.of(b.id()), seen(p.teacher2, DeviceFilter.all(), mine));
        assertTrue(t.fleet.devices(p.director, DeviceFilter.all()).stream().allMatch(d -> d.schoolId().equals(SCHOOL_A)));
        // asking for another school gives nothing, not an error that would confirm it exists
        assertEquals(Set.of(), ids(t.fleet.devices(p.director, new DeviceFilter(SCHOOL_B, null, null, null, null))));
        assertEquals(Set.of(a.id(), a2.id()), seen(p.operator, new DeviceFilter(null, MONTREUIL, null, null, null),
                mine));
        assertEquals(Set.of(a.id()), ids(t.fleet.devices(p.operator,
                new DeviceFilter(null, null, null, null, a.tag().substring(5).toLowerCase()))));
        assertTrue(t.fleet.byTag(p.director, b.tag()).isEmpty());
        assertEquals(List.of("École Jules Ferry"),
                t.fleet.schools(p.director).stream().map(s -> s.name()).toList());
    }

    @Test
    void editingKeepsTheKindValidatesAttributesAndAssignments() {
        Device trolley = t.fleet.create(p.operator, new DeviceInput(DeviceKind.CHARGING_TROLLEY, SCHOOL_A, "Trolley",
                "TR-1", Map.of("capacity", "2"), null, AssignmentType.ROOM, "Salle 12", null));
        assertEquals("Salle 12", trolley.assignedLabel());
        Device t1 = t.tablet(SCHOOL_A);
        Device t2 = t.tablet(SCHOOL_A);
        Device t3 = t.tablet(SCHOOL_A);
        Device inTrolley = t.fleet.update(p.operator, t1.id(), input(t1, AssignmentType.DEVICE, trolley.id()));
        assertEquals(trolley.tag(), inTrolley.assignedLabel());
        t.fleet.update(p.operator, t2.id(), input(t2, AssignmentType.DEVICE, trolley.id()));
        assertEquals(CartableException.Kind.CONFLICT, assertThrows(CartableException.class,
                () -> t.fleet.update(p.operator, t3.id(), input(t3, AssignmentType.DEVICE, trolley.id()))).kind(),
                "capacity 2");
        assertEquals(2, t.fleet.device(p.operator, trolley.id()).contents().size());
        // a trolley cannot go into a tablet, a tablet cannot hold a tablet
        assertThrows(CartableException.class,
                () -> t.fleet.update(p.operator, t3.id(), input(t3, AssignmentType.DEVICE, t1.id())));
        Device otherSchool = t.tablet(SCHOOL_B);
        assertThrows(CartableException.class, () -> t.fleet.update(p.operator, otherSchool.id(),
                input(otherSchool, AssignmentType.DEVICE, trolley.id())), "containers stay in their school");
        // classes of the school only
        assertEquals("CM1 A", t.fleet.update(p.operator, t3.id(), input(t3, AssignmentType.CLASS, CLASS_A1))
                .assignedLabel());
        assertThrows(CartableException.class,
                () -> t.fleet.update(p.operator, t3.id(), input(t3, AssignmentType.CLASS, CLASS_B1)));
        assertEquals("Marie Martin", t.fleet.update(p.operator, t3.id(), input(t3, AssignmentType.PERSON, "teacher"))
                .assignedLabel());
        // kind attributes
        CartableException bad = assertThrows(CartableException.class, () -> t.fleet.update(p.operator, t3.id(),
                new DeviceInput(null, null, "iPad", "SN", Map.of("capacity", "3"), null, null, null, null)));
        assertEquals(CartableException.Kind.BAD_REQUEST, bad.kind());
        assertThrows(CartableException.class, () -> t.fleet.update(p.operator, t3.id(),
                new DeviceInput(DeviceKind.LAPTOP, null, null, null, null, null, null, null, null)));
    }

    private static DeviceInput input(Device d, AssignmentType type, String to) {
        return new DeviceInput(null, null, d.model(), d.serial(), d.attributes(), d.financial(), type, to, null);
    }

    @Test
    void theFinancialRecordIsKeptAndComputed() {
        Device laptop = t.withFinancial(DeviceKind.LAPTOP, SCHOOL_A, LocalDate.of(2024, 11, 30), "900.00", 24, 3);
        assertEquals(LocalDate.of(2026, 11, 29), laptop.warrantyExpiry());
        assertEquals(new BigDecimal("300.00"), laptop.netBookValue(), "two years of three on 2026-11-30");
        Device detail = t.fleet.device(p.director, laptop.id()).device();
        assertEquals("Plan numérique", detail.financial().funding());
        assertEquals("IMMO-1", detail.financial().assetNumber());
        assertThrows(CartableException.class, () -> t.fleet.update(p.operator, laptop.id(), new DeviceInput(null,
                null, null, null, null, new Financial(null, null, null, null, null, null, null, null,
                new BigDecimal("-1"), null, null), null, null, null)));
    }

    @Test
    void inventoryDatesWhatWasScannedAndReportsUnknownAndMissing() {
        Device a1 = t.tablet(SCHOOL_A);
        Device a2 = t.tablet(SCHOOL_A);
        Device a3 = t.tablet(SCHOOL_A);
        Device retired = t.move(p.operator, t.tablet(SCHOOL_A), DeviceState.RETIRED);
        Device b = t.tablet(SCHOOL_B);
        t.clock.set(LocalDate.of(2026, 12, 4));
        InventoryReport report = t.fleet.inventory(p.director, null,
                List.of(a1.tag().toLowerCase(), " " + a2.tag() + " ", a1.tag(), "CART-XXXX-1", b.tag(), ""));
        assertEquals(List.of(a1.id(), a2.id()), report.seen().stream().map(Device::id).toList());
        assertEquals(List.of("CART-XXXX-1", b.tag()), report.unknownTags(), "another school's tag is unknown here");
        Set<String> mine = Set.of(a1.id(), a2.id(), a3.id(), retired.id(), b.id());
        assertEquals(List.of(a3.id()), report.missing().stream().map(Device::id).filter(mine::contains).toList(),
                "retired not expected");
        assertTrue(report.missing().stream().allMatch(d -> d.schoolId().equals(SCHOOL_A)));
        assertEquals(LocalDate.of(2026, 12, 4), t.fleet.device(p.director, a1.id()).device().milestones()
                .lastInventoryOn());
        assertNull(t.fleet.device(p.operator, b.id()).device().milestones().lastInventoryOn());
        assertNull(t.fleet.device(p.operator, retired.id()).device().milestones().lastInventoryOn());
        assertEquals(CartableException.Kind.FORBIDDEN, assertThrows(CartableException.class,
                () -> t.fleet.inventory(p.teacher, null, List.of(a1.tag()))).kind());
        assertEquals(CartableException.Kind.NOT_FOUND, assertThrows(CartableException.class,
                () -> t.fleet.inventory(p.director, SCHOOL_B, List.of())).kind());
    }

    @Test
    void renewalListsOldAndOutOfWarrantyDevicesWithABudget() {
        // totals over the whole fleet: a database of its own
        try (TestFleet t = new TestFleet()) {
            FakeTerritory p = t.territory;
            Device old = t.withFinancial(DeviceKind.LAPTOP, SCHOOL_A, LocalDate.of(2020, 9, 1), "800", 24, 5);
            Device outOfWarranty = t.withFinancial(DeviceKind.TABLET, SCHOOL_A, LocalDate.of(2024, 9, 1), "400", 12, 4);
            t.withFinancial(DeviceKind.TABLET, SCHOOL_A, LocalDate.of(2026, 9, 1), "400", 24, 4);
            Device oldB = t.withFinancial(DeviceKind.INTERACTIVE_SCREEN, SCHOOL_B, LocalDate.of(2019, 1, 1), "3000", 60, 5);
            t.move(p.operator, t.withFinancial(DeviceKind.TABLET, SCHOOL_A, LocalDate.of(2018, 1, 1), "400", 12, 4),
                    DeviceState.RETIRED);

            RenewalPlan plan = t.fleet.renewal(p.operator, null, null);
            assertEquals(5, plan.maxAgeYears());
            assertEquals(List.of(old.id(), outOfWarranty.id(), oldB.id()),
                    plan.devices().stream().map(d -> d.device().id()).toList());
            assertEquals(List.of(RenewalReason.AGE, RenewalReason.WARRANTY), plan.devices().get(0).reasons());
            assertEquals(List.of(RenewalReason.WARRANTY), plan.devices().get(1).reasons());
            assertEquals(new BigDecimal("4750"), plan.budget(), "800 + 450 + 3500");
            assertEquals(2, plan.schools().size());
            assertEquals(new BigDecimal("1250"), plan.schools().get(0).budget());
            assertEquals(Map.of(DeviceKind.LAPTOP, 1, DeviceKind.TABLET, 1), plan.schools().get(0).dueByKind());
            assertEquals(List.of("Montreuil-sur-Loire", "Saint-Pierre-des-Bois"),
                    plan.collectivities().stream().map(Reports.RenewalLine::name).toList());

            RenewalPlan director = t.fleet.renewal(p.director, null, 10);
            assertEquals(List.of(old.id(), outOfWarranty.id()),
                    director.devices().stream().map(d -> d.device().id()).toList(), "school B is out of scope");
            assertEquals(List.of(RenewalReason.WARRANTY), director.devices().get(0).reasons(), "ten years: not too old");
            assertThrows(CartableException.class, () -> t.fleet.renewal(p.teacher, null, null));
            assertThrows(CartableException.class, () -> t.fleet.renewal(p.operator, null, 0));
        }
    }

    @Test
    void fleetByCollectivityCountsStatesAndKinds() {
        // totals over the whole fleet: a database of its own
        try (TestFleet t = new TestFleet()) {
            FakeTerritory p = t.territory;
            t.tablet(SCHOOL_A);
            t.move(p.operator, t.tablet(SCHOOL_A2), DeviceState.CONFIGURED);
            t.create(DeviceKind.ROBOT_KIT, SCHOOL_B);
            List<Reports.CollectivityFleet> all = t.fleet.fleetByCollectivity(p.operator);
            assertEquals(2, all.size());
            assertEquals(Map.of(DeviceState.FACTORY, 1, DeviceState.CONFIGURED, 1), all.get(0).byState());
            assertEquals(Map.of(DeviceKind.TABLET, 2), all.get(0).byKind());
            assertEquals(Map.of(DeviceKind.ROBOT_KIT, 1), all.get(1).byKind());
            assertEquals(1, t.fleet.fleetByCollectivity(p.director).size());
        }
    }

    private static int number(String tag) {
        return Integer.parseInt(tag.substring(tag.lastIndexOf('-') + 1));
    }

    private static Set<String> seen(org.cartable.api.Caller caller, DeviceFilter filter, Set<String> among) {
        Set<String> seen = new java.util.HashSet<>(ids(t.fleet.devices(caller, filter)));
        seen.retainAll(among);
        return seen;
    }

    private static Set<String> ids(List<Device> devices) {
        return Set.copyOf(devices.stream().map(Device::id).toList());
    }
}
