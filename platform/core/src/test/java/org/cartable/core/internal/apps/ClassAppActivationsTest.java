package org.cartable.core.internal.apps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.cartable.api.AppScope;
import org.cartable.api.CartableException;
import org.cartable.api.CartableException.Kind;
import org.cartable.api.ClassRelation;
import org.cartable.api.Role;
import org.cartable.core.internal.SmallDirectory;
import org.cartable.core.internal.directory.CoreDirectory;
import org.cartable.core.internal.model.Changes;
import org.cartable.core.internal.model.ClassAppActivation;
import org.cartable.core.service.InstalledApp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.cartable.api.Caller;
import org.cartable.api.audit.AuditTypes;
import org.cartable.core.internal.audit.CoreAuditLog;
import org.cartable.core.service.AuditTrail;
import org.junit.jupiter.api.function.Executable;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClassAppActivationsTest {

    private SmallDirectory d;
    private CoreAppCatalog catalog;
    private ClassAppActivations activations;
    private CoreAuditLog audit;

    @BeforeAll
    void createDirectory() {
        d = new SmallDirectory();
        catalog = new CoreAppCatalog();
        catalog.add(new Object(), new TestApp("blog", AppScope.CLASS), "1.0.0");
        catalog.add(new Object(), new TestApp("gallery", AppScope.CLASS), "1.0.0");
        catalog.add(new Object(), new TestApp("canteen", AppScope.SCHOOL), "1.0.0");
        catalog.add(new Object(), new TestApp("planner", AppScope.CLASS, Set.of(Role.TEACHER, Role.DIRECTOR)), "1.0.0");
        audit = CoreAuditLog.create(d.jpa, d.clock);
        activations = ClassAppActivations.create(d.jpa, CoreDirectory.create(d.jpa, d.clock), catalog,
                ClassAppActivations.parseIds(" gallery , ,wiki"), d.clock, audit);
    }

    @BeforeEach
    void noDecisions() {
        d.jpa.tx(em -> em.createQuery("delete from ClassAppActivation").executeUpdate());
        // A bulk delete bypasses the entities' listeners: it says itself that the decisions changed.
        Changes.DIRECTORY.changed();
    }

    @AfterAll
    void tearDown() {
        d.close();
    }

    @Test
    void teacherOfTheClassEnablesAndDisablesAndTheChangeIsRecorded() {
        assertFalse(activations.isEnabled(d.a1, "blog"));
        activations.enable(d.teacherA1, d.a1, "blog");
        activations.enable(d.teacherA1, d.a1, "blog");
        assertTrue(activations.isEnabled(d.a1, "blog"));
        assertFalse(activations.isEnabled(d.b1, "blog"), "other classes are not affected");
        ClassAppActivation row = d.jpa.txExpr(em -> em.createQuery(
                "select a from ClassAppActivation a where a.classId = :c", ClassAppActivation.class)
                .setParameter("c", d.a1).getSingleResult());
        assertEquals(d.teacherA1.userId(), row.getChangedBy());
        assertEquals(d.clock.instant(), row.getChangedAt());

        activations.disable(d.teacherA1, d.a1, "blog");
        assertFalse(activations.isEnabled(d.a1, "blog"));
    }

    @Test
    void changesAreAuditedRefusalsAreNot() {
        Caller operator = new Caller("op", "operator", "Op", Set.of(Role.OPERATOR));
        AuditTrail.Query changes = new AuditTrail.Query(null, null, AuditTypes.ACTIVATION_CHANGE,
                d.teacherA1.login(), null, 500);
        int before = audit.read(operator, changes).entries().size();
        activations.enable(d.teacherA1, d.a1, "gallery");
        activations.disable(d.teacherA1, d.a1, "gallery");
        assertThrows(CartableException.class, () -> activations.enable(d.teacherA1, d.b1, "gallery"));
        List<AuditTrail.Entry> entries = audit.read(operator, changes).entries();
        assertEquals(before + 2, entries.size());
        assertEquals(d.a1 + "/gallery", entries.get(0).target());
        assertEquals("disabled", entries.get(0).detail());
        assertEquals("enabled", entries.get(1).detail());
        assertEquals(d.teacherA1.userId(), entries.get(0).actorId());
    }

    @Test
    void directorOfTheSchoolMayChangeAnyOfItsClasses() {
        activations.enable(d.directorA, d.a2, "blog");
        assertTrue(activations.isEnabled(d.a2, "blog"));
        assertRefused(Kind.NOT_FOUND, () -> activations.enable(d.directorA, d.b1, "blog"));
    }

    @Test
    void membersWhoAreNotStaffAreForbiddenOutsidersSeeNotFound() {
        assertRefused(Kind.FORBIDDEN, () -> activations.enable(d.pupilA1, d.a1, "blog"));
        assertRefused(Kind.FORBIDDEN, () -> activations.enable(d.parent, d.a1, "blog"));
        assertRefused(Kind.FORBIDDEN, () -> activations.disable(d.pupilA1, d.a1, "gallery"));
        assertRefused(Kind.NOT_FOUND, () -> activations.enable(d.teacherB1, d.a1, "blog"));
        assertRefused(Kind.NOT_FOUND, () -> activations.enable(d.outsider, d.a1, "blog"));
        assertRefused(Kind.NOT_FOUND, () -> activations.enable(d.blockedTeacher, d.a1, "blog"));
        assertRefused(Kind.NOT_FOUND, () -> activations.enable(d.teacherA1, "no-such-class", "blog"));
        assertRefused(Kind.UNAUTHORIZED, () -> activations.enable(null, d.a1, "blog"));
        assertFalse(activations.isEnabled(d.a1, "blog"));
    }

    @Test
    void onlyInstalledClassAppsCanBeChanged() {
        assertRefused(Kind.NOT_FOUND, () -> activations.enable(d.teacherA1, d.a1, "wiki"));
        assertRefused(Kind.NOT_FOUND, () -> activations.enable(d.teacherA1, d.a1, null));
        assertRefused(Kind.BAD_REQUEST, () -> activations.enable(d.teacherA1, d.a1, "canteen"));
        // An app that goes away cannot be enabled any more.
        Object registration = new Object();
        catalog.add(registration, new TestApp("quiz", AppScope.CLASS), "1.0.0");
        activations.enable(d.teacherA1, d.a1, "quiz");
        catalog.remove(registration);
        assertRefused(Kind.NOT_FOUND, () -> activations.enable(d.teacherA1, d.a1, "quiz"));
    }

    @Test
    void classesWithoutADecisionFollowTheDefaultsAndADecisionOverridesThem() {
        assertTrue(activations.isEnabled(d.a1, "gallery"));
        assertEquals(Set.of("gallery", "wiki"), activations.enabledApps(d.a1));
        activations.disable(d.teacherA1, d.a1, "gallery");
        assertFalse(activations.isEnabled(d.a1, "gallery"));
        assertTrue(activations.isEnabled(d.a2, "gallery"));
        activations.enable(d.teacherA1, d.a1, "blog");
        assertEquals(Set.of("blog", "wiki"), activations.enabledApps(d.a1));
        assertEquals(Set.of(), activations.enabledApps("no-such-class"));
        assertFalse(activations.isEnabled("no-such-class", "gallery"));
    }

    @Test
    void aChangeOfTheDefaultsIsTakenLiveByTheSameComponent() {
        try {
            activations.modified(defaults("blog"));
            assertTrue(activations.isEnabled(d.a1, "blog"));
            assertFalse(activations.isEnabled(d.a1, "gallery"));
            assertEquals(Set.of("blog"), activations.enabledApps(d.a1));
        } finally {
            activations.modified(defaults(" gallery , ,wiki"));
        }
        assertEquals(Set.of("gallery", "wiki"), activations.enabledApps(d.a1));
    }

    private static ActivationConfig defaults(String ids) {
        return new ActivationConfig() {
            @Override
            public String defaultApps() {
                return ids;
            }

            @Override
            public Class<? extends java.lang.annotation.Annotation> annotationType() {
                return ActivationConfig.class;
            }
        };
    }

    @Test
    void membersListTheInstalledEnabledApps() {
        activations.enable(d.teacherA1, d.a1, "blog");
        assertEquals(List.of("blog", "gallery"), ids(activations.enabledApps(d.pupilA1, d.a1)),
                "wiki is a default but not installed");
        assertEquals(List.of("blog", "gallery"), ids(activations.enabledApps(d.parent, d.a1)));
        assertEquals(List.of("gallery"), ids(activations.enabledApps(d.teacherB1, d.b1)));
        assertRefused(Kind.NOT_FOUND, () -> activations.enabledApps(d.teacherB1, d.a1));
    }

    @Test
    void classAccessTellsMembersFromOutsidersAndEnabledFromDisabled() {
        activations.enable(d.teacherA1, d.a1, "blog");
        ClassRelation pupil = activations.check(d.pupilA1, d.a1, "blog");
        assertTrue(pupil.pupil());
        assertEquals(List.of(d.pupilA1.userId()), activations.check(d.parent, d.a1, "blog").childIds());
        assertTrue(activations.check(d.directorA, d.a1, "blog").director());

        CartableException disabled = assertRefused(Kind.FORBIDDEN, () -> activations.check(d.pupilB1, d.b1, "blog"));
        assertEquals("The app 'blog' is not enabled for this class.", disabled.getMessage());
        CartableException outsider = assertRefused(Kind.NOT_FOUND, () -> activations.check(d.outsider, d.a1, "blog"));
        assertEquals("Class not found.", outsider.getMessage());
        CartableException unknown = assertRefused(Kind.NOT_FOUND, () -> activations.check(d.teacherA1, "x", "blog"));
        assertEquals(outsider.getMessage(), unknown.getMessage());
        assertRefused(Kind.NOT_FOUND, () -> activations.check(d.pupilA1, d.oldA, "blog"));
    }

    @Test
    void classAccessEnforcesTheAppsDeclaredRoles() {
        activations.enable(d.teacherA1, d.a1, "planner");
        assertTrue(activations.check(d.teacherA1, d.a1, "planner").teacher());
        assertTrue(activations.check(d.directorA, d.a1, "planner").director());
        CartableException parent = assertRefused(Kind.FORBIDDEN, () -> activations.check(d.parent, d.a1, "planner"));
        assertEquals("The app 'planner' is not available to you in this class.", parent.getMessage());
        assertRefused(Kind.FORBIDDEN, () -> activations.check(d.pupilA1, d.a1, "planner"));
        // Outsiders still learn nothing about the class.
        assertRefused(Kind.NOT_FOUND, () -> activations.check(d.outsider, d.a1, "planner"));
    }

    @Test
    void classAccessToAnAppThatIsNotInstalledIsNotFound() {
        // "wiki" is enabled by default but not installed: nothing may be served under its id.
        assertTrue(activations.isEnabled(d.a1, "wiki"));
        CartableException wiki = assertRefused(Kind.NOT_FOUND, () -> activations.check(d.teacherA1, d.a1, "wiki"));
        assertEquals("App not found.", wiki.getMessage());
        assertRefused(Kind.NOT_FOUND, () -> activations.check(d.pupilA1, d.a1, null));
        assertEquals("Class not found.", assertRefused(Kind.NOT_FOUND,
                () -> activations.check(d.outsider, d.a1, "wiki")).getMessage());
    }

    @Test
    void membersOnlySeeTheTilesOfAppsMadeForTheirRoleInTheClass() {
        activations.enable(d.teacherA1, d.a1, "planner");
        assertEquals(List.of("gallery", "planner"), ids(activations.enabledApps(d.teacherA1, d.a1)));
        assertEquals(List.of("gallery", "planner"), ids(activations.enabledApps(d.directorA, d.a1)));
        assertEquals(List.of("gallery"), ids(activations.enabledApps(d.parent, d.a1)));
        assertEquals(List.of("gallery"), ids(activations.enabledApps(d.pupilA1, d.a1)));
    }

    @Test
    void activationRowsKeepNoPersonForPlatformDecisions() {
        d.jpa.tx(em -> new org.cartable.core.internal.directory.DirectoryWriter(em, d.clock)
                .activation(em.find(org.cartable.core.internal.model.SchoolClass.class, d.b1), "blog", true));
        assertTrue(activations.isEnabled(d.b1, "blog"));
        assertNull(d.jpa.txExpr(em -> em.createQuery("select a from ClassAppActivation a", ClassAppActivation.class)
                .getSingleResult().getChangedBy()));
    }

    private static CartableException assertRefused(Kind kind, Executable action) {
        CartableException e = assertThrows(CartableException.class, action);
        assertEquals(kind, e.kind(), e.getMessage());
        return e;
    }

    private static List<String> ids(List<InstalledApp> apps) {
        return apps.stream().map(InstalledApp::id).toList();
    }
}
