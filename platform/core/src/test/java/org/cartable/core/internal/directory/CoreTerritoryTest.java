package org.cartable.core.internal.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.cartable.api.Caller;
import org.cartable.api.Role;
import org.cartable.api.territory.CollectivityInfo;
import org.cartable.api.territory.SchoolInfo;
import org.cartable.api.territory.TerritoryScope;
import org.cartable.core.internal.SmallDirectory;
import org.cartable.core.internal.accounts.AccountSettings;
import org.cartable.core.internal.accounts.CoreAccounts;
import org.cartable.core.internal.apps.ClassAppActivations;
import org.cartable.core.internal.apps.CoreAppCatalog;
import org.cartable.core.internal.model.ClassAppActivation;
import org.cartable.core.internal.model.Collectivity;
import org.cartable.core.internal.model.Person;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CoreTerritoryTest {

    private SmallDirectory d;
    private CoreTerritory territory;
    private Caller colAdminA;

    @BeforeAll
    void setUp() {
        d = new SmallDirectory();
        ClassAppActivations activations = ClassAppActivations.create(d.jpa, CoreDirectory.create(d.jpa, d.clock),
                new CoreAppCatalog(), Set.of("blog"), d.clock);
        territory = CoreTerritory.create(d.jpa, activations, d.clock);
        d.jpa.tx(em -> {
            Collectivity communeA = em.createQuery("select c from Collectivity c where c.name = 'Commune A'",
                    Collectivity.class).getSingleResult();
            Person admin = new DirectoryWriter(em, d.clock).person("col.admin", "x", "Colette", "Admin",
                    Role.COLLECTIVITY_ADMIN);
            new DirectoryWriter(em, d.clock).collectivityAdmin(admin, communeA);
            colAdminA = new Caller(admin.getId(), admin.getLogin(), admin.displayName(), Set.copyOf(admin.getRoles()));
            em.persist(new ClassAppActivation(d.b1, "blog", false, null, d.clock.instant()));
            em.persist(new ClassAppActivation(d.a1, "wiki", true, null, d.clock.instant()));
            em.persist(new ClassAppActivation(d.oldA, "wiki", true, null, d.clock.instant()));
        });
    }

    @AfterAll
    void tearDown() {
        d.close();
    }

    @Test
    void listsCollectivitiesAndSchoolsWithTheirFacts() {
        List<CollectivityInfo> collectivities = territory.collectivities();
        assertEquals(List.of("Commune A", "Commune B"), collectivities.stream().map(CollectivityInfo::name).toList());
        assertTrue(collectivities.get(0).member());
        assertFalse(collectivities.get(1).member());
        List<SchoolInfo> schools = territory.schools();
        assertEquals(List.of("0450001A", "0450002B"), schools.stream().map(SchoolInfo::uai).toList());
        assertEquals(collectivities.get(0).id(), schools.get(0).collectivityId());
        assertTrue(territory.school(d.schoolA).orElseThrow().primary());
        assertTrue(territory.school("nope").isEmpty());
    }

    @Test
    void countsPupilsEnrolledOnTheCensusDate() {
        // School A: Léa (CM1) and the leaver (left on 18 October); school B: Hugo.
        assertEquals(Map.of(d.schoolA, 2, d.schoolB, 1), territory.pupilsPerSchool(LocalDate.of(2026, 10, 1)));
        assertEquals(Map.of(d.schoolA, 1, d.schoolB, 1), territory.pupilsPerSchool(LocalDate.of(2026, 11, 2)));
        assertEquals(Map.of(), territory.pupilsPerSchool(LocalDate.of(2020, 1, 1)));
    }

    @Test
    void countsClassesPerEnabledAppOfTheCurrentYearOnly() {
        // Three current classes: blog by default except in b1; wiki chosen by a1 (and by last year's class).
        assertEquals(Map.of("blog", 2, "wiki", 1), territory.classesPerEnabledApp());
        assertEquals(3, territory.currentClassCount());
    }

    @Test
    void countsAccountsThatSignedInLately() {
        CoreAccounts accounts = CoreAccounts.create(d.jpa, AccountSettings.defaults().withBcryptCost(4), d.clock);
        accounts.issueToken(d.teacherA1);
        accounts.issueToken(d.directorA);
        Map<Role, Integer> active = territory.activeAccounts(d.clock.instant().minus(Duration.ofDays(30)));
        assertEquals(2, active.get(Role.TEACHER)); // the director also teaches
        assertEquals(1, active.get(Role.DIRECTOR));
        assertFalse(active.containsKey(Role.PUPIL));
        assertEquals(Map.of(), territory.activeAccounts(d.clock.instant().plusSeconds(1)));
    }

    @Test
    void scopesFollowRoles() {
        TerritoryScope operator = territory.scopeOf(new Caller("x", "op", "Op", Set.of(Role.OPERATOR)));
        assertTrue(operator.everything());
        assertTrue(operator.seesSchool(d.schoolB));

        TerritoryScope director = territory.scopeOf(d.directorA);
        assertTrue(director.seesSchool(d.schoolA));
        assertFalse(director.seesSchool(d.schoolB));

        TerritoryScope admin = territory.scopeOf(colAdminA);
        assertTrue(admin.seesSchool(d.schoolA));
        assertFalse(admin.seesSchool(d.schoolB));
        assertEquals(1, admin.collectivities().size());

        assertEquals(Set.of(d.schoolB), territory.scopeOf(d.teacherB1).schools());
        assertTrue(territory.scopeOf(d.parent).isEmpty());
        assertTrue(territory.scopeOf(null).isEmpty());
    }
}
