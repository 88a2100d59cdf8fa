package org.cartable.wiki.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

class WikiDiffTest {

    @Test
    void unchangedTextIsOnlyEscaped() {
        WikiDiff.Result same = WikiDiff.compareText("a < b & \"c\"", "a < b & \"c\"");
        assertEquals("a &lt; b &amp; &quot;c&quot;", same.html());
        assertEquals(0, same.added());
        assertEquals(0, same.removed());
    }

    @Test
    void markupInTheTextNeverBecomesMarkup() {
        WikiDiff.Result diff = WikiDiff.compareText("Bonjour", "Bonjour <img src=x onerror=alert(1)>");
        assertEquals("Bonjour<ins> &lt;img src=x onerror=alert(1)&gt;</ins>", diff.html());
    }

    @Test
    void linesAndWordsAreKept() {
        WikiDiff.Result diff = WikiDiff.compareText("un\ndeux trois", "un\ndeux quatre\ncinq");
        assertEquals("un<br>deux <del>trois</del><ins>quatre<br>cinq</ins>", diff.html());
        assertEquals(2, diff.added());
        assertEquals(1, diff.removed());
    }

    @Test
    void wordsKeepTheirApostrophesAndAccents() {
        assertEquals(List.of("l’été", " ", "s'achève", "."), WikiDiff.tokens("l’été s'achève."));
    }

    @Test
    void htmlBecomesOneLinePerBlock() {
        assertEquals("Titre\nUn &\ndeux\ntrois", HtmlText.toText("<h2>Titre</h2><p>Un &amp;</p><ul><li>deux</li><li>trois</li></ul>"));
    }
}
