package org.cartable.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;

import org.apache.wicket.util.tester.FormTester;
import org.cartable.api.Caller;
import org.cartable.api.Role;
import org.cartable.api.web.CartableSession;
import org.cartable.api.web.ClassAppPage;
import org.cartable.web.internal.pages.ClassAppsPage;
import org.cartable.web.internal.pages.DashboardPage;
import org.cartable.web.internal.pages.SignInPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SignInTest {

    private final ShellFixture shell = new ShellFixture();

    @AfterEach
    void tearDown() {
        shell.destroy();
    }

    private void attempt(String login, String password) {
        shell.tester.startPage(SignInPage.class);
        FormTester form = shell.tester.newFormTester("form");
        form.setValue("login", login);
        form.setValue("password", password);
        form.submit();
    }

    @Test
    void anonymousVisitorIsSentToSignIn() {
        shell.tester.startPage(DashboardPage.class);
        shell.tester.assertRenderedPage(SignInPage.class);
        assertTrue(shell.html().contains("Identifiant"));
    }

    @Test
    void rightPasswordOpensTheDashboard() {
        shell.signIn(ShellFixture.MARIE);
        shell.tester.assertRenderedPage(DashboardPage.class);
        assertEquals(ShellFixture.MARIE, CartableSession.get().caller().orElseThrow());
        assertTrue(shell.html().contains("Marie Dupont"));
        assertNotNull(shell.accounts.lastClientAddress, "the client address is passed on for throttling");
    }

    @Test
    void signInChangesTheSessionId() {
        shell.tester.startPage(SignInPage.class);
        CartableSession.get().bind();
        String planted = shell.tester.getHttpSession().getId();
        shell.signIn(ShellFixture.MARIE);
        shell.tester.assertRenderedPage(DashboardPage.class);
        assertNotEquals(planted, shell.tester.getHttpSession().getId(), "a session id known before sign-in is dead");
    }

    @Test
    void aBlockedAccountIsSignedOutAtItsNextPage() {
        shell.signIn(ShellFixture.MARIE);
        shell.tester.assertRenderedPage(DashboardPage.class);
        shell.accounts.replace(ShellFixture.MARIE, null);
        shell.tester.startPage(DashboardPage.class);
        shell.tester.assertRenderedPage(SignInPage.class);
        assertFalse(CartableSession.get().isSignedIn());
    }

    @Test
    void roleChangesApplyWithoutSigningInAgain() {
        shell.signIn(ShellFixture.MARIE);
        Caller withParentRole = new Caller(ShellFixture.MARIE.userId(), ShellFixture.MARIE.login(),
                ShellFixture.MARIE.displayName(), Set.of(Role.TEACHER, Role.PARENT));
        shell.accounts.replace(ShellFixture.MARIE, withParentRole);
        shell.tester.startPage(DashboardPage.class);
        assertEquals(withParentRole, CartableSession.get().caller().orElseThrow());
    }

    @Test
    void signedInVisitorOfTheSignInPageGoesHome() {
        shell.signIn(ShellFixture.MARIE);
        shell.tester.startPage(SignInPage.class);
        shell.tester.assertRenderedPage(DashboardPage.class);
    }

    @Test
    void wrongPasswordAndUnknownLoginGetTheSameMessage() {
        attempt("marie", "wrong");
        shell.tester.assertRenderedPage(SignInPage.class);
        shell.tester.assertErrorMessages("Identifiant ou mot de passe incorrect.");
        assertFalse(CartableSession.get().isSignedIn());

        attempt("nobody", "whatever");
        shell.tester.assertErrorMessages("Identifiant ou mot de passe incorrect.");
        assertFalse(CartableSession.get().isSignedIn());
    }

    @Test
    void aFirstLoginCodeAsksForANewPasswordThenSignsIn() {
        shell.accounts.firstLoginCode(ShellFixture.MARIE, "sheet-code-1");
        shell.tester.startPage(SignInPage.class);
        assertFalse(shell.html().contains("Nouveau mot de passe"), "no new-password field for a plain sign-in");
        attempt("marie", "sheet-code-1");
        shell.tester.assertRenderedPage(SignInPage.class);
        assertFalse(CartableSession.get().isSignedIn());
        shell.tester.assertInfoMessages("Première connexion : saisissez de nouveau le code de votre fiche de"
                + " connexion, puis choisissez votre mot de passe (8 caractères au moins).");
        assertTrue(shell.html().contains("Nouveau mot de passe"));

        FormTester mismatch = shell.tester.newFormTester("form");
        mismatch.setValue("login", "marie");
        mismatch.setValue("password", "sheet-code-1");
        mismatch.setValue("choose:newPassword", "my own secret");
        mismatch.setValue("choose:confirm", "my own secreT");
        mismatch.submit();
        assertFalse(CartableSession.get().isSignedIn(), "the confirmation must match");

        FormTester form = shell.tester.newFormTester("form");
        form.setValue("login", "marie");
        form.setValue("password", "sheet-code-1");
        form.setValue("choose:newPassword", "my own secret");
        form.setValue("choose:confirm", "my own secret");
        form.submit();
        shell.tester.assertRenderedPage(DashboardPage.class);
        assertEquals(ShellFixture.MARIE, CartableSession.get().caller().orElseThrow());
    }

    @Test
    void throttledLoginGetsAClearMessage() {
        for (int i = 0; i < 5; i++) {
            attempt("marie", "wrong");
        }
        attempt("marie", ShellFixture.PASSWORD);
        shell.tester.assertRenderedPage(SignInPage.class);
        shell.tester.assertErrorMessages(
                "Trop de tentatives de connexion. Patientez quelques minutes avant de réessayer.");
        assertFalse(CartableSession.get().isSignedIn());
    }

    @Test
    void signInReturnsToTheInterceptedPage() {
        shell.tester.startPage(ClassAppsPage.class, ClassAppPage.forClass(ShellFixture.CM1));
        shell.tester.assertRenderedPage(SignInPage.class);
        FormTester form = shell.tester.newFormTester("form");
        form.setValue("login", "marie");
        form.setValue("password", ShellFixture.PASSWORD);
        form.submit();
        shell.tester.assertRenderedPage(ClassAppsPage.class);
    }

    @Test
    void languageChosenBeforeSignInIsKept() {
        shell.tester.startPage(SignInPage.class);
        shell.tester.clickLink("language:switch");
        shell.tester.assertRenderedPage(SignInPage.class);
        assertTrue(shell.html().contains("Sign in with the login and password the school gave you."));
        assertTrue(shell.html().contains("lang=\"en\""));

        FormTester form = shell.tester.newFormTester("form");
        form.setValue("login", "marie");
        form.setValue("password", "wrong");
        form.submit();
        shell.tester.assertErrorMessages("Wrong login or password.");

        shell.signIn(ShellFixture.MARIE);
        shell.tester.assertRenderedPage(DashboardPage.class);
        assertTrue(shell.html().contains("My classes"));
    }

    @Test
    void signOutEndsTheSession() {
        shell.signIn(ShellFixture.MARIE);
        shell.tester.newFormTester("header:signOut").submit();
        shell.tester.assertRenderedPage(SignInPage.class);
        shell.tester.startPage(DashboardPage.class);
        shell.tester.assertRenderedPage(SignInPage.class);
    }
}
