package org.cartable.api.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class RichTextTest {

    @Test
    void plainTextBecomesEscapedParagraphs() {
        assertEquals("<p>Bonjour &amp; bienvenue</p><p>Ligne 1<br>Ligne 2</p>",
                RichText.fromTextarea("Bonjour & bienvenue\n\n  \nLigne 1\nLigne 2\n"));
    }

    @Test
    void aLoneLessThanSignIsText() {
        assertEquals("<p>3 &lt; 5</p>", RichText.fromTextarea("3 < 5"));
    }

    @Test
    void htmlIsLeftToTheSanitiser() {
        assertEquals("<b>gras</b>\n", RichText.fromTextarea("<b>gras</b>\n"));
    }

    @Test
    void excerptsAreShortPlainText() {
        assertEquals("Un titre L'été & nous", RichText.excerpt("<h2>Un titre</h2><p>L&#39;été &amp; nous</p>", 50));
        assertEquals("abcde…", RichText.excerpt("<p>abcdefghij</p>", 5));
    }
}
