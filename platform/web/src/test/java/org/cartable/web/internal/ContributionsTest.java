package org.cartable.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.wicket.request.Url;
import org.cartable.web.internal.pages.AccessDeniedPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Pages contributed by apps appear and disappear while the shell runs. */
class ContributionsTest {

    /** A page class used by one contribution only, so that its departure retires it. */
    public static class NotesPage extends SamplePage {
        private static final long serialVersionUID = 1L;

        public NotesPage(org.apache.wicket.request.mapper.parameter.PageParameters parameters) {
            super(parameters);
        }
    }

    private final ShellFixture shell = new ShellFixture();
    private final ShellFixture.Contribution notes =
            new ShellFixture.Contribution("notes", "notes/${classId}", NotesPage.class, false);

    @AfterEach
    void tearDown() {
        shell.destroy();
    }

    private boolean get(String path) {
        shell.tester.getRequest().setUrl(Url.parse(path));
        return shell.tester.processRequest();
    }

    @Test
    void pageIsServedWhileRegisteredAnd404Afterwards() {
        shell.signIn(ShellFixture.MARIE);
        assertFalse(get("notes/" + ShellFixture.CM1), "nothing there before the app registers the page");

        shell.contributions.add(notes);
        assertTrue(get("notes/" + ShellFixture.CM1));
        shell.tester.assertRenderedPage(NotesPage.class);
        assertEquals(200, shell.tester.getLastResponse().getStatus());
        assertTrue(shell.html().contains("Page de test contribuée"));
        assertTrue(shell.html().contains("Marie Dupont"), "the page gets the shell's header");

        shell.contributions.remove(notes);
        assertFalse(get("notes/" + ShellFixture.CM1), "no handler: the container answers 404");
    }

    @Test
    void openPageOfADepartedAppLeadsToAccessDenied() {
        shell.contributions.add(notes);
        shell.signIn(ShellFixture.MARIE);
        assertTrue(get("notes/" + ShellFixture.CM1));
        shell.tester.assertRenderedPage(NotesPage.class);

        shell.contributions.remove(notes);
        // The page instance is still in the session; using it must not crash.
        shell.tester.clickLink("again");
        shell.tester.assertRenderedPage(AccessDeniedPage.class);
    }

    @Test
    void reservedOrTakenPathsAreRefused() {
        shell.signIn(ShellFixture.MARIE);
        ShellFixture.Contribution hijack =
                new ShellFixture.Contribution("evil", "signin", NotesPage.class, false);
        ShellFixture.Contribution duplicate =
                new ShellFixture.Contribution("other", "blog/${classId}", NotesPage.class, false);
        shell.contributions.add(hijack);
        shell.contributions.add(duplicate);
        assertTrue(get("blog/" + ShellFixture.CM1));
        shell.tester.assertRenderedPage(ShellFixture.BlogHomePage.class);

        // Once the blog leaves, the waiting contribution takes the path.
        shell.contributions.remove(shell.blogHome);
        assertTrue(get("blog/" + ShellFixture.CM1));
        shell.tester.assertRenderedPage(NotesPage.class);
    }

    @Test
    void theDashboardTileFollowsTheHomeContribution() {
        shell.signIn(ShellFixture.LEA);
        assertTrue(shell.html().contains("./blog/" + ShellFixture.CM1));
        shell.contributions.remove(shell.blogHome);
        shell.tester.startPage(org.cartable.web.internal.pages.DashboardPage.class);
        assertFalse(shell.html().contains("./blog/" + ShellFixture.CM1));
        assertTrue(shell.html().contains("Pas encore de page web"));
    }
}
