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
 * given), the staff import (the generated teachers' file) and the apps' REST APIs for a school year of content in every
 * class that has a teacher, written by its teacher (the demo teachers for the three anchored demo classes).
 * <p>
 * {@code Loader BASE_URL OUT_DIR SCALE [CONTENT_SCALE]} writes {@code OUT_DIR/eleves.csv}, {@code responsables.csv},
 * {@code enseignants.csv}, {@code parents.tsv} (login, password, token, classId, childId, web session
 * id; at most {@code BENCH_PARENTS_PER_CLASS} families per class, default 4, 0 = all), {@code teachers.tsv} (token,
 * classId, wordId; one line per class) and prints one {@code [Loader]} line per step.
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
    /** A few parallel clients: sign-ins, then one class's content per thread. */
    private final ExecutorService pool;
    private final int threads;

    private DepartmentLoader(Api api, Path out, int threads) {
        this.api = api;
        this.out = out;
        this.threads = threads;
        this.pool = Executors.newFixedThreadPool(threads, DepartmentLoader::daemon);
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        Path out = Path.of(args[1]);
        double scale = Double.parseDouble(args[2]);
        double content = args.length > 3 ? Double.parseDouble(args[3]) : Math.max(0.25, Math.min(1, scale));
        int threads = Integer.parseInt(System.getenv().getOrDefault("BENCH_LOADER_THREADS", "4"));
        Files.createDirectories(out);
        DepartmentLoader loader = new DepartmentLoader(new Api(base), out, threads);
        long start = System.nanoTime();
        Credentials credentials = loader.importDirectory(scale);
        List<Parent> parents = loader.parents(credentials.guardians());
        Map<String, String> classTeachers = loader.teachers(credentials.teachers());
        loader.content(parents, classTeachers, content);
        System.out.printf("[Loader] total %.1f s%n", (System.nanoTime() - start) / 1e9);
        System.exit(0);
    }

    // ---------------------------------------------------------------------------------------------- directory

    /** First-login credentials read back from the sheets: families per class key, and the teachers. */
    record Credentials(Map<String, List<String[]>> guardians, List<String[]> teachers) {
    }

    private Credentials importDirectory(double scale) throws Exception {
        Path saved = out.resolve("credentials.tsv");
        Path savedTeachers = out.resolve("teacher-credentials.tsv");
        if (Files.exists(saved)) {
            // Already imported into this server (a re-import creates no account, hence gives no password).
            Map<String, List<String[]>> credentials = new LinkedHashMap<>();
            for (String line : Files.readAllLines(saved)) {
                String[] f = line.split("\t");
                credentials.computeIfAbsent(f[0], k -> new ArrayList<>()).add(new String[] {f[1], f[2]});
            }
            List<String[]> teachers = new ArrayList<>();
            if (Files.exists(savedTeachers)) {
                for (String line : Files.readAllLines(savedTeachers)) {
                    teachers.add(line.split("\t"));
                }
            }
            System.out.printf("[Loader] reusing %s (no import)%n", saved);
            return new Credentials(credentials, teachers);
        }
        Path pupils = out.resolve("eleves.csv");
        Path guardians = out.resolve("responsables.csv");
        Path staff = out.resolve("enseignants.csv");
        DepartmentGenerator generator = DepartmentGenerator.scale(scale)
                .anchor(UAI_A, "École Jules Ferry", new ClassSpec("CM1 A", List.of("CM1")),
                        new ClassSpec("CE2-CM1", List.of("CE2", "CM1")))
                .anchor(UAI_B, "École Marie Curie", new ClassSpec("CP B", List.of("CP")));
        DepartmentGenerator.Stats stats = generator.write(pupils, guardians);
        DepartmentGenerator.TeacherStats teacherStats = generator.writeTeachers(staff);
        System.out.printf("[Loader] generated scale %s: %s; %s (%d KB)%n", scale, stats, teacherStats,
                (Files.size(pupils) + Files.size(guardians) + Files.size(staff)) / 1024);

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
        JsonNode state = await(operator, jobPath, "import");
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("[Loader] import %s: %d lines in %.1f s = %.0f lines/s; summary %s%n",
                state.path("state").asText(), stats.lines(), seconds, stats.lines() / seconds, state.path("summary"));
        Files.writeString(out.resolve("import.txt"), String.format("lines=%d%nseconds=%.1f%nstate=%s%nsummary=%s%n"
                + "schools=%d%nclasses=%d%npupils=%d%nguardians=%d%n", stats.lines(), seconds,
                state.path("state").asText(), state.path("summary"), stats.schools(), stats.classes(), stats.pupils(),
                stats.guardians()));

        // The teachers, through the staff import (the schools and classes exist now).
        long staffStart = System.nanoTime();
        JsonNode staffJob = api.post(operator, "/api/tools/import/jobs", Map.of("format", "staff"))
                .ok("create staff job").json();
        String staffPath = "/api/tools/import/jobs/" + staffJob.path("id").asText();
        upload(operator, staffPath + "/files/teachers", staff);
        api.post(operator, staffPath + "/run", null).ok("run staff import");
        JsonNode staffState = await(operator, staffPath, "staff import");
        System.out.printf("[Loader] staff import %s: %d lines in %.1f s; summary %s%n",
                staffState.path("state").asText(), teacherStats.lines(), (System.nanoTime() - staffStart) / 1e9,
                staffState.path("summary"));

        // First-login codes, from the connection sheets: families class by class (at most BENCH_PARENTS_PER_CLASS
        // of each, in the sheets' order), the teachers all at once.
        long sheetsStart = System.nanoTime();
        int perClass = Integer.parseInt(System.getenv().getOrDefault("BENCH_PARENTS_PER_CLASS", "4"));
        Map<String, List<String[]>> codes = new LinkedHashMap<>();
        for (JsonNode sheet : api.get(operator, jobPath + "/sheets").ok("sheet classes").json()) {
            String key = sheet.path("key").asText();
            Api.Response pdf = api.getBytes(operator, jobPath + "/sheets.pdf?class="
                    + URLEncoder.encode(key, StandardCharsets.UTF_8), "en");
            List<String[]> found = pdf.status() == 200 ? slips(pdf.bytes(), "Guardian:") : List.of();
            codes.put(key, perClass > 0 && found.size() > perClass ? found.subList(0, perClass) : found);
        }
        Api.Response staffPdf = api.getBytes(operator, staffPath + "/sheets.pdf", "en");
        List<String[]> teacherCodes = staffPdf.status() == 200 ? slips(staffPdf.bytes(), "Teacher:") : List.of();
        System.out.printf("[Loader] sheets of %d classes read in %.1f s: %d guardian codes kept, %d teacher codes%n",
                codes.size(), (System.nanoTime() - sheetsStart) / 1e9,
                codes.values().stream().mapToInt(List::size).sum(), teacherCodes.size());

        long firstStart = System.nanoTime();
        Map<String, List<String[]>> credentials = new LinkedHashMap<>();
        for (Map.Entry<String, List<String[]>> e : codes.entrySet()) {
            credentials.put(e.getKey(), chooseOwnPasswords(e.getValue()));
        }
        List<String[]> teachers = chooseOwnPasswords(teacherCodes);
        System.out.printf("[Loader] first sign-ins (password chosen) of %d parents and %d teachers in %.1f s%n",
                credentials.values().stream().mapToInt(List::size).sum(), teachers.size(),
                (System.nanoTime() - firstStart) / 1e9);
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(saved))) {
            credentials.forEach((key, list) -> list.forEach(c -> w.println(key + "\t" + c[0] + "\t" + c[1])));
        }
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(savedTeachers))) {
            teachers.forEach(c -> w.println(c[0] + "\t" + c[1]));
        }
        return new Credentials(credentials, teachers);
    }

    private JsonNode await(String operator, String jobPath, String what) throws InterruptedException {
        JsonNode state;
        long lastPrint = System.nanoTime();
        while (true) {
            state = api.get(operator, jobPath).ok("poll job").json();
            String s = state.path("state").asText();
            if (s.equals("DONE") || s.equals("FAILED")) {
                return state;
            }
            if (System.nanoTime() - lastPrint > 30e9) {
                System.out.printf("[Loader] %s %s %s%%%n", what, s, state.path("percent").asText());
                lastPrint = System.nanoTime();
            }
            Thread.sleep(1000);
        }
    }

    private void upload(String token, String path, Path file) throws IOException {
        byte[] all = Files.readAllBytes(file);
        int part = 1_000_000;
        for (int offset = 0; offset < all.length; offset += part) {
            byte[] chunk = java.util.Arrays.copyOfRange(all, offset, Math.min(all.length, offset + part));
            api.sendBytes(offset == 0 ? "PUT" : "POST", token, path, chunk, "text/csv").ok("upload " + path);
        }
    }

    /**
     * A first-login code only lets its owner choose a password, as a parent or teacher does at their first visit: do
     * it (a few at a time), and keep the chosen password (code + "-bench") for the scenarios.
     */
    private List<String[]> chooseOwnPasswords(List<String[]> codes) throws Exception {
        List<Future<String[]>> futures = new ArrayList<>();
        for (String[] code : codes) {
            futures.add(pool.submit(() -> {
                String password = code[1] + "-bench";
                api.post(null, "/api/session", Map.of("login", code[0], "password", code[1], "newPassword",
                        password)).ok("first sign-in of " + code[0]);
                return new String[] {code[0], password};
            }));
        }
        List<String[]> chosen = new ArrayList<>();
        for (Future<String[]> f : futures) {
            chosen.add(f.get());
        }
        return chosen;
    }

    private static final String FIRST_LOGIN_CODE = "First-login code:";

    /**
     * Login and first-login code of every slip of one kind ({@code "Guardian:"}, {@code "Teacher:"} or
     * {@code "Pupil:"}: the English sheets' line naming the account), in the sheets' order.
     */
    static List<String[]> slips(byte[] pdf, String kind) throws IOException {
        List<String[]> found = new ArrayList<>();
        try (PDDocument document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            boolean wanted = false;
            String login = null;
            for (String line : text.split("\\R")) {
                line = line.strip();
                if (line.startsWith("Guardian:") || line.startsWith("Pupil:") || line.startsWith("Teacher:")) {
                    wanted = line.startsWith(kind);
                } else if (line.startsWith("Login:")) {
                    login = line.substring("Login:".length()).strip();
                } else if (line.startsWith(FIRST_LOGIN_CODE) && login != null) {
                    if (wanted) {
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
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out.resolve("parents.tsv")))) {
            for (Parent p : parents) {
                w.println(String.join("\t", p.login(), p.password(), p.token(), p.classId(), p.childId(),
                        p.session()));
            }
        }
        System.out.printf("[Loader] %d parents of %d classes signed in (REST token + web session) in %.1f s%n",
                parents.size(), parents.stream().map(Parent::classId).distinct().count(),
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

    /**
     * Signs in the imported teachers and the demo ones (whose classes the generator anchors).
     *
     * @return class id → the token of the teacher who writes its content (the first one listed for it)
     */
    private Map<String, String> teachers(List<String[]> imported) throws Exception {
        long start = System.nanoTime();
        List<String[]> all = new ArrayList<>();
        TEACHERS.keySet().forEach(login -> all.add(new String[] {login, PASSWORD}));
        all.addAll(imported);
        List<Future<Map.Entry<String, JsonNode>>> futures = new ArrayList<>();
        for (String[] t : all) {
            futures.add(pool.submit(() -> {
                String token = api.signIn(t[0], t[1]);
                return Map.entry(token, api.get(token, "/api/me").ok("me").json().path("classes"));
            }));
        }
        Map<String, String> byClass = new LinkedHashMap<>();
        for (int i = 0; i < futures.size(); i++) {
            Map.Entry<String, JsonNode> signedIn = futures.get(i).get();
            String login = all.get(i)[0];
            for (JsonNode c : signedIn.getValue()) {
                // A demo teacher writes only in the demo class the generator anchors (not in other demo classes).
                if (TEACHERS.containsKey(login) && !TEACHERS.get(login).endsWith(" / " + c.path("name").asText())) {
                    continue;
                }
                byClass.putIfAbsent(c.path("id").asText(), signedIn.getKey());
            }
        }
        System.out.printf("[Loader] %d teachers signed in in %.1f s: %d classes with a teacher%n", all.size(),
                (System.nanoTime() - start) / 1e9, byClass.size());
        return byClass;
    }

    // ---------------------------------------------------------------------------------------------- content

    /**
     * One school year in every class that has a teacher: homework, blog + comments, liaison words + acks, wiki. The
     * classes are written in parallel ({@code BENCH_LOADER_THREADS}, default 4), each class's content in order.
     */
    private void content(List<Parent> parents, Map<String, String> classTeachers, double scale) throws Exception {
        long start = System.nanoTime();
        AtomicInteger requests = new AtomicInteger();
        Map<String, Integer> counts = new java.util.concurrent.ConcurrentHashMap<>();
        Map<String, List<Parent>> families = new LinkedHashMap<>();
        parents.forEach(p -> families.computeIfAbsent(p.classId(), k -> new ArrayList<>()).add(p));
        List<Future<String>> futures = new ArrayList<>();
        List<String> classIds = List.copyOf(classTeachers.keySet());
        for (String classId : classIds) {
            String token = classTeachers.get(classId);
            futures.add(pool.submit(() -> classContent(token, classId, families.getOrDefault(classId, List.of()),
                    scale, requests, counts)));
        }
        try (PrintWriter teachersFile = new PrintWriter(Files.newBufferedWriter(out.resolve("teachers.tsv")))) {
            int done = 0;
            long lastPrint = System.nanoTime();
            for (int i = 0; i < futures.size(); i++) {
                String wordId = futures.get(i).get();
                teachersFile.println(classTeachers.get(classIds.get(i)) + "\t" + classIds.get(i) + "\t" + wordId);
                done++;
                if (System.nanoTime() - lastPrint > 30e9) {
                    System.out.printf("[Loader] content: %d/%d classes, %d requests%n", done, futures.size(),
                            requests.get());
                    lastPrint = System.nanoTime();
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("[Loader] content (scale %s, %d classes, %d threads) %s: %d requests in %.1f s = %.0f req/s%n",
                scale, classIds.size(), threads, new java.util.TreeMap<>(counts), requests.get(), seconds,
                requests.get() / seconds);
        Files.writeString(out.resolve("content.txt"), String.format("scale=%s%nclasses=%d%nthreads=%d%ncounts=%s%n"
                + "requests=%d%nseconds=%.1f%n", scale, classIds.size(), threads, new java.util.TreeMap<>(counts),
                requests.get(), seconds));
    }

    /** @return the id of the class's last liaison word (for the teachers' scenario) */
    private String classContent(String token, String classId, List<Parent> families, double scale,
                                AtomicInteger requests, Map<String, Integer> counts) {
        String base = "/api/classes/" + classId;
        for (String app : CLASS_APPS) {
            api.put(token, base + "/apps/" + app, null).ok("enable " + app);
            requests.incrementAndGet();
        }
        api.put(token, base + "/blog/settings", Map.of("comments", "IMMEDIATE", "pupilsPublishDirectly", false))
                .ok("blog settings");
        requests.incrementAndGet();
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
        // Homework: two entries a school day (about 288 a year).
        int homework = (int) Math.round(2 * schoolDays.size() * scale);
        for (int n = 0; n < homework; n++) {
            LocalDate day = schoolDays.get((int) ((long) n * schoolDays.size() / Math.max(1, homework)));
            api.post(token, base + "/homework/entries", Map.of("date", day.toString(),
                    "subject", subjects[n % subjects.length], "title", "Leçon " + (n + 1),
                    "content", "Relire la leçon et faire les exercices " + n + " et " + (n + 1) + " page "
                            + (10 + n % 90) + ".", "dueDate", day.plusDays(1).toString())).ok("homework");
            requests.incrementAndGet();
        }
        counts.merge("homework", homework, Integer::sum);
        // Blog: 30 posts a year, two parents' comments each.
        int posts = (int) Math.round(30 * scale);
        int comments = 0;
        for (int n = 0; n < posts; n++) {
            String postId = api.post(token, base + "/blog/posts", Map.of("title", "Sortie " + (n + 1),
                    "body", "<p>Aujourd'hui nous avons visité le musée. Les élèves ont dessiné les tableaux.</p>",
                    "publish", true)).ok("blog post").json().path("id").asText();
            requests.incrementAndGet();
            for (int c = 0; c < 2 && !families.isEmpty(); c++) {
                Parent p = families.get((n * 2 + c) % families.size());
                api.post(p.token(), base + "/blog/posts/" + postId + "/comments",
                        Map.of("body", "Merci pour ces photos !")).ok("comment");
                requests.incrementAndGet();
                comments++;
            }
        }
        counts.merge("blogPosts", posts, Integer::sum);
        counts.merge("blogComments", comments, Integer::sum);
        // Liaison: one word a week, 80 % of the signed-in families acknowledge it.
        int words = (int) Math.max(1, Math.round(36 * scale));
        int acks = 0;
        String lastWord = null;
        for (int n = 0; n < words; n++) {
            lastWord = api.post(token, base + "/liaison/words", Map.of("title", "Information " + (n + 1),
                    "body", "La sortie à la piscine aura lieu jeudi. Merci de prévoir un maillot.",
                    "category", "INFO", "ackRequired", true)).ok("word").json().path("id").asText();
            requests.incrementAndGet();
            for (Parent p : families) {
                if (random(n, p) < 8) {
                    api.post(p.token(), base + "/liaison/words/" + lastWord + "/confirmations?child=" + p.childId(),
                            null).ok("ack");
                    requests.incrementAndGet();
                    acks++;
                }
            }
        }
        counts.merge("liaisonWords", words, Integer::sum);
        counts.merge("acks", acks, Integer::sum);
        // Wiki: a dozen pages a year.
        int pages = (int) Math.max(1, Math.round(12 * scale));
        for (int i = 0; i < pages; i++) {
            api.post(token, base + "/wiki/pages", Map.of("title", "Exposé " + (i + 1),
                    "content", "Les volcans d'Auvergne. Voir aussi [[Accueil]].")).ok("wiki page");
            requests.incrementAndGet();
        }
        counts.merge("wikiPages", pages, Integer::sum);
        counts.merge("classes", 1, Integer::sum);
        return lastWord;
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
}
