package org.cartable.web.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.cartable.web.internal.pages.MyDataPage;
import org.cartable.web.internal.pages.SignInPage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class MyDataPageTest {

    private final ShellFixture shell = new ShellFixture();

    @AfterEach
    void tearDown() {
        shell.destroy();
    }

    @Test
    void theHeaderLeadsToMyDataWhoseButtonDownloadsTheSignedInPersonsZip() throws Exception {
        shell.signIn(ShellFixture.SOPHIE);
        shell.tester.clickLink("header:myData");
        shell.tester.assertRenderedPage(MyDataPage.class);
        assertTrue(shell.html().contains("Télécharger mes données"), shell.html());

        shell.tester.clickLink("download");
        assertEquals("application/zip", shell.tester.getLastResponse().getContentType());
        assertTrue(shell.tester.getLastResponse().getHeader("Content-Disposition").startsWith("attachment"),
                shell.tester.getLastResponse().getHeader("Content-Disposition"));
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(
                shell.tester.getLastResponse().getBinaryContent()))) {
            ZipEntry entry = zip.getNextEntry();
            assertEquals("platform/profile.json", entry.getName());
            assertTrue(new String(zip.readAllBytes(), StandardCharsets.UTF_8).contains(ShellFixture.SOPHIE.userId()));
        }
    }

    @Test
    void signedOutVisitorsAreSentToSignIn() {
        shell.tester.startPage(MyDataPage.class);
        shell.tester.assertRenderedPage(SignInPage.class);
    }

    @Test
    void theSignInPageOffersTheDownloadToThoseWhoLeft() {
        shell.tester.startPage(SignInPage.class);
        assertTrue(shell.html().contains("action=\"/api/export\""), shell.html());
        assertTrue(shell.html().contains("Vous avez quitté l'école ?"), shell.html());
    }
}
