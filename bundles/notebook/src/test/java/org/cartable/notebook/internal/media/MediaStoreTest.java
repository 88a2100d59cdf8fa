package org.cartable.notebook.internal.media;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.stream.Stream;

import org.cartable.api.CartableException;
import org.cartable.notebook.internal.Samples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Files on disk: named by random ids only, written whole or not at all, served by byte range. */
class MediaStoreTest {

    @TempDir
    Path root;

    private final String notebookId = UUID.randomUUID().toString();

    @Test
    void anUploadThatBreaksOffLeavesNothing() throws IOException {
        MediaStore store = new MediaStore(root);
        InputStream broken = new SequenceInputStream(new ByteArrayInputStream(Samples.mp4(1000)), new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("connection reset");
            }
        });
        assertThrows(UncheckedIOException.class, () -> store.store(notebookId, broken, type -> 1L << 20));
        try (Stream<Path> files = Files.list(root.resolve(notebookId))) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void idsThatAreNotOurUuidsNeverReachThePath() {
        MediaStore store = new MediaStore(root);
        for (String id : new String[] {"..", "../x", "/etc/passwd", "a/b", notebookId + "/..", "", null}) {
            assertThrows(CartableException.class, () -> store.file(notebookId, id), String.valueOf(id));
            assertThrows(CartableException.class, () -> store.store(id, new ByteArrayInputStream(Samples.png()),
                    type -> 1L << 20), String.valueOf(id));
        }
        assertFalse(Files.exists(root.resolve("etc")));
    }

    @Test
    void aStoredFileIsReadWholeOrByRange() throws IOException {
        MediaStore store = new MediaStore(root);
        byte[] content = Samples.wav(5000);
        MediaStore.Stored stored = store.store(notebookId, new ByteArrayInputStream(content), type -> 5000L);
        assertEquals("audio/wav", stored.contentType());
        assertEquals(5000, stored.size());
        Path file = store.file(notebookId, stored.mediaId()).orElseThrow();
        assertEquals(root.resolve(notebookId).resolve(stored.mediaId()), file);

        ByteArrayOutputStream part = new ByteArrayOutputStream();
        MediaStore.write(file, 100, 50, part);
        assertEquals(50, part.size());
        byte[] expected = new byte[50];
        System.arraycopy(content, 100, expected, 0, 50);
        assertEquals(new String(expected, "ISO-8859-1"), part.toString("ISO-8859-1"));

        String copy = store.copy(notebookId, stored.mediaId(), UUID.randomUUID().toString());
        assertEquals(36, copy.length());
        store.deleteAll(notebookId);
        assertFalse(Files.exists(root.resolve(notebookId)));
        assertTrue(Files.isDirectory(root));
    }
}
