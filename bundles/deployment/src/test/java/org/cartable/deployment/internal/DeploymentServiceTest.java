package org.cartable.deployment.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.cartable.api.Caller;
import org.cartable.api.CartableException;
import org.cartable.api.Role;
import org.cartable.api.territory.CollectivityInfo;
import org.cartable.api.territory.SchoolInfo;
import org.cartable.api.territory.Territory;
import org.cartable.api.territory.TerritoryScope;
import org.cartable.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DeploymentServiceTest {

    private static final Caller OPERATOR = new Caller("op", "operator", "Olivier", Set.of(Role.OPERATOR));
    private static final Caller COL_ADMIN = new Caller("ca", "coladmin", "Hélène", Set.of(Role.COLLECTIVITY_ADMIN));
    private static final Caller TEACHER = new Caller("t", "teacher", "Marie", Set.of(Role.TEACHER));

    private TestDatabase db;
    private DeploymentService service;

    /** Two communes: A runs two schools (30 + 10 pupils), B one school (8 pupils). */
    private final Territory territory = new Territory() {
        @Override
        public List<CollectivityInfo> collectivities() {
            return List.of(new CollectivityInfo("A", "Commune A", "COMMUNE", true, "21450123400017"),
                    new CollectivityInfo("B", "Commune B", "COMMUNE", false, null));
        }

        @Override
        public Optional<CollectivityInfo> collectivity(String id) {
            return collectivities().stream().filter(c -> c.id().equals(id)).findFirst();
        }

        @Override
        public List<SchoolInfo> schools() {
            return List.of(new SchoolInfo("a1", "0450001A", "École A1", "A", true),
                    new SchoolInfo("a2", "0450002A", "École A2", "A", true),
                    new SchoolInfo("b1", "0450003B", "École B1", "B", true));
        }

        @Override
        public Optional<SchoolInfo> school(String id) {
            return schools().stream().filter(s -> s.id().equals(id)).findFirst();
        }

        @Override
        public Map<String, Integer> pupilsPerSchool(LocalDate censusDate) {
            return Map.of("a1", 30, "a2", 10, "b1", 8);
        }

        @Override
        public Map<Role, Integer> activeAccounts(Instant since) {
            return Map.of(Role.TEACHER, 3, Role.PARENT, 12);
        }

        @Override
        public Map<String, Integer> classesPerEnabledApp() {
            return Map.of("blog", 2);
        }

        @Override
        public int currentClassCount() {
            return 3;
        }

        @Override
        public TerritoryScope scopeOf(Caller caller) {
            if (caller.has(Role.OPERATOR)) {
                return new TerritoryScope(true, Set.of(), Set.of());
            }
            if (caller.has(Role.COLLECTIVITY_ADMIN)) {
                return new TerritoryScope(false, Set.of("A"), Set.of("a1", "a2"));
            }
            return TerritoryScope.none();
        }
    };

    @BeforeEach
    void setUp() {
        db = new TestDatabase().migrate(DeploymentService.CHANGELOG);
        service = DeploymentService.create(db.jpa("cartable-deployment"), territory,
                Clock.fixed(Instant.parse("2026-11-29T10:00:00Z"), ZoneOffset.UTC));
    }

    @AfterEach
    void tearDown() {
        db.close();
    }

    @Test
    void coverageCountsSchoolsAndPupilsPerCollectivityAndPercentagesOnceTotalsAreKnown() {
        Coverage before = service.coverage(OPERATOR);
        CoverageRow a = before.collectivities().get(0);
        assertEquals(2, a.schoolsOnEnt());
        assertEquals(40, a.pupilsOnEnt());
        assertNull(a.pupilsPercent(), "no percentage without a reference total");
        assertEquals(48, before.overall().pupilsOnEnt());

        service.setTotals(OPERATOR, "A", 4, 160);
        service.setTotals(OPERATOR, "B", 1, 8);
        Coverage after = service.coverage(OPERATOR);
        assertEquals(50.0, after.collectivities().get(0).schoolsPercent());
        assertEquals(25.0, after.collectivities().get(0).pupilsPercent());
        assertEquals(100.0, after.collectivities().get(1).pupilsPercent());
        // overall: 3 of 5 schools, 48 of 168 pupils
        assertEquals(60.0, after.overall().schoolsPercent());
        assertEquals(28.6, after.overall().pupilsPercent());
    }

    @Test
    void collectivityAdminSeesOnlyTheirCollectivitiesAndNoAdoption() {
        Coverage coverage = service.coverage(COL_ADMIN);
        assertEquals(List.of("Commune A"), coverage.collectivities().stream().map(CoverageRow::name).toList());
        assertEquals(40, coverage.overall().pupilsOnEnt());
        assertEquals(CartableException.Kind.FORBIDDEN,
                assertThrows(CartableException.class, () -> service.adoption(COL_ADMIN)).kind());
        assertEquals(CartableException.Kind.FORBIDDEN,
                assertThrows(CartableException.class, () -> service.setTotals(COL_ADMIN, "A", 1, 1)).kind());
        assertEquals(CartableException.Kind.FORBIDDEN,
                assertThrows(CartableException.class, () -> service.coverage(TEACHER)).kind());
    }

    @Test
    void badTotalsAreRefusedAndChangeNothing() {
        service.setTotals(OPERATOR, "A", 4, 160);
        assertEquals(CartableException.Kind.BAD_REQUEST,
                assertThrows(CartableException.class, () -> service.setTotals(OPERATOR, "A", -1, 160)).kind());
        assertEquals(CartableException.Kind.BAD_REQUEST,
                assertThrows(CartableException.class, () -> service.setTotals(OPERATOR, "A", 4, null)).kind());
        assertEquals(CartableException.Kind.NOT_FOUND,
                assertThrows(CartableException.class, () -> service.setTotals(OPERATOR, "Z", 4, 10)).kind());
        assertEquals(160, service.coverage(OPERATOR).collectivities().get(0).pupilsTotal());
    }

    @Test
    void importAppliesGoodLinesByNameOrSiretAndReportsBadOnes() {
        TotalsImport result = service.importTotals(OPERATOR, "\uFEFFcollectivité;écoles;élèves\n"
                + "21450123400017;5;200\n"
                + "commune b;2;30\n"
                + "Commune Z;1;1\n"
                + "Commune B;x;3\n"
                + "Commune A;1\n");
        assertEquals(2, result.applied());
        assertEquals(List.of(4, 5, 6), result.rejected().stream().map(TotalsImport.Rejected::line).toList());
        assertTrue(result.rejected().get(0).reason().contains("Unknown collectivity"));
        Coverage coverage = service.coverage(OPERATOR);
        assertEquals(200, coverage.collectivities().get(0).pupilsTotal());
        assertEquals(30, coverage.collectivities().get(1).pupilsTotal());
        assertEquals(CartableException.Kind.BAD_REQUEST,
                assertThrows(CartableException.class, () -> service.importTotals(OPERATOR, " ")).kind());
    }

    @Test
    void historyHasOnePointPerRecordedDayWithinTheCallersScope() {
        service.setTotals(OPERATOR, "A", 4, 80);
        service.setTotals(OPERATOR, "B", 1, 8);
        service.recordPastSnapshot(LocalDate.of(2026, 10, 1), "A", 1, 20, 4, 80);
        service.recordPastSnapshot(LocalDate.of(2026, 10, 1), "B", 0, 0, 1, 8);
        service.recordSnapshot();
        service.recordSnapshot(); // the same day again replaces, never duplicates

        List<HistoryPoint> all = service.history(OPERATOR);
        assertEquals(2, all.size());
        assertEquals(20, all.get(0).pupilsOnEnt());
        assertEquals(48, all.get(1).pupilsOnEnt());
        assertEquals(54.5, all.get(1).pupilsPercent());

        List<HistoryPoint> communeA = service.history(COL_ADMIN);
        assertEquals(List.of(20, 40), communeA.stream().map(HistoryPoint::pupilsOnEnt).toList());
        assertEquals(25.0, communeA.get(0).pupilsPercent());
    }

    @Test
    void adoptionGivesActiveAccountsAndAppsPerClass() {
        Adoption adoption = service.adoption(OPERATOR);
        assertEquals(30, adoption.days());
        assertEquals(12, adoption.activeAccounts().get(Role.PARENT));
        assertEquals(3, adoption.classes());
        assertEquals(2, adoption.classesPerApp().get("blog"));
    }
}
