package org.cartable.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import javax.servlet.http.HttpServletResponse;

import org.apache.wicket.Page;
import org.apache.wicket.core.util.lang.WicketObjects;
import org.cartable.api.AppScope;
import org.cartable.api.ClassInfo;
import org.cartable.api.Grade;
import org.cartable.core.service.InstalledApp;
import org.cartable.web.internal.pages.DashboardPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What rendering the dashboard asks of the platform: each question once per request, however many children, classes
 * and tiles there are (every answer costs transactions in core, and the dashboard is the evening's heaviest page).
 */
class DashboardCostTest {

    private static final String CE1 = "5c1b7f1e-0000-4000-8000-0000000000c3";
    private static final List<String> MORE_APPS = List.of("wiki", "liaison", "notebook", "homework");

    private final ShellFixture shell = new ShellFixture();

    @AfterEach
    void tearDown() {
        shell.destroy();
    }

    @Test
    void parentOfThreeChildrenCostsOneQuestionOfEachKindWhateverTheTiles() {
        shell.directory.addClass(new ClassInfo(CE1, "CE1 C", ShellFixture.SCHOOL, "École Jules Ferry", "2026-2027",
                List.of(Grade.CE1)));
        shell.directory.addPerson("u-zoe", "Zoé Bernard");
        shell.directory.addPupil(CE1, "u-zoe");
        shell.directory.addChild(ShellFixture.SOPHIE.userId(), "u-zoe");
        shell.signIn(ShellFixture.SOPHIE);

        String few = renderAndCount();
        assertTrue(shell.html().contains("Zoé Bernard"), "the third child is offered in the switcher");
        assertEquals(1, shell.directory.calls.of("childrenOf"), few);
        assertEquals(1, shell.activation.calls.of("enabledApps"), few);
        assertEquals(1, shell.feed.calls.of("feed") + shell.feed.calls.of("unreadCount"), few);
        assertEquals(0, shell.directory.calls.of("relation") + shell.directory.calls.of("classesOf"), few);
        assertEquals(0, shell.catalog.calls.of("withStatus"), "the operators' list of apps is hidden: not computed");

        moreTiles(ShellFixture.MARIE, ShellFixture.CM1);
        String many = renderAndCount();
        assertTrue(shell.html().contains("Wiki 2"), "the new tiles are shown");
        assertEquals(few, many, "the same questions with 1 and 5 tiles");
    }

    @Test
    void teacherOfTwoClassesCostsOneQuestionPerClassWhateverTheTiles() {
        shell.directory.addTeacher(ShellFixture.CP, ShellFixture.MARIE.userId());
        shell.signIn(ShellFixture.MARIE);

        String few = renderAndCount();
        assertTrue(shell.html().contains("CP B") && shell.html().contains("CM1 A"), "both classes");
        assertEquals(1, shell.directory.calls.of("classesOf"), few);
        assertEquals(2, shell.directory.calls.of("relation"), few);
        assertEquals(2, shell.activation.calls.of("enabledApps"), few);
        assertEquals(0, shell.directory.calls.of("childrenOf"), few);
        assertEquals(1, shell.feed.calls.of("feed") + shell.feed.calls.of("unreadCount"), few);

        moreTiles(ShellFixture.MARIE, ShellFixture.CM1);
        moreTiles(ShellFixture.MARIE, ShellFixture.CP);
        assertEquals(few, renderAndCount(), "the same questions with 1 and 5 tiles a class");
    }

    @Test
    void aPlainGetOfTheDashboardIsAnsweredAtOnceAndSoIsChoosingAChild() {
        shell.signIn(ShellFixture.SOPHIE);
        shell.tester.setFollowRedirects(false);

        shell.tester.getRequest().setMethod("GET");
        shell.tester.executeUrl("./");
        assertEquals(HttpServletResponse.SC_OK, shell.tester.getLastResponse().getStatus(),
                () -> "no redirect to a buffered copy: " + shell.tester.getLastResponse().getHeader("Location") + " "
                        + shell.tester.getLastRequest().getMethod() + " " + shell.tester.getLastRequest().getRequestURI()
                        + "?" + shell.tester.getLastRequest().getQueryString());
        shell.tester.assertRenderedPage(DashboardPage.class);
        assertTrue(shell.html().contains("Pour Léa Bernard"));

        // Choosing another child is the dashboard's address naming it: answered at once, and a refresh (or going
        // back to the plain address) shows the same child, the choice being kept in the session.
        shell.tester.clickLink("parent:child:switcher:child:1:select");
        assertEquals(HttpServletResponse.SC_OK, shell.tester.getLastResponse().getStatus());
        assertTrue(shell.html().contains("Pour Hugo Bernard"));
        shell.tester.executeUrl("./");
        assertEquals(HttpServletResponse.SC_OK, shell.tester.getLastResponse().getStatus());
        assertTrue(shell.html().contains("Pour Hugo Bernard"));
    }

    @Test
    void sizeOfTheSignedInSessionAndNoDashboardKeptInIt() {
        shell.signIn(ShellFixture.SOPHIE);
        shell.tester.startPage(DashboardPage.class);
        Page page = shell.tester.getLastRenderedPage();
        long session = WicketObjects.sizeof(org.cartable.api.web.CartableSession.get());
        System.out.println("[WebDashboard] parent's dashboard stateless " + page.isPageStateless()
                + " (not serialised, not kept), CartableSession " + session + " bytes");
        // Not a timing: 10 000 parents signed in at once must not each hold a copy of the page they land on.
        assertTrue(page.isPageStateless(), "the dashboard would be serialised and kept in every session");
        assertTrue(session < 16 * 1024, "session of " + session + " bytes");
    }

    private void moreTiles(org.cartable.api.Caller teacher, String classId) {
        int n = 1;
        for (String app : MORE_APPS) {
            n++;
            String name = Character.toUpperCase(app.charAt(0)) + app.substring(1) + " " + n;
            shell.catalog.install(new InstalledApp(new TestApp(app, name, name, "🧩", AppScope.CLASS), "1.0.0"));
            shell.activation.enable(teacher, classId, app);
        }
    }

    /** @return the questions asked while rendering {@code /app/} once more for the signed-in person */
    private String renderAndCount() {
        shell.directory.calls.reset();
        shell.activation.calls.reset();
        shell.feed.calls.reset();
        shell.catalog.calls.reset();
        shell.tester.executeUrl("./");
        shell.tester.assertRenderedPage(DashboardPage.class);
        return "directory " + shell.directory.calls + ", activation " + shell.activation.calls + ", feed "
                + shell.feed.calls;
    }
}
