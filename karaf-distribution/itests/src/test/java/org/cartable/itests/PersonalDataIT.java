package org.cartable.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Personal-data rights end to end: a demo parent downloads her ZIP; then a family of a school of its own (imported,
 * so the demo stays intact) writes in a class wiki, leaves the directory, downloads its data although it can no
 * longer sign in, and is purged by an operator: the comment stays, shown to the class as a former user's.
 */
@ExtendWith(CartableExtension.class)
@Order(4) // class order: see junit-platform.properties
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PersonalDataIT {

    static final String TOOL = "/api/tools/import";
    static final String UAI = "0459907P";
    static final String PUPILS_HEADER = "Nom élève;Prénom élève;Date naissance;Sexe;Niveau;Classe;UAI école\n";
    static final String PAUL = "PURGÉ;Paul;05/06/2016;M;CM2;CM2 Départ;" + UAI + "\n";
    static final String ZOE = "RESTE;Zoé;07/08/2016;F;CM2;CM2 Départ;" + UAI + "\n";
    static final String GUARDIANS_HEADER = "Nom élève;Prénom élève;Date naissance;Nom responsable;Prénom responsable;"
            + "Lien de parenté;Autorité parentale;Courriel;Téléphone\n";
    static final String PAULINE = "PURGÉ;Paul;05/06/2016;PURGÉ;Pauline;MERE;Oui;pauline.purge@example.org;0622222222\n";
    static final String ROMAIN = "RESTE;Zoé;07/08/2016;RESTE;Romain;PERE;Oui;romain.reste@example.org;0633333333\n";
    static final String ACTIVATION_CFG = "etc/org.cartable.core.activation.cfg";

    @Test
    @Order(1)
    void aDemoParentDownloadsHerDataAsAZip(CartableServer server) throws IOException {
        // Resources register one by one after start: wait for ours and the import tool's.
        await().atMost(Duration.ofSeconds(300)).pollInterval(Duration.ofMillis(500))
                .until(() -> download(server, server.token("parent")).statusCode() != 404
                        && server.get(server.token("operator"), TOOL + "/collectivities").status() == 200);
        HttpResponse<byte[]> response = download(server, server.token("parent"));
        assertEquals(200, response.statusCode(), () -> new String(response.body(), StandardCharsets.UTF_8));
        assertEquals("application/zip", response.headers().firstValue("Content-Type").orElse(""));
        assertTrue(response.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment;"),
                response.headers()::toString);
        Map<String, String> zip = unzip(response.body());
        System.out.println("[PersonalDataIT] demo parent ZIP: " + zip.size() + " entries " + zip.keySet());
        assertTrue(zip.get("platform/profile.json").contains("\"login\": \"parent\""), zip::toString);
        assertTrue(zip.get("platform/family.json").contains("Léa"), zip.get("platform/family.json"));
        assertTrue(zip.get("platform/family.json").contains("Hugo"), zip.get("platform/family.json"));
        assertTrue(zip.containsKey("platform/feed.json"), () -> zip.keySet().toString());
        assertTrue(zip.containsKey("blog/comments.json"), "her demo blog comments: " + zip.keySet());
        assertTrue(zip.keySet().stream().anyMatch(name -> name.startsWith("liaison/")),
                "her liaison acknowledgements or replies: " + zip.keySet());
        assertFalse(zip.keySet().stream().anyMatch(name -> name.endsWith("export-failed.txt")), zip::toString);
        assertFalse(zip.toString().contains("Karim"), "nothing about another family's parent: " + zip);

        assertEquals(401, download(server, null).statusCode(), "anonymous");
        assertEquals(401, exportWithPassword(server, "parent", "wrong").statusCode());
    }

    @Test
    @Order(2)
    void aFamilyThatLeftExportsThenIsPurgedAndItsCommentStaysAsAFormerUsers(CartableServer server)
            throws IOException {
        // Imported before the configuration changes below restart the platform's access checks for a moment.
        Map<String, String> passwords = importSchool(server, server.token("operator"), PUPILS_HEADER + PAUL + ZOE,
                GUARDIANS_HEADER + PAULINE + ROMAIN, true);
        Path activation = server.home().resolve(ACTIVATION_CFG);
        String activationBefore = Files.readString(activation);
        try {
            // The imported class has no teacher to enable apps: the wiki is on by default while this test runs.
            Files.writeString(activation, activationBefore.replaceAll("(?m)^defaultApps\\s*=.*$",
                    "defaultApps = liaison,wiki"));
            purgeScenario(server, passwords);
        } finally {
            Files.writeString(activation, activationBefore);
        }
        // Leave the server as found: wait until the defaults are back (the class has the wiki no more).
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> server.get(zoeToken, wikiPath).status() == 403);
    }

    private String zoeToken;
    private String wikiPath;

    private void purgeScenario(CartableServer server, Map<String, String> passwords) throws IOException {
        String operator = server.token("operator");
        String paulLogin = login(passwords, "paul.");
        String zoeLogin = login(passwords, "zoe.");
        String paul = signIn(server, paulLogin, passwords.get(paulLogin));
        String zoe = signIn(server, zoeLogin, passwords.get(zoeLogin));
        JsonNode paulMe = server.get(paul, "/api/me").json();
        String paulId = paulMe.path("id").asText();
        String classId = paulMe.path("classes").get(0).path("id").asText();
        String wiki = "/api/classes/" + classId + "/wiki";
        zoeToken = zoe;
        wikiPath = wiki;
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> server.get(paul, wiki).status() == 200);
        // The same restart may still be settling elsewhere: the import tool answers again before going on.
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                .until(() -> server.get(operator, TOOL + "/collectivities").status() == 200);
        String home = server.get(paul, wiki).json().path("homeId").asText();
        CartableServer.Response comment = server.post(paul, wiki + "/pages/" + home + "/comments",
                Map.of("body", "Je propose une page sur les volcans."));
        assertEquals(201, comment.status(), comment::toString);
        JsonNode seen = server.get(zoe, wiki + "/pages/" + home).json().path("comments").get(0);
        assertEquals(paulId, seen.path("authorId").asText(), seen::toString);
        String paulName = seen.path("authorName").asText();
        assertTrue(paulName.startsWith("Paul"), seen::toString);

        // Paul and his mother leave the school's directory: pre-deleted, they cannot sign in any more...
        importSchool(server, operator, PUPILS_HEADER + ZOE, GUARDIANS_HEADER + ROMAIN, false);
        assertEquals(401, server.post(null, "/api/session",
                Map.of("login", paulLogin, "password", passwords.get(paulLogin))).status());
        assertEquals(401, server.get(paul, "/api/me").status(), "his open session is closed too");

        // ... but Paul still downloads his data with his password, until the purge.
        HttpResponse<byte[]> export = exportWithPassword(server, paulLogin, passwords.get(paulLogin));
        assertEquals(200, export.statusCode(), () -> new String(export.body(), StandardCharsets.UTF_8));
        Map<String, String> zip = unzip(export.body());
        assertTrue(zip.get("platform/profile.json").contains("PRE_DELETED"), zip.get("platform/profile.json"));
        assertTrue(zip.get("wiki/comments.json").contains("volcans"), zip::toString);
        HttpResponse<byte[]> form = exportWithForm(server, paulLogin, passwords.get(paulLogin));
        assertEquals(200, form.statusCode(), "the sign-in page's plain form works too");

        // Only operators purge on request; then the comment stays, the name goes.
        assertEquals(403, server.post(server.token("teacher"), "/api/admin/accounts/" + paulId + "/purge", null)
                .status());
        assertEquals(409, server.post(operator, "/api/admin/accounts/" + server.get(zoe, "/api/me").json()
                .path("id").asText() + "/purge", null).status(), "an active account is not purged");
        CartableServer.Response purged = server.post(operator, "/api/admin/accounts/" + paulId + "/purge", null);
        assertEquals(204, purged.status(), purged::toString);

        JsonNode after = server.get(zoe, wiki + "/pages/" + home).json().path("comments").get(0);
        assertEquals("Je propose une page sur les volcans.", after.path("body").asText().replaceAll("<[^>]+>", ""),
                after::toString);
        assertEquals("former-user", after.path("authorId").asText(), after::toString);
        assertEquals("ancien utilisateur", after.path("authorName").asText(), after::toString);
        assertNotEquals(paulName, after.path("authorName").asText());
        assertEquals(401, exportWithPassword(server, paulLogin, passwords.get(paulLogin)).statusCode(),
                "the account is gone");
        assertEquals(404, server.post(operator, "/api/admin/accounts/" + paulId + "/purge", null).status());
    }

    private static String login(Map<String, String> passwords, String prefix) {
        return passwords.keySet().stream().filter(l -> l.startsWith(prefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no account " + prefix + "* in " + passwords.keySet()));
    }

    private static String signIn(CartableServer server, String login, String password) {
        CartableServer.Response r = server.post(null, "/api/session", Map.of("login", login, "password", password));
        assertEquals(200, r.status(), r::toString);
        return r.json().path("token").asText();
    }

    /** @return the logins and passwords of the connection sheets of the accounts created (none on a re-import) */
    private static Map<String, String> importSchool(CartableServer server, String operator, String pupils,
                                                    String guardians, boolean sheets) throws IOException {
        JsonNode collectivities = server.get(operator, TOOL + "/collectivities").json();
        CartableServer.Response created = server.post(operator, TOOL + "/jobs",
                Map.of("format", "onde", "collectivityId", collectivities.get(0).path("id").asText()));
        assertEquals(201, created.status(), created::toString);
        String job = created.json().path("id").asText();
        DirectoryImportIT.upload(server, operator, job, "pupils", pupils);
        DirectoryImportIT.upload(server, operator, job, "guardians", guardians);
        JsonNode run = DirectoryImportIT.start(server, operator, job, "run");
        Map<String, String> credentials = new LinkedHashMap<>();
        if (sheets) {
            HttpResponse<byte[]> pdf = DirectoryImportIT.raw(server, operator, "GET",
                    TOOL + "/jobs/" + job + "/sheets.pdf", null, null);
            assertEquals(200, pdf.statusCode());
            try (PDDocument document = Loader.loadPDF(pdf.body())) {
                Matcher m = Pattern.compile("Identifiant : (\\S+)\\s+Code de première connexion : (\\S+)")
                        .matcher(new PDFTextStripper().getText(document));
                while (m.find()) {
                    credentials.put(m.group(1), m.group(2));
                }
            }
            assertEquals(4, credentials.size(), credentials::toString);
            // A first-login code only lets its owner choose a password: do it, and hand out the chosen ones.
            for (Map.Entry<String, String> account : credentials.entrySet()) {
                String chosen = account.getValue() + "-mine";
                CartableServer.Response first = server.post(null, "/api/session", Map.of("login", account.getKey(),
                        "password", account.getValue(), "newPassword", chosen));
                assertEquals(200, first.status(), first::toString);
                server.delete(first.json().path("token").asText(), "/api/session");
                account.setValue(chosen);
            }
        } else {
            assertEquals(2, run.path("summary").path("preDeleted").asInt(), run::toString);
        }
        server.delete(operator, TOOL + "/jobs/" + job);
        return credentials;
    }

    private static HttpResponse<byte[]> download(CartableServer server, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/me/export"))
                .timeout(Duration.ofSeconds(60)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return send(server, request.build());
    }

    private static HttpResponse<byte[]> exportWithPassword(CartableServer server, String login, String password) {
        String json = "{\"login\":\"" + login + "\",\"password\":\"" + password + "\"}";
        return send(server, HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/export"))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    private static HttpResponse<byte[]> exportWithForm(CartableServer server, String login, String password) {
        String form = "login=" + URLEncoder.encode(login, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8);
        return send(server, HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/export"))
                .timeout(Duration.ofSeconds(60)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build());
    }

    private static HttpResponse<byte[]> send(CartableServer server, HttpRequest request) {
        try {
            return server.httpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> unzip(byte[] bytes) throws IOException {
        Map<String, String> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                entries.put(e.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }
}
