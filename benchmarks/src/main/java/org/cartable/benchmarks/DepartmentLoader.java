package org.cartable.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.cartable.testing.department.DepartmentGenerator;
import org.cartable.testing.department.DepartmentGenerator.ClassSpec;

/**
 * Loads a generated department into a running Cartable through the product only: the directory import's REST API
 * (ONDE files, uploaded in 1 MiB parts, then run), the connection sheets (the only place first-login passwords are
 * given), and the apps' REST APIs for a school year of content written by the teachers of the demo classes (the
 * product has no way to create teacher accounts: see docs/PERFORMANCE.md).
 * <p>
 * {@code Loader BASE_URL OUT_DIR SCALE [CONTENT_SCALE]} writes {@code OUT_DIR/eleves.csv}, {@code responsables.csv},
 * {@code parents.tsv} (login, password, token, classId, childId, web session id), {@code teachers.tsv} (token,
 * classId) and prints one {@code [Loader]} line per step.
 */
public final class DepartmentLoader {

    static final String PASSWORD = "demo";
    /** The demo classes with a teacher: generated families join them (same UAI and class name). */
    static final String UAI_A = "0451234A";
    static final String UAI_B = "0455678B";
    static final Map<String, String> TEACHERS = new LinkedHashMap<>(Map.of(
            "teacher", UAI_A + " / CM1 A", "teacher2", UAI_B + " / CP B", "teacher3", UAI_A + " / CE2-CM1"));
    static final List<String> CLASS_APPS = List.of("blog", "homework", "liaison", "wiki");

    private final Api api;
    private final Path out;

    private DepartmentLoader(Api api, Path out) {
        this.api = api;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        Path out = Path.of(args[1]);
        double scale = Double.parseDouble(args[2]);
        double content = args.length > 3 ? Double.parseDouble(args[3]) : Math.max(0.25, Math.min(1, scale));
        Files.createDirectories(out);
        DepartmentLoader loader = new DepartmentLoader(new Api(base), out);
        Map<String, List<String[]>> credentials = loader.importDirectory(scale);
        List<Parent> parents = loader.parents(credentials);
        loader.content(parents, content);
        System.exit(0);
    }

    // ---------------------------------------------------------------------------------------------- directory

    private Map<String, List<String[]>> importDirectory(double scale) throws Exception {
        Path saved = out.resolve("credentials.tsv");
        if (Files.exists(saved)) {
            // Already imported into this server (a re-import creates no account, hence gives no password).
            Map<String, List<String[]>> credentials = new LinkedHashMap<>();
            for (String line : Files.readAllLines(saved)) {
                String[] f = line.split("\t");
                credentials.computeIfAbsent(f[0], k -> new ArrayList<>()).add(new String[] {f[1], f[2]});
            }
            System.out.printf("[Loader] reusing %s (no import)%n", saved);
            return credentials;
        }
        Path pupils = out.resolve("eleves.csv");
        Path guardians = out.resolve("responsables.csv");
        DepartmentGenerator.Stats stats = DepartmentGenerator.scale(scale)
                .anchor(UAI_A, "École Jules Ferry", new ClassSpec("CM1 A", List.of("CM1")),
                        new ClassSpec("CE2-CM1", List.of("CE2", "CM1")))
                .anchor(UAI_B, "École Marie Curie", new ClassSpec("CP B", List.of("CP")))
                .write(pupils, guardians);
        System.out.printf("[Loader] generated scale %s: %s (%d KB)%n", scale, stats,
                (Files.size(pupils) + Files.size(guardians)) / 1024);

        String operator = api.signIn("operator", PASSWORD);
        JsonNode collectivities = api.get(operator, "/api/tools/import/collectivities").ok("collectivities").json();
        String collectivity = collectivities.get(0).path("id").asText();
        long start = System.nanoTime();
        JsonNode job = api.post(operator, "/api/tools/import/jobs", Map.of("format", "onde",
                "collectivityId", collectivity)).ok("create job").json();
        String jobPath = "/api/tools/import/jobs/" + job.path("id").asText();
        String reuse = System.getenv("BENCH_REUSE_JOB");
        if (reuse != null && !reuse.isBlank()) {
            jobPath = "/api/tools/import/jobs/" + reuse;
        } else {
        upload(operator, jobPath + "/files/pupils", pupils);
        upload(operator, jobPath + "/files/guardians", guardians);
        api.post(operator, jobPath + "/run", null).ok("run import");
        }
        JsonNode state;
        long lastPrint = 0;
        while (true) {
            state = api.get(operator, jobPath).ok("poll job").json();
            String s = state.path("state").asText();
            if (s.equals("DONE") || s.equals("FAILED")) {
                break;
            }
            if (System.nanoTime() - lastPrint > 30e9) {
                System.out.printf("[Loader] import %s %s%%%n", s, state.path("percent").asText());
                lastPrint = System.nanoTime();
            }
            Thread.sleep(1000);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("[Loader] import %s: %d lines in %.1f s = %.0f lines/s; summary %s%n",
                state.path("state").asText(), stats.lines(), seconds, stats.lines() / seconds, state.path("summary"));
        Files.writeString(out.resolve("import.txt"), String.format("lines=%d%nseconds=%.1f%nstate=%s%nsummary=%s%n"
                + "schools=%d%nclasses=%d%npupils=%d%nguardians=%d%n", stats.lines(), seconds,
                state.path("state").asText(), state.path("summary"), stats.schools(), stats.classes(), stats.pupils(),
                stats.guardians()));

        // First-login passwords of the demo classes' new families, from the connection sheets.
        Map<String, List<String[]>> credentials = new LinkedHashMap<>();
        for (String key : TEACHERS.values()) {
            Api.Response pdf = api.getBytes(operator, jobPath + "/sheets.pdf?class="
                    + URLEncoder.encode(key, StandardCharsets.UTF_8), "en");
            credentials.put(key, pdf.status() == 200 ? chooseOwnPasswords(guardianCredentials(pdf.bytes()))
                    : List.of());
            System.out.printf("[Loader] sheets of %s: HTTP %d, %d guardian accounts%n", key, pdf.status(),
                    credentials.get(key).size());
        }
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(saved))) {
            credentials.forEach((key, list) -> list.forEach(c -> w.println(key + "\t" + c[0] + "\t" + c[1])));
        }
        return credentials;
    }

    private void upload(String token, String path, Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        int part = 1_000_000;
        for (int offset = 0; offset < all.length; offset += part) {
            byte[] chunk = java.util.Arrays.copyOfRange(all, offset, Math.min(all.length, offset + part));
            api.sendBytes(offset == 0 ? "PUT" : "POST", token, path, chunk, "text/csv").ok("upload " + path);
        }
    }

    /** Login and password of every guardian slip ("Guardian: ..." then "Login: x" then "Password: y"). */
    /**
     * A first-login code only lets its owner choose a password, as a parent does at their first visit: do it, and
     * keep the chosen password (code + "-bench") for the scenarios.
     */
    private List<String[]> chooseOwnPasswords(List<String[]> codes) {
        List<String[]> chosen = new ArrayList<>();
        for (String[] code : codes) {
            String password = code[1] + "-bench";
            api.post(null, "/api/session", Map.of("login", code[0], "password", code[1], "newPassword", password))
                    .ok("first sign-in of " + code[0]);
            chosen.add(new String[] {code[0], password});
        }
        return chosen;
    }

    private static final String FIRST_LOGIN_CODE = "First-login code:";

    static List<String[]> guardianCredentials(byte[] pdf) throws IOException {
        List<String[]> found = new ArrayList<>();
        try (PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            boolean guardian = false;
            String login = null;
            for (String line : text.split("\\R")) {
                line = line.strip();
                if (line.startsWith("Guardian:")) {
                    guardian = true;
                } else if (line.startsWith("Pupil:")) {
                    guardian = false;
                } else if (line.startsWith("Login:")) {
                    login = line.substring("Login:".length()).strip();
                } else if (line.startsWith(FIRST_LOGIN_CODE) && login != null) {
                    if (guardian) {
                        found.add(new String[] {login, line.substring(FIRST_LOGIN_CODE.length()).strip()});
                    }
                    login = null;
                }
            }
        }
        return found;
    }

    // ---------------------------------------------------------------------------------------------- accounts

    record Parent(String login, String password, String token, String classId, String childId, String session) {
    }

    private List<Parent> parents(Map<String, List<String[]>> credentials) throws Exception {
        long start = System.nanoTime();
        List<Parent> parents = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(4, DepartmentLoader::daemon);
        List<Future<Parent>> futures = new ArrayList<>();
        for (List<String[]> list : credentials.values()) {
            for (String[] c : list) {
                futures.add(pool.submit(() -> parent(c[0], c[1])));
            }
        }
        for (Future<Parent> f : futures) {
            Parent p = f.get();
            if (p != null) {
                parents.add(p);
            }
        }
        pool.shutdown();
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out.resolve("parents.tsv")))) {
            for (Parent p : parents) {
                w.println(String.join("\t", p.login(), p.password(), p.token(), p.classId(), p.childId(),
                        p.session()));
            }
        }
        System.out.printf("[Loader] %d parents signed in (REST token + web session) in %.1f s%n", parents.size(),
                (System.nanoTime() - start) / 1e9);
        return parents;
    }

    private Parent parent(String login, String password) {
        String token = api.signIn(login, password);
        JsonNode me = api.get(token, "/api/me").ok("me").json();
        JsonNode child = me.path("children").path(0);
        String session = WebSession.signIn(api.base(), login, password);
        return new Parent(login, password, token, child.path("class").path("id").asText(), child.path("id").asText(),
                session);
    }

    // ---------------------------------------------------------------------------------------------- content

    /** One school year of each demo teacher's class: homework, blog + comments, liaison words + acks, wiki. */
    private void content(List<Parent> parents, double scale) throws Exception {
        long start = System.nanoTime();
        AtomicInteger requests = new AtomicInteger();
        Map<String, Integer> counts = new LinkedHashMap<>();
        try (PrintWriter teachersFile = new PrintWriter(Files.newBufferedWriter(out.resolve("teachers.tsv")))) {
            for (String login : TEACHERS.keySet()) {
                String token = api.signIn(login, PASSWORD);
                JsonNode me = api.get(token, "/api/me").ok("me").json();
                String classId = null;
                for (JsonNode c : me.path("classes")) {
                    if (TEACHERS.get(login).endsWith(" / " + c.path("name").asText())) {
                        classId = c.path("id").asText();
                    }
                }
                String theClass = classId;
                List<Parent> families = parents.stream().filter(p -> p.classId().equals(theClass)).toList();
                String wordId = classContent(login, token, classId, families, scale, requests, counts);
                teachersFile.println(token + "\t" + classId + "\t" + wordId);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("[Loader] content (scale %s) %s: %d requests in %.1f s = %.0f req/s%n", scale, counts,
                requests.get(), seconds, requests.get() / seconds);
        Files.writeString(out.resolve("content.txt"), String.format("scale=%s%ncounts=%s%nrequests=%d%nseconds=%.1f%n",
                scale, counts, requests.get(), seconds));
    }

    private String classContent(String login, String token, String classId, List<Parent> families, double scale,
                              AtomicInteger requests, Map<String, Integer> counts) throws Exception {
        String base = "/api/classes/" + classId;
        for (String app : CLASS_APPS) {
            api.put(token, base + "/apps/" + app, null).ok("enable " + app);
        }
        api.put(token, base + "/blog/settings", Map.of("comments", "IMMEDIATE", "pupilsPublishDirectly", false))
                .ok("blog settings");
        LocalDate today = LocalDate.now();
        LocalDate first = LocalDate.of(today.getMonthValue() >= 8 ? today.getYear() : today.getYear() - 1, 9, 1);
        LocalDate last = first.plusMonths(10); // end of June
        List<LocalDate> schoolDays = new ArrayList<>();
        for (LocalDate d = first; d.isBefore(last); d = d.plusDays(1)) {
            if (d.getDayOfWeek() != DayOfWeek.WEDNESDAY && d.getDayOfWeek().getValue() <= 5) {
                schoolDays.add(d);
            }
        }
        String[] subjects = {"FRENCH", "MATHS", "SCIENCES", "HISTORY", "GEOGRAPHY", "ENGLISH"};
        ExecutorService pool = Executors.newFixedThreadPool(3, DepartmentLoader::daemon);
        List<Future<?>> work = new ArrayList<>();
        // Homework: two entries a school day (about 288 a year).
        int homework = (int) Math.round(2 * schoolDays.size() * scale);
        for (int i = 0; i < homework; i++) {
            LocalDate day = schoolDays.get((int) ((long) i * schoolDays.size() / Math.max(1, homework)));
            String subject = subjects[i % subjects.length];
            int n = i;
            work.add(pool.submit(() -> {
                api.post(token, base + "/homework/entries", Map.of("date", day.toString(), "subject", subject,
                        "title", "Leçon " + (n + 1), "content", "Relire la leçon et faire les exercices " + n
                                + " et " + (n + 1) + " page " + (10 + n % 90) + ".",
                        "dueDate", day.plusDays(1).toString())).ok("homework");
                requests.incrementAndGet();
            }));
        }
        await(work);
        counts.merge("homework", homework, Integer::sum);
        // Blog: 30 posts a year, two parents' comments each.
        int posts = (int) Math.round(30 * scale);
        for (int i = 0; i < posts; i++) {
            int n = i;
            work.add(pool.submit(() -> {
                String postId = api.post(token, base + "/blog/posts", Map.of("title", "Sortie " + (n + 1),
                        "body", "<p>Aujourd'hui nous avons visité le musée. Les élèves ont dessiné les tableaux.</p>",
                        "publish", true)).ok("blog post").json().path("id").asText();
                requests.incrementAndGet();
                for (int c = 0; c < 2 && !families.isEmpty(); c++) {
                    Parent p = families.get((n * 2 + c) % families.size());
                    api.post(p.token(), base + "/blog/posts/" + postId + "/comments",
                            Map.of("body", "Merci pour ces photos !")).ok("comment");
                    requests.incrementAndGet();
                }
            }));
        }
        await(work);
        counts.merge("blogPosts", posts, Integer::sum);
        counts.merge("blogComments", families.isEmpty() ? 0 : posts * 2, Integer::sum);
        // Liaison: one word a week, 80 % of the families acknowledge it.
        int words = (int) Math.max(1, Math.round(36 * scale));
        AtomicInteger acks = new AtomicInteger();
        java.util.concurrent.atomic.AtomicReference<String> lastWord = new java.util.concurrent.atomic.AtomicReference<>();
        for (int i = 0; i < words; i++) {
            int n = i;
            work.add(pool.submit(() -> {
                String wordId = api.post(token, base + "/liaison/words", Map.of("title", "Information " + (n + 1),
                        "body", "La sortie à la piscine aura lieu jeudi. Merci de prévoir un maillot.",
                        "category", "INFO", "ackRequired", true)).ok("word").json().path("id").asText();
                lastWord.set(wordId);
                requests.incrementAndGet();
                for (Parent p : families) {
                    if (random(n, p) < 8) {
                        api.post(p.token(), base + "/liaison/words/" + wordId + "/confirmations?child=" + p.childId(),
                                null).ok("ack");
                        requests.incrementAndGet();
                        acks.incrementAndGet();
                    }
                }
            }));
        }
        await(work);
        counts.merge("liaisonWords", words, Integer::sum);
        counts.merge("acks", acks.get(), Integer::sum);
        // Wiki: a dozen pages a year.
        int pages = (int) Math.max(1, Math.round(12 * scale));
        for (int i = 0; i < pages; i++) {
            api.post(token, base + "/wiki/pages", Map.of("title", "Exposé " + (i + 1) + " " + login,
                    "content", "Les volcans d'Auvergne. Voir aussi [[Accueil]].")).ok("wiki page");
            requests.incrementAndGet();
        }
        counts.merge("wikiPages", pages, Integer::sum);
        pool.shutdown();
        System.out.printf("[Loader] %s: class %s, %d families, content done%n", login, classId, families.size());
        return lastWord.get();
    }

    /** A deterministic digit 0..9 per word and parent (who acknowledges what). */
    private static int random(int n, Parent p) {
        return (int) Math.floorMod((p.login().hashCode() * 31L + n) * 2654435761L, 10L);
    }

    private static Thread daemon(Runnable r) {
        Thread t = new Thread(r);
        t.setDaemon(true);
        return t;
    }

    private static void await(List<Future<?>> work) throws Exception {
        for (Future<?> f : work) {
            f.get();
        }
        work.clear();
    }
}
