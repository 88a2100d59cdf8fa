package org.cartable.itests;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
 * The directory import tool over REST, as the operator: a small registry extract (a school not in the demo) is
 * dry-run, then imported; the new accounts sign in with the passwords printed on their connection sheets; other
 * roles get 403; importing the same files again changes nothing.
 */
@ExtendWith(CartableExtension.class)
@Order(4) // class order: see junit-platform.properties
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DirectoryImportIT {

    static final String TOOL = "/api/tools/import";
    static final String UAI = "0459901X";
    static final String PUPILS = "Nom élève;Prénom élève;Date naissance;Sexe;Niveau;Classe;UAI école\n"
            + "IMPORTÉE;Iléana;04/03/2019;F;CP;CP Import;" + UAI + "\n"
            + "IMPORTÉ;Ivan;12/07/2016;M;CM1;CM1 Import;" + UAI + "\n"
            + "SANSDATE;Ugo;;M;CP;CP Import;" + UAI + "\n";
    static final String GUARDIANS = "Nom élève;Prénom élève;Date naissance;Nom responsable;Prénom responsable;"
            + "Lien de parenté;Autorité parentale;Courriel;Téléphone\n"
            + "IMPORTÉE;Iléana;04/03/2019;IMPORTÉE;Irène;MERE;Oui;irene.importee@example.org;0611111111\n"
            + "IMPORTÉ;Ivan;12/07/2016;IMPORTÉE;Irène;MERE;Oui;irene.importee@example.org;0611111111\n";

    private static Map<String, String> credentials = new LinkedHashMap<>();

    @Test
    @Order(1)
    void onlyOperatorsAndAdminsUseTheTool(CartableServer server) {
        for (String login : new String[] {"director", "teacher", "parent"}) {
            CartableServer.Response r = server.get(server.token(login), TOOL + "/jobs");
            assertEquals(403, r.status(), r::toString);
            Demo.assertNoStackTrace(r);
        }
        assertEquals(401, server.get(null, TOOL + "/jobs").status());
        assertEquals(200, server.get(server.token("operator"), TOOL + "/jobs").status());
    }

    @Test
    @Order(2)
    void dryRunThenRunCreatesTheAccountsWhoSignInWithTheirSheets(CartableServer server) throws IOException {
        String operator = server.token("operator");
        String job = newJob(server, operator);

        JsonNode dry = start(server, operator, job, "dry-run");
        assertEquals(2, dry.path("summary").path("pupilsCreated").asInt(), dry::toString);
        assertEquals(1, dry.path("summary").path("rejectedLines").asInt(), dry::toString);
        assertEquals(404, server.get(server.token("admin"), TOOL + "/jobs/" + job).status(),
                "another user's job is unknown");

        JsonNode run = start(server, operator, job, "run");
        JsonNode summary = run.path("summary");
        assertEquals(1, summary.path("schoolsCreated").asInt(), run::toString);
        assertEquals(2, summary.path("pupilsCreated").asInt(), run::toString);
        assertEquals(1, summary.path("guardiansCreated").asInt(), run::toString);
        assertEquals(2, summary.path("linksCreated").asInt(), run::toString);
        assertEquals(3, run.path("credentials").asInt(), run::toString);

        HttpResponse<byte[]> report = raw(server, operator, "GET", TOOL + "/jobs/" + job + "/rejected.csv", null,
                null);
        assertEquals(200, report.statusCode());
        String reportText = new String(report.body(), StandardCharsets.UTF_8);
        assertTrue(reportText.contains("pupils;4;missing birth date"), reportText);

        HttpResponse<byte[]> pdf = raw(server, operator, "GET", TOOL + "/jobs/" + job + "/sheets.pdf", null, null);
        assertEquals(200, pdf.statusCode());
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElse(""));
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document);
            Matcher m = Pattern.compile("Identifiant : (\\S+)\\s+Code de première connexion : (\\S+)")
                    .matcher(text);
            while (m.find()) {
                credentials.put(m.group(1), m.group(2));
            }
        }
        assertEquals(3, credentials.size(), credentials::toString);
        for (Map.Entry<String, String> account : credentials.entrySet()) {
            // The code of the sheet only lets its owner choose a password, once.
            CartableServer.Response codeOnly = server.post(null, "/api/session",
                    Map.of("login", account.getKey(), "password", account.getValue()));
            assertEquals(403, codeOnly.status(), codeOnly::toString);
            assertEquals("password_change_required", codeOnly.json().path("error").asText(), codeOnly::toString);
            CartableServer.Response signIn = server.post(null, "/api/session", Map.of("login", account.getKey(),
                    "password", account.getValue(), "newPassword", account.getValue() + "-mine"));
            assertEquals(200, signIn.status(), signIn::toString);
        }
        JsonNode irene = server.post(null, "/api/session", Map.of("login", "irene.importee",
                "password", credentials.get("irene.importee") + "-mine")).json().path("user");
        assertEquals(2, irene.path("children").size(), "one account for the mother of both: " + irene);
        assertEquals("Irène Importée", irene.path("displayName").asText());
    }

    @Test
    @Order(3)
    void reimportingTheSameFilesChangesNothing(CartableServer server) {
        String operator = server.token("operator");
        String job = newJob(server, operator);
        JsonNode summary = start(server, operator, job, "run").path("summary");
        for (String count : new String[] {"schoolsCreated", "classesCreated", "pupilsCreated", "pupilsMoved",
                "pupilsEnrolled", "guardiansCreated", "linksCreated", "linksRemoved", "preDeleted"}) {
            assertEquals(0, summary.path(count).asInt(), () -> count + " in " + summary);
        }
        assertEquals(3, summary.path("unchanged").asInt(), "two pupils and their mother: " + summary);
        assertEquals(204, server.delete(operator, TOOL + "/jobs/" + job).status());
        assertEquals(404, server.get(operator, TOOL + "/jobs/" + job).status());
    }

    @Test
    @Order(4)
    void badInputGetsClearRefusals(CartableServer server) {
        String operator = server.token("operator");
        CartableServer.Response unknown = server.post(operator, TOOL + "/jobs", Map.of("format", "xml"));
        assertEquals(400, unknown.status(), unknown::toString);
        String job = server.post(operator, TOOL + "/jobs", Map.of("format", "onde")).json().path("id").asText();
        CartableServer.Response noFile = server.post(operator, TOOL + "/jobs/" + job + "/run", null);
        assertEquals(400, noFile.status(), noFile::toString);
        assertFalse(noFile.body().contains("Exception"), noFile::toString);
        assertEquals(204, server.delete(operator, TOOL + "/jobs/" + job).status());
    }

    static final String TEACHERS = "UAI école;Classe;Nom;Prénom;Courriel;Direction\n"
            + UAI + ";CP Import;ENSEIGNANTE;Théa;thea.enseignante@ac-test.fr;Oui\n"
            + UAI + ";CM1 Import;ENSEIGNANTE;Théa;thea.enseignante@ac-test.fr;Oui\n"
            + "0451234A;CM9 Z;INCONNU;Igor;;\n";

    /**
     * The staff file (Windows-1252) into the school the pupils' import created: the teacher signs in with the code of
     * her sheet, must choose a password, then sees her classes and posts in the class blog. A line naming a class the
     * demo school does not have is rejected with its reason; importing the file again changes nothing.
     */
    @Test
    @Order(5)
    void aTeacherImportedFromTheStaffFileSignsInWithHerCodeAndPostsInHerClassBlog(CartableServer server)
            throws IOException {
        String operator = server.token("operator");
        String job = staffJob(server, operator);
        JsonNode dry = start(server, operator, job, "dry-run");
        assertEquals(1, dry.path("summary").path("staff").path("teachersCreated").asInt(), dry::toString);
        assertEquals(0, dry.path("credentials").asInt(), dry::toString);

        JsonNode run = start(server, operator, job, "run");
        JsonNode summary = run.path("summary");
        assertEquals(1, summary.path("staff").path("teachersCreated").asInt(), run::toString);
        assertEquals(2, summary.path("staff").path("assignmentsCreated").asInt(), run::toString);
        assertEquals(1, summary.path("schoolsFailed").asInt(), "the demo school has no CM9 Z: " + run);
        assertEquals(1, run.path("credentials").asInt(), run::toString);
        String report = new String(raw(server, operator, "GET", TOOL + "/jobs/" + job + "/rejected.csv", null, null)
                .body(), StandardCharsets.UTF_8);
        assertTrue(report.contains("teachers;4;unknown class 'CM9 Z' in school 0451234A"), report);

        HttpResponse<byte[]> pdf = raw(server, operator, "GET", TOOL + "/jobs/" + job + "/sheets.pdf", null, null);
        assertEquals(200, pdf.statusCode());
        String login;
        String code;
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("Enseignant(e) : Théa Enseignante"), text);
            Matcher m = Pattern.compile("Identifiant : (\\S+)\\s+Code de première connexion : (\\S+)").matcher(text);
            assertTrue(m.find(), text);
            login = m.group(1);
            code = m.group(2);
        }
        assertEquals("thea.enseignante", login);
        CartableServer.Response codeOnly = server.post(null, "/api/session", Map.of("login", login, "password", code));
        assertEquals(403, codeOnly.status(), codeOnly::toString);
        assertEquals("password_change_required", codeOnly.json().path("error").asText(), codeOnly::toString);
        CartableServer.Response signIn = server.post(null, "/api/session", Map.of("login", login, "password", code,
                "newPassword", code + "-mine"));
        assertEquals(200, signIn.status(), signIn::toString);
        String token = signIn.json().path("token").asText();

        JsonNode classes = server.get(token, "/api/me").json().path("classes");
        String classId = null;
        for (JsonNode c : classes) {
            if (c.path("name").asText().equals("CP Import")) {
                classId = c.path("id").asText();
            }
        }
        assertEquals(2, classes.size(), classes::toString);
        assertTrue(classId != null, classes::toString);
        // The teacher of the class decides which apps it uses (the default set may leave the blog off).
        CartableServer.Response enable = server.put(token, "/api/classes/" + classId + "/apps/blog", null);
        assertEquals(2, enable.status() / 100, enable::toString);
        String blog = "/api/classes/" + classId + "/blog";
        CartableServer.Response post = server.post(token, blog + "/posts", Map.of("title", "Bienvenue",
                "body", "<p>Premier article de la classe.</p>", "publish", true));
        assertEquals(201, post.status(), post::toString);
        CartableServer.Response overview = server.get(token, blog);
        assertTrue(overview.body().contains(post.json().path("id").asText()), overview::toString);

        String again = staffJob(server, operator);
        JsonNode rerun = start(server, operator, again, "run");
        assertEquals(0, rerun.path("summary").path("staff").path("teachersCreated").asInt(), rerun::toString);
        assertEquals(0, rerun.path("summary").path("staff").path("assignmentsCreated").asInt(), rerun::toString);
        assertEquals(1, rerun.path("summary").path("unchanged").asInt(), rerun::toString);
        assertEquals(0, rerun.path("credentials").asInt(), rerun::toString);
        assertEquals(204, server.delete(operator, TOOL + "/jobs/" + again).status());
        assertEquals(204, server.delete(operator, TOOL + "/jobs/" + job).status());
    }

    static String staffJob(CartableServer server, String token) {
        CartableServer.Response created = server.post(token, TOOL + "/jobs", Map.of("format", "staff"));
        assertEquals(201, created.status(), created::toString);
        String job = created.json().path("id").asText();
        HttpResponse<byte[]> r = raw(server, token, "PUT", TOOL + "/jobs/" + job + "/files/teachers", "text/csv",
                TEACHERS.getBytes(java.nio.charset.Charset.forName("windows-1252")));
        assertEquals(200, r.statusCode(), () -> new String(r.body(), StandardCharsets.UTF_8));
        return job;
    }

    static String newJob(CartableServer server, String token) {
        JsonNode collectivities = server.get(token, TOOL + "/collectivities").json();
        assertTrue(collectivities.size() > 0, collectivities::toString);
        CartableServer.Response created = server.post(token, TOOL + "/jobs",
                Map.of("format", "onde", "collectivityId", collectivities.get(0).path("id").asText()));
        assertEquals(201, created.status(), created::toString);
        String job = created.json().path("id").asText();
        upload(server, token, job, "pupils", PUPILS);
        upload(server, token, job, "guardians", GUARDIANS);
        return job;
    }

    static void upload(CartableServer server, String token, String job, String name, String csv) {
        HttpResponse<byte[]> r = raw(server, token, "PUT", TOOL + "/jobs/" + job + "/files/" + name, "text/csv",
                csv.getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(200, r.statusCode(), () -> new String(r.body(), StandardCharsets.UTF_8));
    }

    static JsonNode start(CartableServer server, String token, String job, String action) {
        CartableServer.Response started = server.post(token, TOOL + "/jobs/" + job + "/" + action, null);
        assertEquals(202, started.status(), started::toString);
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
            last[0] = server.get(token, TOOL + "/jobs/" + job).json();
            String state = last[0].path("state").asText();
            return state.equals("DONE") || state.equals("FAILED");
        });
        assertEquals("DONE", last[0].path("state").asText(), last[0]::toString);
        assertEquals(100, last[0].path("percent").asInt(), last[0]::toString);
        return last[0];
    }

    static HttpResponse<byte[]> raw(CartableServer server, String token, String method, String path,
                                    String contentType, byte[] body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body));
        try {
            return server.httpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
