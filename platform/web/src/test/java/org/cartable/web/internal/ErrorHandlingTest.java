package org.cartable.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.wicket.request.Url;
import org.apache.wicket.request.mapper.parameter.PageParameters;
import org.cartable.api.CartableException;
import org.cartable.api.web.AppBasePage;
import org.cartable.web.internal.pages.AccessDeniedPage;
import org.cartable.web.internal.pages.ErrorPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Failures in pages (the shell's or an app's) end on friendly pages, never on a stack trace. */
class ErrorHandlingTest {

    /** An app page whose service refuses the caller. */
    public static class RefusingPage extends AppBasePage {
        private static final long serialVersionUID = 1L;

        public RefusingPage(PageParameters parameters) {
            super(parameters);
            throw CartableException.forbidden("The app 'quiz' is not enabled for this class.");
        }
    }

    /** An app page with a bug. */
    public static class BrokenPage extends AppBasePage {
        private static final long serialVersionUID = 1L;

        public BrokenPage(PageParameters parameters) {
            super(parameters);
            throw new IllegalStateException("secret internal detail");
        }
    }

    private final ShellFixture shell = new ShellFixture();

    @BeforeEach
    void setUp() {
        shell.contributions.add(new ShellFixture.Contribution("quiz", "quiz", RefusingPage.class, false));
        shell.contributions.add(new ShellFixture.Contribution("broken", "broken", BrokenPage.class, false));
        // Render error pages as a browser would get them instead of rethrowing into the test.
        shell.tester.setExposeExceptions(false);
        shell.signIn(ShellFixture.MARIE);
    }

    @AfterEach
    void tearDown() {
        shell.destroy();
    }

    private void get(String path) {
        shell.tester.getRequest().setUrl(Url.parse(path));
        shell.tester.processRequest();
    }

    @Test
    void refusalShowsTheAccessDeniedPage() {
        get("quiz");
        shell.tester.assertRenderedPage(AccessDeniedPage.class);
        assertTrue(shell.html().contains("Accès refusé"));
        assertEquals(403, shell.tester.getLastResponse().getStatus());
    }

    @Test
    void bugShowsTheErrorPageWithoutDetails() {
        get("broken");
        shell.tester.assertRenderedPage(ErrorPage.class);
        String html = shell.html();
        assertTrue(html.contains("Oups, un problème est survenu"));
        assertTrue(html.contains("Référence de l&#039;erreur") || html.contains("Référence de l'erreur"), html);
        assertFalse(html.contains("secret internal detail"));
        assertFalse(html.contains("IllegalStateException"));
        assertEquals(500, shell.tester.getLastResponse().getStatus());
    }

    @Test
    void accessDeniedIsLocalised() {
        shell.tester.clickLink("header:language:switch");
        get("quiz");
        assertTrue(shell.html().contains("Access denied"));
    }
}
