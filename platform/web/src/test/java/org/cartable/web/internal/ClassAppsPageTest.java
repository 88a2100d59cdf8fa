package org.cartable.web.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.wicket.request.mapper.parameter.PageParameters;
import org.cartable.api.web.ClassAppPage;
import org.cartable.web.internal.pages.AccessDeniedPage;
import org.cartable.web.internal.pages.ClassAppsPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ClassAppsPageTest {

    private final ShellFixture shell = new ShellFixture();

    @AfterEach
    void tearDown() {
        shell.destroy();
    }

    private void open(String classId) {
        shell.tester.startPage(ClassAppsPage.class, ClassAppPage.forClass(classId));
    }

    @Test
    void teacherTurnsAnAppOnAndOffInOneClick() {
        shell.signIn(ShellFixture.MARIE);
        open(ShellFixture.CM1);
        shell.tester.assertRenderedPage(ClassAppsPage.class);
        String html = shell.html();
        assertTrue(html.contains("Cahier de textes"));
        assertTrue(html.contains("0.9.1"));
        assertFalse(html.contains("Statistiques"), "operator apps are not enabled per class");

        // Rows are sorted by id: agenda (off), blog (on).
        shell.tester.newFormTester("app:0:toggle").submit("switch");
        assertTrue(shell.activation.isEnabled(ShellFixture.CM1, "agenda"));
        assertTrue(shell.html().contains("« Cahier de textes » est maintenant activée pour la classe."));

        shell.tester.newFormTester("app:1:toggle").submit("switch");
        assertFalse(shell.activation.isEnabled(ShellFixture.CM1, "blog"));
    }

    @Test
    void directorMayToggleToo() {
        shell.signIn(ShellFixture.DANA);
        open(ShellFixture.CP);
        shell.tester.newFormTester("app:0:toggle").submit("switch");
        assertFalse(shell.activation.isEnabled(ShellFixture.CP, "agenda"));
    }

    @Test
    void pupilSeesTheCatalogueReadOnly() {
        shell.signIn(ShellFixture.LEA);
        open(ShellFixture.CM1);
        shell.tester.assertRenderedPage(ClassAppsPage.class);
        shell.tester.assertInvisible("app:0:toggle");
        shell.tester.assertVisible("readOnly");
        assertTrue(shell.html().contains("Activée"));
    }

    @Test
    void refusalFromTheServiceIsShownAsAMessage() {
        shell.signIn(ShellFixture.MARIE);
        open(ShellFixture.CM1);
        // She stops teaching the class while the page is open: the service refuses, the page explains.
        shell.directory.removeTeacher(ShellFixture.CM1, ShellFixture.MARIE.userId());
        shell.tester.newFormTester("app:0:toggle").submit("switch");
        assertFalse(shell.activation.isEnabled(ShellFixture.CM1, "agenda"));
        shell.tester.assertErrorMessages("Cette application ou cette classe n'existe plus.");
    }

    @Test
    void nonMemberGetsAccessDenied() {
        shell.signIn(ShellFixture.PAUL);
        open(ShellFixture.CM1);
        shell.tester.assertRenderedPage(AccessDeniedPage.class);
        assertTrue(shell.html().contains("Page introuvable"));
        assertFalse(shell.html().contains("Cahier de textes"));
    }

    @Test
    void unknownClassGetsTheSameAnswer() {
        shell.signIn(ShellFixture.MARIE);
        open("00000000-0000-0000-0000-000000000000");
        shell.tester.assertRenderedPage(AccessDeniedPage.class);
        shell.tester.startPage(ClassAppsPage.class, new PageParameters());
        shell.tester.assertRenderedPage(AccessDeniedPage.class);
    }
}
