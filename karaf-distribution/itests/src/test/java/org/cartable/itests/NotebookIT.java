package org.cartable.itests;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;

import static org.awaitility.Awaitility.await;
import static org.cartable.itests.Demo.assertNoStackTrace;
import static org.cartable.itests.Demo.ids;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The notebook on A1 through REST: a pupil creates a notebook, uploads a picture and a sound (over the platform's
 * 1 MiB default body limit), shares it read-only; a classmate and a parent read it but cannot write; byte ranges give
 * 206/416; a page being edited is locked (409 naming the editor); outsiders get 404 and nothing of the content; the
 * feature is uninstalled (404) and reinstalled with the notebooks and their files back.
 */
@ExtendWith(CartableExtension.class)
@Order(4) // class order: see junit-platform.properties
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NotebookIT {

    static final String APP = "notebook";
    static final String FEATURE = "cartable-notebook";
    private static final Duration WITHIN = Duration.ofSeconds(60);
    /* Installing a feature resolves and starts bundles: far longer than a REST call on a loaded build machine. */
    private static final Duration FEATURE_CHANGE = Duration.ofSeconds(180);
    private static final String TITLE = "Mon cahier de sciences " + System.currentTimeMillis();

    private static String a1;
    private static String root;
    private static boolean wasEnabled;
    private static String notebookId;
    private static String pageId;
    private static String imageId;
    private static String soundId;
    private static byte[] sound;

    @BeforeAll
    static void enableTheApp(CartableServer server) {
        a1 = Demo.classA1(server);
        root = "/api/classes/" + a1 + "/" + APP;
        wasEnabled = ids(server.get(server.token("teacher"), "/api/classes/" + a1 + "/apps").json()).contains(APP);
        CartableServer.Response r = server.put(server.token("teacher"), "/api/classes/" + a1 + "/apps/" + APP, null);
        assertEquals(204, r.status(), () -> "enable the notebook for A1: " + r);
    }

    @AfterAll
    static void restoreTheDemo(CartableServer server) {
        if (notebookId != null) {
            server.delete(server.token("pupil"), notebook());
        }
        if (!wasEnabled) {
            server.delete(server.token("teacher"), "/api/classes/" + a1 + "/apps/" + APP);
        }
    }

    @Test
    @Order(1)
    void aPupilCreatesANotebookWithAPictureAndASound(CartableServer server) {
        CartableServer.Response created = server.post(server.token("pupil"), root + "/notebooks",
                Map.of("title", TITLE, "coverColor", "#2e7d32"));
        assertEquals(201, created.status(), created::toString);
        notebookId = created.json().path("id").asText();
        assertEquals(36, notebookId.length(), created::toString);
        assertEquals("PRIVATE", created.json().path("sharing").asText());
        assertEquals(1, created.json().path("pageCount").asInt());
        pageId = server.get(server.token("pupil"), notebook()).json().path("pages").path(0).path("id").asText();

        CartableServer.Response image = upload(server, "pupil", "photo.png", "image/png", png());
        assertEquals(201, image.status(), image::toString);
        assertEquals("image/png", image.json().path("contentType").asText());
        imageId = image.json().path("id").asText();

        // 1.5 MiB: more than the platform's default limit, which the upload parameter raises
        sound = wav(1536 * 1024);
        CartableServer.Response audio = upload(server, "pupil", "chant.wav", "application/octet-stream", sound);
        assertEquals(201, audio.status(), audio::toString);
        assertEquals("AUDIO", audio.json().path("kind").asText());
        assertEquals(sound.length, audio.json().path("size").asLong());
        soundId = audio.json().path("id").asText();

        CartableServer.Response html = upload(server, "pupil", "chat.png", "image/png",
                "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8));
        assertEquals(415, html.status(), html::toString);
        assertEquals("unsupported_media_type", html.json().path("error").asText(), html::toString);
        assertNoStackTrace(html);

        for (Map<String, Object> box : List.of(
                Map.<String, Object>of("kind", "TEXT", "x", 5, "y", 5, "width", 40, "height", 30,
                        "content", "<p>La germination <script>x()</script>des haricots</p>"),
                Map.<String, Object>of("kind", "IMAGE", "x", 50, "y", 5, "width", 45, "height", 40,
                        "mediaId", imageId, "content", "Jour 3"),
                Map.<String, Object>of("kind", "AUDIO", "x", 5, "y", 60, "width", 50, "height", 15,
                        "mediaId", soundId))) {
            CartableServer.Response r = server.post(server.token("pupil"), page() + "/boxes", box);
            assertEquals(201, r.status(), r::toString);
            assertFalse(r.json().path("content").asText().contains("script"), r::toString);
        }
    }

    @Test
    @Order(2)
    void sharedReadOnlyAClassmateAndAParentReadButCannotWrite(CartableServer server) {
        CartableServer.Response hidden = server.get(server.token("a1.pupil3"), notebook());
        assertEquals(404, hidden.status(), () -> "private until shared: " + hidden);

        CartableServer.Response shared = server.put(server.token("pupil"), notebook() + "/sharing",
                Map.of("sharing", "READ"));
        assertEquals(200, shared.status(), shared::toString);
        assertEquals("READ", shared.json().path("sharing").asText());

        for (String reader : List.of("a1.pupil3", "parent")) {
            CartableServer.Response read = server.get(server.token(reader), notebook());
            assertEquals(200, read.status(), () -> reader + ": " + read);
            assertEquals(TITLE, read.json().path("title").asText());
            assertFalse(read.json().path("mayEdit").asBoolean(true), read::toString);
            assertEquals(3, read.json().path("pages").path(0).path("boxes").size(), read::toString);
            CartableServer.Response listed = server.get(server.token(reader), root);
            assertTrue(ids(listed.json().path("others")).contains(notebookId), () -> reader + ": " + listed);

            CartableServer.Response page = server.post(server.token(reader), notebook() + "/pages", Map.of());
            assertEquals(403, page.status(), () -> reader + " adds a page: " + page);
            CartableServer.Response box = server.post(server.token(reader), page() + "/boxes",
                    Map.of("kind", "TEXT", "x", 0, "y", 0, "width", 10, "height", 10, "content", "Moi aussi"));
            assertEquals(403, box.status(), () -> reader + " adds a box: " + box);
            CartableServer.Response file = upload(server, reader, "x.png", "image/png", png());
            assertEquals(403, file.status(), () -> reader + " uploads: " + file);
            CartableServer.Response share = server.put(server.token(reader), notebook() + "/sharing",
                    Map.of("sharing", "PRIVATE"));
            assertEquals(403, share.status(), () -> reader + " changes the sharing: " + share);
        }
    }

    @Test
    @Order(3)
    void mediaAreServedWithByteRanges(CartableServer server) {
        HttpResponse<byte[]> whole = media(server, "a1.pupil3", imageId, null);
        assertEquals(200, whole.statusCode());
        assertArrayEquals(png(), whole.body());
        assertEquals("image/png", whole.headers().firstValue("Content-Type").orElse(""));
        assertEquals("nosniff", whole.headers().firstValue("X-Content-Type-Options").orElse(""));

        HttpResponse<byte[]> part = media(server, "a1.pupil3", soundId, "bytes=1000-1099");
        assertEquals(206, part.statusCode());
        assertEquals("bytes 1000-1099/" + sound.length, part.headers().firstValue("Content-Range").orElse(""));
        assertArrayEquals(Arrays.copyOfRange(sound, 1000, 1100), part.body());
        assertEquals("bytes", part.headers().firstValue("Accept-Ranges").orElse(""));

        HttpResponse<byte[]> beyond = media(server, "a1.pupil3", soundId, "bytes=" + sound.length + "-");
        assertEquals(416, beyond.statusCode());
        assertEquals("bytes */" + sound.length, beyond.headers().firstValue("Content-Range").orElse(""));
    }

    @Test
    @Order(4)
    void aPageBeingEditedIsLockedForOthers(CartableServer server) {
        // adding boxes gave the pupil the page's lock; the teacher may edit the notebook but not this page now
        CartableServer.Response conflict = server.post(server.token("teacher"), page() + "/lock", null);
        assertEquals(409, conflict.status(), conflict::toString);
        assertEquals("conflict", conflict.json().path("error").asText());
        assertTrue(conflict.json().path("message").asText().contains("Léa"), conflict::toString);
        CartableServer.Response read = server.get(server.token("teacher"), page());
        assertEquals(200, read.status(), () -> "others read the page meanwhile: " + read);
        assertEquals("Léa Martin", read.json().path("lock").path("holderName").asText(), read::toString);

        CartableServer.Response saved = server.put(server.token("pupil"), page(), Map.of("title", "Les haricots"));
        assertEquals(200, saved.status(), saved::toString);
        assertTrue(saved.json().path("lock").isNull() || saved.json().path("lock").isMissingNode(),
                () -> "saving releases the lock: " + saved);
        CartableServer.Response taken = server.post(server.token("teacher"), page() + "/lock", null);
        assertEquals(200, taken.status(), taken::toString);
        assertTrue(taken.json().path("mine").asBoolean(), taken::toString);
        CartableServer.Response pupilLocked = server.post(server.token("pupil"), page() + "/lock", null);
        assertEquals(409, pupilLocked.status(), pupilLocked::toString);
        assertEquals(204, server.delete(server.token("teacher"), page() + "/lock").status());
    }

    @Test
    @Order(5)
    void outsidersGetNothing(CartableServer server) {
        for (String outsider : List.of("teacher2", "pupilb", "b1.parent2")) {
            for (String path : List.of(root, notebook(), page(), notebook() + "/media/" + imageId,
                    notebook() + "/export")) {
                CartableServer.Response r = server.get(server.token(outsider), path);
                assertEquals(404, r.status(), () -> outsider + " " + path + ": " + r);
                assertFalse(r.body().contains(TITLE), () -> outsider + " sees content: " + r);
                assertNoStackTrace(r);
            }
            CartableServer.Response write = server.post(server.token(outsider), notebook() + "/pages", Map.of());
            assertEquals(404, write.status(), () -> outsider + ": " + write);
            CartableServer.Response file = upload(server, outsider, "x.png", "image/png", png());
            assertEquals(404, file.status(), () -> outsider + ": " + file);
        }
    }

    @Test
    @Order(6)
    void theExportIsAZipOfTheNotebook(CartableServer server) throws Exception {
        HttpResponse<byte[]> zip = server.httpClient().send(HttpRequest.newBuilder(
                        URI.create(server.baseUrl() + notebook() + "/export"))
                .header("Authorization", "Bearer " + server.token("parent")).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, zip.statusCode());
        assertEquals("application/zip", zip.headers().firstValue("Content-Type").orElse(""));
        String entries = new String(zip.body(), StandardCharsets.ISO_8859_1);
        assertTrue(entries.startsWith("PK"), "a ZIP");
        assertTrue(entries.contains("index.html") && entries.contains("media/" + soundId + ".wav"), "its entries");
    }

    @Test
    @Order(7)
    void uninstallingTakesTheAppAwayAndReinstallingBringsItsDataBack(CartableServer server) throws IOException {
        Path files = server.home().resolve("data/cartable/notebook").resolve(notebookId);
        assertTrue(Files.isRegularFile(files.resolve(soundId)), () -> "stored on disk under karaf.data: " + files);
        String admin = server.token("admin");
        CartableServer.Response uninstall = feature(server, admin, "DELETE");
        assertEquals(204, uninstall.status(), uninstall::toString);
        await("notebook gone").atMost(WITHIN).pollInterval(Duration.ofMillis(200))
                .until(() -> server.get(server.token("pupil"), notebook()).status() == 404);
        assertEquals(200, server.get(server.token("pupil"), "/api/me").status(), "the platform keeps serving");

        CartableServer.Response install = feature(server, admin, "PUT");
        assertEquals(204, install.status(), install::toString);
        await("notebook back").atMost(WITHIN).pollInterval(Duration.ofMillis(200))
                .until(() -> server.get(server.token("pupil"), notebook()).status() == 200);
        JsonNode back = server.get(server.token("pupil"), notebook()).json();
        assertEquals(TITLE, back.path("title").asText());
        assertEquals(3, back.path("pages").path(0).path("boxes").size(), back::toString);
        assertArrayEquals(sound, media(server, "pupil", soundId, null).body(), "the files are back too");
    }

    @Test
    @Order(8)
    void deletingTheNotebookDeletesItsFiles(CartableServer server) {
        Path files = server.home().resolve("data/cartable/notebook").resolve(notebookId);
        CartableServer.Response deleted = server.delete(server.token("pupil"), notebook());
        assertEquals(204, deleted.status(), deleted::toString);
        assertFalse(Files.exists(files), "the notebook's folder is gone");
        assertEquals(404, server.get(server.token("pupil"), notebook()).status());
        notebookId = null;
    }

    // ------------------------------------------------------------------------------------------ helpers

    private static String notebook() {
        return root + "/notebooks/" + notebookId;
    }

    private static String page() {
        return notebook() + "/pages/" + pageId;
    }

    private static CartableServer.Response feature(CartableServer server, String token, String method) {
        return server.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/admin/features/" + FEATURE))
                .timeout(FEATURE_CHANGE)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build());
    }

    private static CartableServer.Response upload(CartableServer server, String login, String name, String type,
                                                  byte[] body) {
        return server.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + notebook() + "/media?name=" + name))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + server.token(login))
                .header("Accept", "application/json")
                .header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());
    }

    private static HttpResponse<byte[]> media(CartableServer server, String login, String mediaId, String range) {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create(server.baseUrl() + notebook() + "/media/" + mediaId))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + server.token(login));
        if (range != null) {
            request.header("Range", range);
        }
        try {
            return server.httpClient().send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A WAV header followed by silence, {@code size} bytes in all. */
    static byte[] wav(int size) {
        byte[] head = "RIFF\0\0\0\0WAVEfmt ".getBytes(StandardCharsets.ISO_8859_1);
        byte[] bytes = Arrays.copyOf(head, size);
        for (int i = head.length; i < size; i++) {
            bytes[i] = (byte) (i % 251);
        }
        return bytes;
    }

    /** A 2×2 PNG, encoded here. */
    static byte[] png() {
        try {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            png.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
            ByteArrayOutputStream header = new ByteArrayOutputStream();
            DataOutputStream h = new DataOutputStream(header);
            h.writeInt(2);
            h.writeInt(2);
            h.write(new byte[] {8, 2, 0, 0, 0});
            chunk(png, "IHDR", header.toByteArray());
            ByteArrayOutputStream data = new ByteArrayOutputStream();
            try (DeflaterOutputStream deflate = new DeflaterOutputStream(data)) {
                deflate.write(new byte[] {0, (byte) 255, 0, 0, 0, (byte) 255, 0, 0, 0, 0, (byte) 255, 0, 0, 0, 0});
            }
            chunk(png, "IDAT", data.toByteArray());
            chunk(png, "IEND", new byte[0]);
            return png.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) throws IOException {
        DataOutputStream out = new DataOutputStream(png);
        out.writeInt(data.length);
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        out.write(name);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeInt((int) crc.getValue());
    }
}
