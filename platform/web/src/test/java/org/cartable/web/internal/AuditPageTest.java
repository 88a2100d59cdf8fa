package org.cartable.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;

import org.apache.wicket.request.mapper.parameter.PageParameters;
import org.cartable.web.internal.pages.AccessDeniedPage;
import org.cartable.web.internal.pages.AuditPage;
import org.cartable.web.internal.pages.DashboardPage;
import org.cartable.web.internal.pages.SignInPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class AuditPageTest {

    private final ShellFixture shell = new ShellFixture();

    @AfterEach
    void tearDown() {
        shell.destroy();
    }

    @Test
    void operatorsReadTheLogWithFiltersInSchoolTime() {
        shell.signIn(ShellFixture.OLIVIER);
        assertTrue(shell.html().contains("audit-link"), "the dashboard links to the log");
        shell.tester.startPage(AuditPage.class, new PageParameters().add("from", "2026-11-01").add("to", "2026-11-29")
                .add("type", "login.").add("actor", "ghost-login"));
        shell.tester.assertRenderedPage(AuditPage.class);
        String html = shell.html();
        assertTrue(html.contains("2026-11-29 14:05:00"), "Paris time: " + html);
        assertTrue(html.contains("login.failure") && html.contains("ghost-login") && html.contains("10.1.2.3"));
        assertTrue(html.contains("value=\"login.\""), "the filter stays in the form");
        assertTrue(html.contains("Événements plus anciens"), "a next page exists");
        var query = shell.auditQueries.get(shell.auditQueries.size() - 1);
        assertEquals(Instant.parse("2026-10-31T23:00:00Z"), query.from(), "midnight in Paris");
        assertEquals(Instant.parse("2026-11-29T23:00:00Z"), query.to(), "the whole last day");
        assertEquals("login.", query.type());
        assertEquals("ghost-login", query.actor());
    }

    @Test
    void aBadDateIsExplainedNotAnError() {
        shell.signIn(ShellFixture.OLIVIER);
        shell.tester.startPage(AuditPage.class, new PageParameters().add("from", "yesterday").add("before", "x"));
        shell.tester.assertRenderedPage(AuditPage.class);
        assertTrue(shell.html().contains("Filtre invalide"));
    }

    @Test
    void othersGetTheAccessDeniedPageAndAnonymousTheSignIn() {
        shell.tester.startPage(AuditPage.class);
        shell.tester.assertRenderedPage(SignInPage.class);
        for (var caller : new org.cartable.api.Caller[] {ShellFixture.MARIE, ShellFixture.DANA, ShellFixture.SOPHIE}) {
            ShellFixture own = new ShellFixture(); // a fresh browser each
            try {
                own.signIn(caller);
                own.tester.assertRenderedPage(DashboardPage.class);
                assertFalse(own.html().contains("audit-link"), "no link for " + caller.login());
                own.tester.startPage(AuditPage.class);
                own.tester.assertRenderedPage(AccessDeniedPage.class);
                assertTrue(own.auditQueries.isEmpty(), "the log was not read for " + caller.login());
            } finally {
                own.destroy();
            }
        }
    }

    @Test
    void signingOutIsRecorded() {
        shell.signIn(ShellFixture.MARIE);
        shell.tester.newFormTester("header:signOut").submit();
        shell.tester.assertRenderedPage(SignInPage.class);
        assertEquals(1, shell.accounts.signOuts.size(), shell.accounts.signOuts.toString());
        assertTrue(shell.accounts.signOuts.get(0).startsWith("marie@"));
    }
}
