package org.cartable.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.cartable.web.internal.pages.SignInPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SecurityHeadersTest {

    private final ShellFixture shell = new ShellFixture();

    @AfterEach
    void tearDown() {
        shell.destroy();
    }

    @Test
    void pagesCarrySecurityHeadersAndAStrictPolicy() {
        shell.tester.startPage(SignInPage.class);
        var response = shell.tester.getLastResponse();
        assertEquals("DENY", response.getHeader("X-Frame-Options"));
        assertEquals("nosniff", response.getHeader("X-Content-Type-Options"));
        assertEquals("same-origin", response.getHeader("Referrer-Policy"));
        String csp = response.getHeader("Content-Security-Policy");
        assertNotNull(csp);
        assertTrue(csp.contains("frame-ancestors 'none'"), csp);
        assertTrue(csp.contains("script-src") && !csp.contains("unsafe-inline"), csp);
        // apps' own audio and video, and the privacy-friendly players of the known video sites only
        assertTrue(csp.contains("media-src 'self'"), csp);
        assertTrue(csp.contains("https://www.youtube-nocookie.com") && !csp.contains("https://www.youtube.com"), csp);
    }

    @Test
    void markupHasNoInlineScriptOrStyle() {
        shell.signIn(ShellFixture.SOPHIE);
        String html = shell.html();
        assertTrue(!html.contains("<script>") && !html.contains(" style=\""), html);
        assertTrue(html.contains("cartable"), "the stylesheet is linked");
    }

    @Test
    void crossSitePostIsRefused() {
        shell.tester.startPage(SignInPage.class);
        shell.tester.fetchSite = "cross-site";
        org.apache.wicket.util.tester.FormTester form = shell.tester.newFormTester("form");
        form.setValue("login", "marie");
        form.setValue("password", ShellFixture.PASSWORD);
        form.submit();
        assertEquals(403, shell.tester.getLastResponse().getStatus());
        assertTrue(!org.cartable.api.web.CartableSession.get().isSignedIn());
    }

    @Test
    void sameSitePostFromAnotherOriginIsRefused() {
        shell.tester.startPage(SignInPage.class);
        shell.tester.fetchSite = "same-site";
        org.apache.wicket.util.tester.FormTester form = shell.tester.newFormTester("form");
        form.setValue("login", "marie");
        form.setValue("password", ShellFixture.PASSWORD);
        form.submit();
        assertEquals(403, shell.tester.getLastResponse().getStatus());
        assertTrue(!org.cartable.api.web.CartableSession.get().isSignedIn());
    }

    @Test
    void anotherSiteCannotSignTheUserOut() {
        shell.signIn(ShellFixture.MARIE);
        shell.tester.fetchSite = "cross-site";
        shell.tester.newFormTester("header:signOut").submit();
        assertEquals(403, shell.tester.getLastResponse().getStatus());
        assertTrue(org.cartable.api.web.CartableSession.get().isSignedIn(), "still signed in");
    }

    @Test
    void frenchByDefault() {
        shell.tester.startPage(SignInPage.class);
        assertTrue(shell.html().contains("lang=\"fr\""));
        assertTrue(shell.html().contains("Se connecter"));
    }
}
