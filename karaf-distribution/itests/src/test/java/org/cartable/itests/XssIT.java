package org.cartable.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.UnhandledAlertException;
import org.openqa.selenium.WebDriver;

/**
 * Stored XSS: a corpus of payloads (script tags, event handlers, {@code javascript:} URLs, SVG, CSS, broken markup,
 * entity-encoded variants, iframe/srcdoc, meta refresh, form action...) is written through the REST API into every
 * user text field that pages show (blog post and comment, homework entry, liaison word and parent's reply, wiki page,
 * comment and diff, notebook title, text box and embed), then each page that shows them is opened in headless
 * Chromium as the people who read them. Every payload that ran would call {@code alert}, set {@code window.__xss}
 * or change {@code document.title}; none may.
 * <p>
 * It works in teacher3's class (CE2-CM1) with the family of a2.pupil1, enables the apps that class lacks for the run,
 * and deletes what it wrote at the end.
 */
@ExtendWith(CartableExtension.class)
@Order(5) // class order: see junit-platform.properties
class XssIT {

    static final String TEACHER = "teacher3";
    static final String PARENT = "a2.parent1";
    static final String MARK = "window.__xss=1;document.title='XSS';alert(1)";

    /** One payload per line of attack; each would run {@link #MARK} if it got through. */
    static final List<String> PAYLOADS = List.of(
            "<script>" + MARK + "</script>",
            "<SCRIPT SRC=data:text/javascript," + MARK + "></SCRIPT>",
            "<img src=x onerror=\"" + MARK + "\">",
            "<img src=\"data:image/png;base64,iVBORw0KGgo=\" onload=\"" + MARK + "\">",
            "<body onload=\"" + MARK + "\">",
            "<div onmouseover=\"" + MARK + "\" style=\"position:fixed;inset:0\">hover</div>",
            "<a href=\"javascript:" + MARK + "\" id=\"xss-link\">link</a>",
            "<a href=\"JaVaScRiPt&colon;" + MARK + "\">link2</a>",
            "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;" + MARK + "\">link3</a>",
            "<a href=\"data:text/html,<script>" + MARK + "</script>\">link4</a>",
            "<svg onload=\"" + MARK + "\"><circle r=\"5\"/></svg>",
            "<svg><script>" + MARK + "</script></svg>",
            "<svg><animate onbegin=\"" + MARK + "\" attributeName=\"x\" dur=\"1s\"/></svg>",
            "<math><mtext><table><mglyph><style><img src=x onerror=\"" + MARK + "\">",
            "<div style=\"width:expression(" + MARK + ")\">css</div>",
            "<div style=\"background:url(javascript:" + MARK + ")\">css2</div>",
            "<style>@import 'javascript:" + MARK + "';</style>",
            "<iframe src=\"javascript:" + MARK + "\"></iframe>",
            "<iframe srcdoc=\"<script>parent." + MARK + "</script>\"></iframe>",
            "<object data=\"data:text/html,<script>" + MARK + "</script>\"></object>",
            "<embed src=\"javascript:" + MARK + "\">",
            "<meta http-equiv=\"refresh\" content=\"0;url=javascript:" + MARK + "\">",
            "<form action=\"javascript:" + MARK + "\"><button id=\"xss-submit\">go</button></form>",
            "<input autofocus onfocus=\"" + MARK + "\">",
            "<details open ontoggle=\"" + MARK + "\">d</details>",
            "<video><source onerror=\"" + MARK + "\"></video>",
            "<img src=x onerror=" + MARK.replace("'", "&#39;") + ">",
            "&lt;script&gt;" + MARK + "&lt;/script&gt;",
            "<<script>script>" + MARK + "<</script>/script>",
            "<img \"\"\"><script>" + MARK + "</script>\">",
            "<scr<script>ipt>" + MARK + "</scr</script>ipt>",
            "<p title=\"</p><script>" + MARK + "</script>\">attr</p>",
            "<noscript><p title=\"</noscript><img src=x onerror=" + MARK + ">\"></noscript>",
            "<textarea><img src=x onerror=\"" + MARK + "\"></textarea>",
            "<base href=\"javascript:" + MARK + "//\">",
            "<link rel=\"stylesheet\" href=\"javascript:" + MARK + "\">",
            "[[x\" onmouseover=\"" + MARK + "]]",
            "\"><img src=x onerror=\"" + MARK + "\">",
            "'-alert(1)-'",
            "javascript:" + MARK);

    /** Plain text at the start of each corpus: proves that a page shows the field at all. */
    static final String CANARY = "xss-canary";

    /** A title-sized payload (titles are plain text: escaped, never HTML). */
    static final String TITLE = "\"><img src=x onerror=\"" + MARK + "\"><script>" + MARK + "</script>";

    private static String classId;
    private static String childId;
    private static final List<String> enabledForTheRun = new ArrayList<>();
    /** What was written, to delete it at the end: REST path of each object. */
    private static final List<String> written = new ArrayList<>();
    /** Pages to open: reader login → paths. */
    private static final Map<String, List<String>> pages = new LinkedHashMap<>();
    private static int fields;

    static String corpus() {
        StringBuilder html = new StringBuilder("<p>" + CANARY + "</p>\n");
        for (String payload : PAYLOADS) {
            html.append("<div>").append(payload).append("</div>\n");
        }
        return html.toString();
    }

    @BeforeAll
    static void writeThePayloads(CartableServer server) {
        classId = Demo.me(server, TEACHER).path("classes").get(0).path("id").asText();
        childId = Demo.me(server, PARENT).path("children").get(0).path("id").asText();
        String teacher = server.token(TEACHER);
        String parent = server.token(PARENT);
        List<String> enabled = Demo.ids(server.get(teacher, "/api/classes/" + classId + "/apps").json());
        for (String app : FuzzIT.CLASS_APPS) {
            if (!enabled.contains(app)) {
                ok(server.put(teacher, "/api/classes/" + classId + "/apps/" + app, null));
                enabledForTheRun.add(app);
            }
        }
        String base = "/api/classes/" + classId;
        String web = "/app/";

        // Blog: post (title, body) and a parent's comment, approved.
        JsonNode post = created(server.post(teacher, base + "/blog/posts",
                Map.of("title", TITLE, "body", corpus(), "publish", true)));
        written.add(base + "/blog/posts/" + post.path("id").asText());
        JsonNode comment = created(server.post(parent, base + "/blog/posts/" + post.path("id").asText() + "/comments",
                Map.of("body", corpus())));
        if (!"APPROVED".equals(comment.path("status").asText())) {
            ok(server.post(teacher, base + "/blog/posts/" + post.path("id").asText() + "/comments/"
                    + comment.path("id").asText() + "/approve", null));
        }
        fields += 3;
        page(TEACHER, web + "blog/" + classId);
        page(PARENT, web + "blog/" + classId + "/post/" + post.path("id").asText());
        page(TEACHER, web + "blog/" + classId + "/post/" + post.path("id").asText());

        // Homework: title and content.
        LocalDate day = LocalDate.now().plusDays(1);
        JsonNode entry = created(server.post(teacher, base + "/homework/entries", Map.of("date", day.toString(),
                "subject", "FRENCH", "title", TITLE, "content", corpus())));
        written.add(base + "/homework/entries/" + entry.path("id").asText());
        fields += 2;
        page(TEACHER, web + "homework/" + classId + "/entry/" + entry.path("id").asText());
        page(PARENT, web + "homework/" + classId + "?date=" + day);

        // Liaison: a word (title, body) the parent answers (plain text, at most 2 000 characters).
        JsonNode word = created(server.post(teacher, base + "/liaison/words", Map.of("title", TITLE,
                "body", corpus(), "category", "INFO", "repliesAllowed", true)));
        String wordPath = base + "/liaison/words/" + word.path("id").asText();
        written.add(wordPath);
        ok(server.put(parent, wordPath + "/reply?child=" + childId, Map.of("body", shortCorpus(2000))));
        fields += 3;
        page(PARENT, web + "liaison/" + classId);
        page(PARENT, web + "liaison/" + classId + "/word/" + word.path("id").asText());
        page(TEACHER, web + "liaison/" + classId + "/word/" + word.path("id").asText());
        page(PARENT, web); // the dashboard shows the feed ("Quoi de neuf ?")
        page(TEACHER, web);

        // Wiki: a page (title, content), changed once for the diff, and a comment.
        JsonNode wiki = created(server.post(teacher, base + "/wiki/pages", Map.of("title", TITLE + " wiki",
                "content", corpus())));
        String wikiPath = base + "/wiki/pages/" + wiki.path("id").asText();
        written.add(wikiPath);
        ok(server.put(teacher, wikiPath, Map.of("title", TITLE + " wiki", "content",
                "<p>changed</p>" + reversedCorpus(), "baseVersion", wiki.path("version").asInt(1))));
        created(server.post(teacher, wikiPath + "/comments", Map.of("body", corpus())));
        fields += 3;
        page(TEACHER, web + "wiki/" + classId + "/page/" + wiki.path("id").asText());
        page(TEACHER, web + "wiki/" + classId + "/diff/" + wiki.path("id").asText() + "?from=1&to=2");
        page(TEACHER, web + "wiki/" + classId + "/history/" + wiki.path("id").asText());
        page(TEACHER, web + "wiki/" + classId);

        // Notebook: title, a text box and an embed whose address is hostile.
        JsonNode notebook = created(server.post(teacher, base + "/notebook/notebooks", Map.of("title", TITLE)));
        String notebookPath = base + "/notebook/notebooks/" + notebook.path("id").asText();
        written.add(notebookPath);
        JsonNode full = server.get(teacher, notebookPath).json();
        String pageId = full.path("pages").get(0).path("id").asText();
        created(server.post(teacher, notebookPath + "/pages/" + pageId + "/boxes", Map.of("kind", "TEXT",
                "x", 5, "y", 5, "width", 60, "height", 60, "content", corpus())));
        for (String url : List.of("javascript:" + MARK, "data:text/html,<script>" + MARK + "</script>")) {
            // Refused (400) or stored harmless: both fine, as long as nothing runs where it is shown.
            server.post(teacher, notebookPath + "/pages/" + pageId + "/boxes", Map.of("kind", "EMBED",
                    "x", 5, "y", 70, "width", 30, "height", 20, "embedUrl", url));
        }
        server.delete(teacher, notebookPath + "/pages/" + pageId + "/lock");
        fields += 3;
        page(TEACHER, web + "notebook/" + classId);
        page(TEACHER, web + "notebook/" + classId + "/view/" + notebook.path("id").asText());
        page(TEACHER, web + "notebook/" + classId + "/edit/" + notebook.path("id").asText() + "/" + pageId);
    }

    @AfterAll
    static void deleteWhatWasWritten(CartableServer server) {
        String teacher = server.token(TEACHER);
        for (String path : written) {
            server.delete(teacher, path);
        }
        for (String app : enabledForTheRun) {
            server.delete(teacher, "/api/classes/" + classId + "/apps/" + app);
        }
    }

    @Test
    void noPayloadRunsInAnyPageThatShowsIt(CartableServer server) throws Exception {
        List<String> executed = new ArrayList<>();
        List<String> notShown = new ArrayList<>();
        int opened = 0;
        for (String reader : List.of(TEACHER, PARENT)) {
            try (Browser browser = Browser.open(server, "XssIT-" + reader)) {
                // The detector itself: a page that does run the mark is caught.
                browser.driver().get("data:text/html,<title>t</title><script>window.__xss=1</script>");
                assertEquals("window.__xss set", ranScript(browser.driver()), "the detector sees a script that ran");
                browser.signIn(reader);
                for (String path : pages.getOrDefault(reader, List.of())) {
                    opened++;
                    String ran;
                    try {
                        browser.go(path);
                        ran = ranScript(browser.driver());
                        String text = ran != null ? "" : browser.driver().findElement(By.tagName("body")).getText();
                        if (ran == null && !text.contains(CANARY) && !text.contains("onerror=")) {
                            notShown.add(reader + " " + path);
                            browser.screenshot("not-shown-" + opened);
                        }
                    } catch (UnhandledAlertException alert) {
                        ran = "alert(" + alert.getAlertText() + ") while loading";
                    }
                    if (ran != null) {
                        executed.add(reader + " " + path + ": " + ran);
                        browser.screenshot("executed-" + opened);
                    }
                }
            }
        }
        System.out.println("[XssIT] payloads=" + PAYLOADS.size() + " fields=" + fields + " pages=" + opened
                + " executed=" + executed.size());
        assertTrue(executed.isEmpty(), () -> "scripts ran:\n" + String.join("\n", executed));
        assertTrue(notShown.isEmpty(), () -> "pages that do not show the payloads (so prove nothing):\n"
                + String.join("\n", notShown));
    }

    /**
     * Uploads (notebook media, the platform's only free-form file upload over REST; fleet photos are checked by
     * FleetResourceTest): the type comes from the content, not the name or the declared type; the name never
     * becomes a path; the file is served as an attachment-safe picture that cannot run script; oversize is 413.
     */
    @Test
    void uploadsAreCheckedByContentAndNeverServedAsActiveContent(CartableServer server) throws Exception {
        String teacher = server.token(TEACHER);
        String notebookPath = "/api/classes/" + classId + "/notebook/notebooks/"
                + created(server.post(teacher, "/api/classes/" + classId + "/notebook/notebooks",
                Map.of("title", "uploads"))).path("id").asText();
        written.add(notebookPath);
        String media = notebookPath + "/media?name=";
        byte[] html = "<html><body><script>alert(1)</script></body></html>".getBytes(StandardCharsets.UTF_8);
        byte[] svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>".getBytes(StandardCharsets.UTF_8);
        assertEquals(415, upload(server, teacher, media + "photo.png", "image/png", html).status(), "HTML named .png");
        assertEquals(415, upload(server, teacher, media + "logo.svg", "image/svg+xml", svg).status(), "SVG");
        assertEquals(415, upload(server, teacher, media + "page.html", "text/html", html).status(), "HTML");

        byte[] png = Base64.getDecoder().decode(PNG);
        CartableServer.Response stored = upload(server, teacher, media
                + URLEncoder.encode("../../../etc/x\".html", StandardCharsets.UTF_8), "text/html", png);
        assertEquals(201, stored.status(), stored::toString);
        HttpResponse<byte[]> served = server.httpClient().send(HttpRequest.newBuilder(URI.create(server.baseUrl()
                        + notebookPath + "/media/" + stored.json().path("id").asText()))
                .header("Authorization", "Bearer " + teacher).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, served.statusCode());
        assertEquals("image/png", served.headers().firstValue("Content-Type").orElse(""), "type from the content");
        assertEquals("nosniff", served.headers().firstValue("X-Content-Type-Options").orElse(""));
        assertTrue(served.headers().firstValue("Content-Security-Policy").orElse("").contains("sandbox"),
                served.headers().toString());
        String disposition = served.headers().firstValue("Content-Disposition").orElse("");
        assertTrue(disposition.startsWith("inline") && !disposition.contains("/") && !disposition.contains("\"\"")
                && !disposition.contains("\\"), disposition);
        assertEquals(png.length, served.body().length);

        byte[] huge = new byte[5 * 1024 * 1024 + 1];
        System.arraycopy(png, 0, huge, 0, png.length);
        assertEquals(413, upload(server, teacher, media + "huge.png", "image/png", huge).status(), "over 5 MiB");
        System.out.println("[XssIT] uploads: refused by content=3 traversal-name stored safely=1 oversize=413");
    }

    static final String PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

    private static CartableServer.Response upload(CartableServer server, String token, String path, String type,
                                                  byte[] body) {
        return server.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build());
    }

    /** @return what shows that a payload ran on the loaded page, or null */
    private static String ranScript(WebDriver driver) {
        try {
            driver.switchTo().alert();
            String text = driver.switchTo().alert().getText();
            driver.switchTo().alert().dismiss();
            return "alert(" + text + ")";
        } catch (NoAlertPresentException none) {
            // fine
        }
        try {
            Object state = ((JavascriptExecutor) driver).executeScript(
                    "return document.readyState === 'complete' ? [String(window.__xss), document.title] : null");
            for (int i = 0; state == null && i < 50; i++) {
                state = ((JavascriptExecutor) driver).executeScript(
                        "return document.readyState === 'complete' ? [String(window.__xss), document.title] : null");
            }
            if (state instanceof List<?> values) {
                if ("1".equals(values.get(0))) {
                    return "window.__xss set";
                }
                if ("XSS".equals(values.get(1))) {
                    return "document.title changed";
                }
            }
            return null;
        } catch (UnhandledAlertException alert) {
            return "alert(" + alert.getAlertText() + ")";
        }
    }

    private static String reversedCorpus() {
        List<String> reversed = new ArrayList<>(PAYLOADS);
        java.util.Collections.reverse(reversed);
        return String.join("\n", reversed);
    }

    private static String shortCorpus(int max) {
        StringBuilder text = new StringBuilder(CANARY + "\n");
        for (String payload : PAYLOADS) {
            if (text.length() + payload.length() + 1 > max) {
                break;
            }
            text.append(payload).append('\n');
        }
        return text.toString();
    }

    private static void page(String reader, String path) {
        pages.computeIfAbsent(reader, r -> new ArrayList<>()).add(path);
    }

    private static JsonNode created(CartableServer.Response r) {
        assertTrue(r.status() == 201 || r.status() == 200, r::toString);
        return r.json();
    }

    private static void ok(CartableServer.Response r) {
        assertTrue(r.status() >= 200 && r.status() < 300, r::toString);
    }
}
