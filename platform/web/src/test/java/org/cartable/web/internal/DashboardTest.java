package org.cartable.web.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cartable.core.service.AppStatus;
import org.cartable.core.service.InstalledApp;
import org.cartable.web.internal.pages.DashboardPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DashboardTest {

    private final ShellFixture shell = new ShellFixture();

    @AfterEach
    void tearDown() {
        shell.destroy();
    }

    @Test
    void teacherSeesHerClassWithTilesAndTheManageLink() {
        shell.signIn(ShellFixture.MARIE);
        shell.tester.assertRenderedPage(DashboardPage.class);
        String html = shell.html();
        assertTrue(html.contains("Mes classes"));
        assertTrue(html.contains("CM1 A"));
        assertFalse(html.contains("CP B"), "a class she does not teach");
        assertTrue(html.contains("Blog de classe"));
        assertTrue(html.contains("href=\"./blog/" + ShellFixture.CM1 + "\""), "the tile opens the app's home page");
        assertTrue(html.contains("Gérer les applications"));
        assertTrue(html.contains("classes/" + ShellFixture.CM1 + "/apps"));
        assertFalse(html.contains("Mes enfants"));
    }

    @Test
    void directorSeesEveryClassOfTheSchool() {
        shell.signIn(ShellFixture.DANA);
        String html = shell.html();
        assertTrue(html.contains("CM1 A"));
        assertTrue(html.contains("CP B"));
        assertTrue(html.contains("Cahier de textes"));
    }

    @Test
    void classWithoutAppsExplainsWhy() {
        shell.activation.disable(ShellFixture.MARIE, ShellFixture.CM1, "blog");
        shell.signIn(ShellFixture.MARIE);
        assertTrue(shell.html().contains(
                "Aucune application activée pour cette classe : choisissez-les avec « Gérer les applications »."));
    }

    @Test
    void pupilOfAClassWithoutAppsIsToldItsTeacherChooses() {
        shell.activation.disable(ShellFixture.MARIE, ShellFixture.CM1, "blog");
        shell.signIn(ShellFixture.LEA);
        assertTrue(shell.html().contains(
                "Aucune application activée pour cette classe. Votre enseignant peut en activer."));
    }

    @Test
    void pupilSeesHerClass() {
        shell.signIn(ShellFixture.LEA);
        String html = shell.html();
        assertTrue(html.contains("Ma classe"));
        assertTrue(html.contains("CM1 A"));
        assertTrue(html.contains("Blog de classe"));
        assertFalse(html.contains("Gérer les applications"));
    }

    @Test
    void parentSeesTheFirstChildWithLabelledTilesAndTheSwitcher() {
        shell.signIn(ShellFixture.SOPHIE);
        String html = shell.html();
        assertTrue(html.contains("Mes enfants"));
        assertTrue(html.contains("Choisir un enfant"));
        assertTrue(html.contains("Hugo Bernard"), "the other child is offered in the switcher");
        assertTrue(html.contains("CM1 A"));
        assertTrue(html.contains("Pour Léa Bernard"));
        assertFalse(html.contains("CP B"));
        assertFalse(html.contains("Gérer les applications"));
    }

    @Test
    void switchingChildShowsTheOtherClass() {
        shell.signIn(ShellFixture.SOPHIE);
        shell.tester.assertInvisible("header:children");
        // Second child in the dashboard's switcher: Hugo, in CP B with the diary enabled (no web page contributed).
        shell.tester.clickLink("parent:child:switcher:child:1:select");
        shell.tester.assertRenderedPage(DashboardPage.class);
        String html = shell.html();
        assertTrue(html.contains("CP B"));
        assertTrue(html.contains("Pour Hugo Bernard"));
        assertTrue(html.contains("Cahier de textes"));
        assertTrue(html.contains("Pas encore de page web"));
        assertFalse(html.contains("CM1 A"));
        assertTrue(html.contains("aria-current=\"true\""));
    }

    @Test
    void aChildWhoIsNotTheParentsOwnCannotBeChosenThroughTheAddress() {
        shell.signIn(ShellFixture.SOPHIE);
        shell.tester.executeUrl("?child=u-someone-else");
        shell.tester.assertRenderedPage(DashboardPage.class);
        assertTrue(shell.html().contains("Pour Léa Bernard"), "still her first child");
        assertTrue(org.cartable.api.web.CartableSession.get().selectedChildId().isEmpty());
    }

    @Test
    void headerSwitcherWorksFromOtherPages() {
        shell.signIn(ShellFixture.SOPHIE);
        shell.tester.startPage(org.cartable.web.internal.pages.ClassAppsPage.class,
                org.cartable.api.web.ClassAppPage.forClass(ShellFixture.CM1));
        shell.tester.clickLink("header:children:child:1:select");
        shell.tester.assertRenderedPage(DashboardPage.class);
        assertTrue(shell.html().contains("Pour Hugo Bernard"));
        assertTrue(org.cartable.api.web.CartableSession.get().selectedChildId().orElseThrow().equals("u-hugo"));
    }

    @Test
    void operatorSeesTheInstalledApps() {
        shell.signIn(ShellFixture.OLIVIER);
        String html = shell.html();
        assertTrue(html.contains("Applications installées"));
        assertTrue(html.contains("Statistiques"));
        assertTrue(html.contains("1.2.0"));
        assertFalse(html.contains("Mes classes"));
    }

    @Test
    void operatorSeesWhichAppFailedAndWhy() {
        InstalledApp stats = shell.catalog.find("stats").orElseThrow();
        shell.catalog.install(stats.with(AppStatus.FAILED, "StatsService: IllegalStateException: Schema migration failed"));
        shell.signIn(ShellFixture.OLIVIER);
        String html = shell.html();
        assertTrue(html.contains("app-status-failed"), html);
        assertTrue(html.contains("en échec"), html);
        assertTrue(html.contains("StatsService: IllegalStateException: Schema migration failed"), html);
        assertTrue(html.contains("app-status-active"), "the other apps are running");
    }

    /** A tool's page, from the tool's own bundle. */
    public static class StatsPage extends SamplePage {
        private static final long serialVersionUID = 1L;

        public StatsPage(org.apache.wicket.request.mapper.parameter.PageParameters parameters) {
            super(parameters);
        }
    }

    @Test
    void toolsWithAHomePageAreTilesForTheirRolesOnly() {
        shell.contributions.add(new ShellFixture.Contribution("stats", "stats", StatsPage.class, true));
        shell.signIn(ShellFixture.MARIE);
        String html = shell.html();
        assertTrue(html.contains("Mes outils"));
        assertTrue(html.contains("href=\"./stats\""), "the tool tile opens its home page");
        shell.tester.newFormTester("header:signOut").submit();

        shell.signIn(ShellFixture.OLIVIER); // "stats" is not open to operators
        assertFalse(shell.html().contains("Mes outils"));
    }

    @Test
    void languageSwitchRendersEnglish() {
        shell.signIn(ShellFixture.MARIE);
        shell.tester.clickLink("header:language:switch");
        shell.tester.assertRenderedPage(DashboardPage.class);
        String html = shell.html();
        assertTrue(html.contains("My classes"));
        assertTrue(html.contains("Sign out"));
        assertTrue(html.contains("Manage apps"));
        assertTrue(html.contains("Class blog"), "app names follow the language too");
        assertTrue(html.contains("lang=\"en\""));

        shell.tester.clickLink("header:language:switch");
        assertTrue(shell.html().contains("Mes classes"));
    }
}
