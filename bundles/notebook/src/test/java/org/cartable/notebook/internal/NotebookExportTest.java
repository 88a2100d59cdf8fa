package org.cartable.notebook.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The offline ZIP: index.html referencing its files relatively, the stylesheet, the media; embeds become links. */
class NotebookExportTest {

    private static final Instant NOW = Instant.parse("2026-11-29T08:00:00Z");

    @TempDir
    Path files;

    @Test
    void theZipHoldsAPageOfHtmlItsStylesAndItsMedia() throws IOException {
        String notebookId = "11111111-1111-1111-1111-111111111111";
        MediaInfo image = new MediaInfo("22222222-2222-2222-2222-222222222222", notebookId, "image/png",
                BoxKind.IMAGE, 10, "chat.png", NOW);
        MediaInfo sound = new MediaInfo("33333333-3333-3333-3333-333333333333", notebookId, "audio/mpeg",
                BoxKind.AUDIO, 10, "chant.mp3", NOW);
        Path imageFile = Files.write(files.resolve(image.id()), Samples.png());
        Path soundFile = Files.write(files.resolve(sound.id()), Samples.mp3(50));
        Notebook notebook = new Notebook(notebookId, "class", "Été <2026> & co", "#2e7d32", image.id(), "lea",
                "Léa Petit", Sharing.READ, 2, NOW, NOW, false, false);
        Page first = new Page("p1", notebookId, 0, "Le chat", NOW, List.of(
                new Box("b1", "p1", BoxKind.TEXT, new Geometry(5, 5, 40, 20, 0), "<p>Mon <b>chat</b></p>", null, null),
                new Box("b2", "p1", BoxKind.IMAGE, new Geometry(50, 5, 45, 40, 1), "Il \"dort\"", image, null)), null);
        Page second = new Page("p2", notebookId, 1, null, NOW, List.of(
                new Box("b3", "p2", BoxKind.AUDIO, new Geometry(0, 0, 50, 15, 0), null, sound, null),
                new Box("b4", "p2", BoxKind.EMBED, new Geometry(0, 50, 50, 40, 1), null, null,
                        new Embed(Embed.Provider.YOUTUBE, "dQw4w9WgXcQ"))), null);
        NotebookDetail detail = new NotebookDetail(notebook, List.of(first, second), List.of(image, sound));

        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        NotebookExport.write(new NotebookExport.Content(detail, "CM1 A",
                Map.of(image.id(), imageFile, sound.id(), soundFile)), zip);
        Map<String, byte[]> entries = unzip(zip.toByteArray());

        assertEquals(List.of("index.html", "style.css", "media/" + image.id() + ".png", "media/" + sound.id() + ".mp3"),
                List.copyOf(entries.keySet()));
        assertArrayEquals(Samples.png(), entries.get("media/" + image.id() + ".png"));
        String html = new String(entries.get("index.html"), StandardCharsets.UTF_8);
        assertTrue(html.contains("<link rel=\"stylesheet\" href=\"style.css\">"), html);
        assertTrue(html.contains("<title>Été &lt;2026&gt; &amp; co</title>"), "titles are escaped: " + html);
        assertTrue(html.contains("<p>Mon <b>chat</b></p>"), "sanitised text as stored");
        assertTrue(html.contains("<img src=\"media/" + image.id() + ".png\" alt=\"Il &quot;dort&quot;\">"), html);
        assertTrue(html.contains("<audio controls src=\"media/" + sound.id() + ".mp3\"></audio>"), html);
        assertTrue(html.contains("<a href=\"https://www.youtube.com/watch?v=dQw4w9WgXcQ\">"), "embeds become links");
        assertFalse(html.contains("<iframe"), "nothing needs the network offline");
        assertFalse(html.contains("http://") || html.contains("src=\"/"), "every file is referenced relatively");
        assertTrue(html.indexOf("Le chat") < html.indexOf("Page 2"), "pages in order");
        assertEquals("ete-2026-co.zip", NotebookExport.fileName(notebook));
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }
}
