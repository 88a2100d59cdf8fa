package org.cartable.core.internal.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OwaspHtmlSanitizerTest {

    private final OwaspHtmlSanitizer sanitizer = new OwaspHtmlSanitizer();

    @Test
    void keepsFormattingBlocksListsAndTables() {
        String html = "<h2>Sortie</h2><p>Nous irons au <strong>musée</strong> <em>mardi</em>, <u>prévoir</u> "
                + "un <s>goûter</s> pique-nique.<br></p><blockquote>Citation</blockquote>"
                + "<ul><li>Un</li><li>Deux</li></ul><ol start=\"3\"><li>Trois</li></ol>"
                + "<table><thead><tr><th colspan=\"2\">Jour</th></tr></thead>"
                + "<tbody><tr><td>Lundi</td><td rowspan=\"1\">Piscine</td></tr></tbody></table>";
        assertEquals(html.replace("<br>", "<br />"), sanitizer.sanitize(html));
    }

    @Test
    void linksKeepSafeUrlsAndGetRelNofollowNoopener() {
        String out = sanitizer.sanitize("<a href=\"https://ecole.example/sortie?x=1&amp;y=2\" title=\"t\">ici</a>");
        assertTrue(out.startsWith("<a href=\"https://ecole.example/sortie?x&#61;1&amp;y&#61;2\""), out);
        // The sanitizer keeps rel values in a hash set: their order is not stable across runs.
        Matcher rel = Pattern.compile("rel=\"([^\"]*)\"").matcher(out);
        assertTrue(rel.find(), out);
        assertEquals(Set.of("nofollow", "noopener"), Set.of(rel.group(1).split(" ")));
        assertTrue(sanitizer.sanitize("<a href=\"mailto:maitresse@ecole.example\">écrire</a>")
                .contains("href=\"mailto:maitresse&#64;ecole.example\""));
        assertTrue(sanitizer.sanitize("<a href=\"http://ecole.example\">x</a>").contains("href=\"http://ecole.example\""));
    }

    @Test
    void imagesKeepRasterDataUrlsOnly() {
        String png = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";
        assertTrue(sanitizer.sanitize("<img src=\"" + png + "\" alt=\"pixel\">").contains("src=\"data:image/png;base64,"));
        assertEquals("", sanitizer.sanitize("<img src=\"data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+\">"));
        assertEquals("", sanitizer.sanitize("<img src=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">"));
        assertEquals("", sanitizer.sanitize("<img src=\"mailto:x@y.z\">"));
        assertFalse(sanitizer.sanitize("<a href=\"data:text/html,hi\">x</a>").contains("data:"));
        String jpeg = "data:image/jpeg;base64,/9j/4AAQSkZJRgABAQ==";
        assertTrue(sanitizer.sanitize("<img src=\"" + jpeg + "\" width=\"200\">").contains("src=\"data:image/jpeg;base64,/9j/"));
    }

    /** A remote image would tell its server the address of every pupil who reads the page. */
    @ParameterizedTest
    @ValueSource(strings = {
            "<img src=\"https://tracker.example/pixel.png\" alt=\"classe\">",
            "<img src=\"http://tracker.example/pixel.gif\">",
            "<img src=\"HTTPS://tracker.example/a.png\">",
            "<img src=\"//tracker.example/a.png\">",
            "<img src=\"/api/me\">",
            "<img src=\"pixel.png\">",
            "<img src=\" https://tracker.example/a.png \">",
    })
    void remoteAndRelativeImagesAreDropped(String html) {
        String out = sanitizer.sanitize(html);
        assertFalse(out.contains("src="), out);
        assertFalse(out.toLowerCase(Locale.ROOT).contains("tracker"), out);
    }

    /** Each input must come out without anything executable, whatever else survives. */
    @ParameterizedTest
    @ValueSource(strings = {
            "<script>alert(1)</script>",
            "<SCRIPT SRC=http://evil.example/x.js></SCRIPT>",
            "<img src=x onerror=alert(1)>",
            "<img src=\"https://ok.example/a.png\" onerror=\"alert(1)\" onload=\"alert(2)\">",
            "<a href=\"javascript:alert(1)\">clic</a>",
            "<a href=\"JaVaScRiPt:alert(1)\">clic</a>",
            "<a href=\"jav&#x09;ascript:alert(1)\">clic</a>",
            "<a href=\" javascript:alert(1)\">clic</a>",
            "<a href=\"vbscript:msgbox(1)\">clic</a>",
            "<svg onload=alert(1)><circle r=10 /></svg>",
            "<svg><script>alert(1)</script></svg>",
            "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
            "<p style=\"background:url(javascript:alert(1))\">texte</p>",
            "<div style=\"width: expression(alert(1))\">texte</div>",
            "<style>body{background:url(javascript:alert(1))}</style>",
            "<iframe src=\"https://evil.example\"></iframe>",
            "<object data=\"x.swf\"></object><embed src=\"x.swf\">",
            "<form action=\"https://evil.example\"><input name=p type=password><button>OK</button></form>",
            "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
            "<base href=\"javascript:alert(1)//\">",
            "<p onclick=\"alert(1)\" onmouseover=alert(2)>texte</p>",
            "<<script>alert(1);//<</script>",
            "<img \"\"\"><script>alert(1)</script>\">",
            "<scr<script>ipt>alert(1)</scr</script>ipt>",
            "<a href=\"https://ok.example\" target=\"_blank\" onfocus=alert(1) autofocus>x</a>",
            "<table background=\"javascript:alert(1)\"><tr><td>x</td></tr></table>",
            "<!--<img src=\"--><img src=x onerror=alert(1)//\">",
            "<p>non fermé <b>gras <i>italique",
            "</p></div><p>fermetures orphelines",
            "<img src=\"data:image/png;base64,AAAA\" onerror=alert(1)>",
            "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">x</a>",
    })
    void hostileInputLosesEverythingExecutable(String hostile) {
        String out = sanitizer.sanitize(hostile).toLowerCase(Locale.ROOT);
        for (String forbidden : new String[] {"<script", "javascript:", "vbscript:", "onerror", "onload", "onclick",
                "onmouseover", "onfocus", "<svg", "<style", "style=", "expression(", "<iframe", "<object", "<embed",
                "<form", "<input", "<meta", "<base", "data:text", "<math", "background="}) {
            assertFalse(out.contains(forbidden), () -> "'" + forbidden + "' survived in " + out);
        }
    }

    @Test
    void brokenMarkupIsBalanced() {
        assertEquals("<p>non fermé <b>gras <i>italique</i></b></p>", sanitizer.sanitize("<p>non fermé <b>gras <i>italique"));
        assertEquals("texte &lt; 3 &amp; 4", sanitizer.sanitize("texte < 3 & 4"));
    }

    @Test
    void nullAndEmptyGiveEmpty() {
        assertEquals("", sanitizer.sanitize(null));
        assertEquals("", sanitizer.sanitize(""));
        assertEquals("", sanitizer.sanitize("<script>only</script>"));
    }
}
