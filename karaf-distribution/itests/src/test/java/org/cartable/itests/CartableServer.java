package org.cartable.itests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A Cartable distribution started as a real Karaf process ({@code bin/karaf server}) on a private copy of the unpacked
 * distribution, with moved ports (HTTP 18181, SSH 18101, RMI 11099/44445 by default, see the {@code cartable.*.port}
 * system properties) so that the tests can run beside a running Cartable. One instance is shared by all the ITs of a
 * run ({@link #shared()}); it is stopped at the end of the run by {@link CartableExtension} (JUnit root store) and, as
 * a last resort, by a JVM shutdown hook.
 */
public final class CartableServer {

    // Overridable (-Dcartable.http.port=...) so that a developer's run does not clash with a CI build on the same host.
    public static final int HTTP_PORT = Integer.getInteger("cartable.http.port", 18181);
    public static final int SSH_PORT = Integer.getInteger("cartable.ssh.port", 18101);
    public static final int RMI_REGISTRY_PORT = Integer.getInteger("cartable.rmi.registry.port", 11099);
    public static final int RMI_SERVER_PORT = Integer.getInteger("cartable.rmi.server.port", 44445);
    /** Loopback SMTP port the server mails to (a test SMTP server listens there); moves with the HTTP port. */
    public static final int SMTP_PORT = Integer.getInteger("cartable.smtp.port", 13025 + HTTP_PORT - 18181);
    /**
     * Console/JMX user written into the test copy's {@code etc/users.properties} only (the shipped distribution has
     * no console user); its password is random per run.
     */
    public static final String JMX_USER = "itest";
    public static final String DEMO_PASSWORD = "demo";

    /** Apps the distribution installs at boot. */
    static final List<String> DEFAULT_APPS = List.of("blog", "homework", "liaison", "wiki", "notebook");
    /** Logged by cartable-core's DemoData once the demo directory is written. */
    static final String DEMO_SEEDED_LOG = "Demo directory seeded";
    /** Logged by Karaf's BootFeaturesInstaller when featuresBoot does not resolve: waiting longer is pointless. */
    static final String BOOT_FEATURES_FAILED_LOG = "Error installing boot features";

    /** Bound on a start (fresh boot seeds ~100 bcrypt hashes: 80 s measured on 2 busy cores); -Dcartable.start.timeout=SECONDS. */
    static final Duration START_TIMEOUT = Duration.ofSeconds(Long.getLong("cartable.start.timeout", 180));
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);

    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile CartableServer shared;
    private static volatile RuntimeException startFailure;

    private final Path source;
    private final Path home;
    private final Path consoleLog;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private final Map<String, String> tokens = new ConcurrentHashMap<>();
    private final String jmxPassword = randomPassword();

    private Process process;
    private int starts;
    private Duration lastStartDuration;
    /** Content of {@code data/log/karaf.log} as it was when the first start was stopped (null while it runs). */
    private List<String> firstStartLog;

    private CartableServer(Path source, Path home, Path consoleLog) {
        this.source = source;
        this.home = home;
        this.consoleLog = consoleLog;
    }

    /** The server shared by every IT of the run, prepared and started on first use. */
    public static synchronized CartableServer shared() {
        if (startFailure != null) {
            throw new IllegalStateException("The shared Karaf failed to start earlier in this run", startFailure);
        }
        if (shared == null) {
            CartableServer server = new CartableServer(locateDistribution(),
                    Path.of(property("cartable.run.dir", "target/cartable-run")).toAbsolutePath(),
                    Path.of(property("cartable.console.log", "target/karaf-console.log")).toAbsolutePath());
            Runtime.getRuntime().addShutdownHook(new Thread(server::stopQuietly, "cartable-itests-stop"));
            try {
                server.prepare();
                server.start();
            } catch (RuntimeException | Error e) {
                server.stopQuietly();
                startFailure = e instanceof RuntimeException r ? r : new IllegalStateException(e);
                throw e;
            }
            shared = server;
        } else if (!shared.isRunning()) {
            shared.start(); // stopped by an earlier root-store close: same folder, same data
        }
        return shared;
    }

    /** The shared server if it was started, without starting it. */
    static CartableServer current() {
        return shared;
    }

    static synchronized void stopShared() {
        if (shared != null) {
            shared.stopQuietly();
        }
    }

    // ------------------------------------------------------------------------------------------ preparation

    private static String property(String name, String fallback) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    /** The folder holding {@code bin/karaf}: {@code -Dcartable.home}, or the single child of the unpack folder. */
    private static Path locateDistribution() {
        String explicit = System.getProperty("cartable.home");
        if (explicit != null && !explicit.isBlank()) {
            Path home = Path.of(explicit).toAbsolutePath();
            if (!Files.isRegularFile(home.resolve("bin/karaf"))) {
                throw new IllegalStateException("-Dcartable.home=" + home + " holds no bin/karaf");
            }
            return home;
        }
        Path unpacked = Path.of(property("cartable.distribution.dir", "target/distribution")).toAbsolutePath();
        if (Files.isRegularFile(unpacked.resolve("bin/karaf"))) {
            return unpacked;
        }
        try (Stream<Path> children = Files.list(unpacked)) {
            return children.filter(p -> Files.isRegularFile(p.resolve("bin/karaf")))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("No unpacked distribution (bin/karaf) under " + unpacked));
        } catch (IOException e) {
            throw new IllegalStateException("No unpacked distribution under " + unpacked
                    + " (run through Maven: mvn verify, or give -Dcartable.home)", e);
        }
    }

    /** Kills a leftover Karaf of a previous run, then makes a fresh copy of the distribution and configures it. */
    private void prepare() {
        killLeftover();
        try {
            deleteTree(home);
            copyTree(source, home);
            for (String script : List.of("karaf", "start", "stop", "status", "client", "shell", "setenv")) {
                File file = home.resolve("bin").resolve(script).toFile();
                if (file.exists()) {
                    file.setExecutable(true, false);
                }
            }
            Path etc = home.resolve("etc");
            Files.writeString(etc.resolve("org.cartable.demo.cfg"), "# written by cartable-itests\nenabled=true\n",
                    StandardCharsets.UTF_8);
            setProperty(etc.resolve("org.ops4j.pax.web.cfg"), "org.osgi.service.http.port", String.valueOf(HTTP_PORT));
            setProperty(etc.resolve("org.apache.karaf.shell.cfg"), "sshPort", String.valueOf(SSH_PORT));
            setProperty(etc.resolve("org.apache.karaf.management.cfg"), "rmiRegistryPort", String.valueOf(RMI_REGISTRY_PORT));
            setProperty(etc.resolve("org.apache.karaf.management.cfg"), "rmiServerPort", String.valueOf(RMI_SERVER_PORT));
            setProperty(etc.resolve("org.cartable.mail.cfg"), "host", "127.0.0.1");
            setProperty(etc.resolve("org.cartable.mail.cfg"), "port", String.valueOf(SMTP_PORT));
            setProperty(etc.resolve("org.cartable.mail.cfg"), "pollSeconds", "1");
            addJmxUser(etc.resolve("users.properties"));
            Files.createDirectories(consoleLog.getParent());
            Files.deleteIfExists(consoleLog);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot prepare " + home + " from " + source, e);
        }
    }

    /**
     * Adds the test-only admin user (Karaf's stock format: {@code USER=PASSWORD,_g_:GROUP} and
     * {@code _g_\:GROUP=ROLES}) to the copy's users file, so that tests can drive Karaf over JMX like an operator.
     */
    private void addJmxUser(Path users) throws IOException {
        String existing = Files.exists(users) ? Files.readString(users, StandardCharsets.ISO_8859_1) : "";
        StringBuilder lines = new StringBuilder(existing.endsWith("\n") || existing.isEmpty() ? "" : "\n")
                .append("# written by cartable-itests for this test copy only\n")
                .append(JMX_USER).append(" = ").append(jmxPassword).append(",_g_:itestadmins\n")
                // Our own group name, so that a distribution shipping its own admingroup line is left as it is.
                .append("_g_\\:itestadmins = group,admin,manager,viewer,systembundles,ssh\n");
        Files.writeString(users, existing + lines, StandardCharsets.ISO_8859_1);
    }

    private static String randomPassword() {
        byte[] bytes = new byte[18];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Sets {@code key = value} in a Karaf .cfg file: replaces the existing (possibly commented) key, else appends. */
    static void setProperty(Path cfg, String key, String value) throws IOException {
        List<String> lines = Files.exists(cfg) ? new ArrayList<>(Files.readAllLines(cfg, StandardCharsets.ISO_8859_1))
                : new ArrayList<>();
        Pattern active = Pattern.compile("^\\s*" + Pattern.quote(key) + "\\s*[=:].*");
        Pattern commented = Pattern.compile("^\\s*#\\s*" + Pattern.quote(key) + "\\s*[=:].*");
        boolean done = false;
        for (int i = 0; i < lines.size(); i++) {
            if (active.matcher(lines.get(i)).matches()) {
                lines.set(i, key + " = " + value);
                done = true;
            }
        }
        if (!done) {
            for (int i = 0; i < lines.size() && !done; i++) {
                if (commented.matcher(lines.get(i)).matches()) {
                    lines.set(i, key + " = " + value);
                    done = true;
                }
            }
        }
        if (!done) {
            lines.add(key + " = " + value);
        }
        Files.write(cfg, lines, StandardCharsets.ISO_8859_1);
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Path target = to.resolve(from.relativize(dir).toString());
                Files.createDirectories(target);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES,
                        LinkOption.NOFOLLOW_LINKS);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** A previous run that died may have left its Karaf running in the same folder: its pid file tells. */
    private void killLeftover() {
        Path pidFile = home.resolve("karaf.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        try {
            long pid = Long.parseLong(Files.readString(pidFile).trim());
            Optional<ProcessHandle> handle = ProcessHandle.of(pid);
            if (handle.isPresent() && handle.get().isAlive()
                    && handle.get().info().commandLine().orElse("").contains("karaf")) {
                System.out.println("[cartable-itests] killing leftover Karaf pid " + pid + " of a previous run");
                handle.get().destroyForcibly();
                handle.get().onExit().get(30, TimeUnit.SECONDS);
            }
        } catch (Exception e) {
            System.out.println("[cartable-itests] could not check leftover pid file " + pidFile + ": " + e);
        }
    }

    // ------------------------------------------------------------------------------------------ lifecycle

    /** Starts Karaf on the prepared folder and waits until REST answers and the demo data can be signed in. */
    public synchronized void start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("Karaf is already running (pid " + process.pid() + ")");
        }
        if (portInUse(HTTP_PORT)) {
            throw new IllegalStateException("Port " + HTTP_PORT + " is already in use: another Karaf (or test run) is"
                    + " still running; stop it first");
        }
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server")
                .directory(home.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(consoleLog.toFile()));
        Map<String, String> env = builder.environment();
        if (env.get("JAVA_HOME") == null || env.get("JAVA_HOME").isBlank()) {
            env.put("JAVA_HOME", System.getProperty("java.home"));
        }
        // Our own folder, whatever the caller's shell says.
        env.remove("KARAF_HOME");
        env.remove("KARAF_BASE");
        env.remove("KARAF_DATA");
        env.remove("KARAF_ETC");
        long begin = System.nanoTime();
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start " + home.resolve("bin/karaf"), e);
        }
        starts++;
        tokens.clear();
        System.out.println("[cartable-itests] started Karaf (start #" + starts + ", pid " + process.pid() + ") in " + home);
        try {
            awaitReady(begin);
        } catch (RuntimeException | Error e) {
            printDiagnostics("Karaf did not become ready");
            throw e;
        }
        lastStartDuration = Duration.ofNanos(System.nanoTime() - begin);
        System.out.printf("[cartable-itests] Karaf ready after %.1f s%n", lastStartDuration.toMillis() / 1000.0);
    }

    private void awaitReady(long begin) {
        long deadline = begin + START_TIMEOUT.toNanos();
        String readyPort = System.getProperty("cartable.itests.readyPort");
        if (readyPort != null && !readyPort.isBlank()) {
            // Harness self-check against a stock Karaf (no Cartable endpoints): ready when the port listens.
            while (!portInUse(Integer.parseInt(readyPort))) {
                checkAlive();
                pause(deadline, 250, "Port " + readyPort + " never listened");
            }
            return;
        }
        // 1. REST is up (fail fast when Karaf already said the boot features cannot be installed).
        while (true) {
            checkAlive();
            checkBootFeatures();
            try {
                if (get(null, "/api/health").status() == 200) {
                    break;
                }
            } catch (UncheckedIOException e) {
                // not listening yet
            }
            pause(deadline, 250, "GET /api/health never answered 200");
        }
        // 2. First start: the demo data is seeded in one transaction (~100 bcrypt hashes), which core logs. Wait for
        //    that line (softly: at most 60 s, in case the message changes) rather than burn sign-in attempts.
        if (starts == 1) {
            long logDeadline = Math.min(deadline, System.nanoTime() + Duration.ofSeconds(60).toNanos());
            while (System.nanoTime() < logDeadline
                    && readLines(karafLog()).stream().noneMatch(l -> l.contains(DEMO_SEEDED_LOG))) {
                checkAlive();
                pause(deadline, 250, "unreachable");
            }
        }
        // 3. The demo data is there: sign in. Failed sign-ins count against the throttling (5 per login, 20 per
        //    address), so space the attempts and use an account the tests do not throttle.
        int failures = 0;
        while (true) {
            checkAlive();
            Response response = post(null, "/api/session", Map.of("login", "coladmin", "password", DEMO_PASSWORD));
            if (response.status() == 200) {
                awaitDefaultApps(deadline, response.json().path("token").asText());
                return;
            }
            if (response.status() == 429) {
                throw new IllegalStateException("Signing in was throttled while waiting for the demo data: " + response);
            }
            long waitMillis = 500;
            if (response.status() == 401) {
                // Maybe the demo data is still being seeded: back off (2, 4, 8 s), at most 4 failures.
                if (++failures >= 4) {
                    throw new IllegalStateException("The demo user 'coladmin' cannot sign in: " + response);
                }
                waitMillis = 1000L << failures;
            }
            for (long waited = 0; waited < waitMillis; waited += 250) {
                pause(deadline, 250, "The demo user never could sign in: " + response);
            }
        }
    }

    /*
     * 4. The default apps are the last boot features to start, and each REST resource that registers makes the JAX-RS
     *    whiteboard rebuild the whole /api application (a few ms of 404 "No service was found"). The transaction
     *    manager no longer registers twice (etc/custom.properties: org.ops4j.pax.transx.requireConfigAdminConfig),
     *    so pax-jdbc creates the DataSource once; the wait stays as the guard against any late replacement of a
     *    service under the apps. Ready means: every default app is listed and every app ACTIVE for 5 s in a row.
     */
    private void awaitDefaultApps(long deadline, String token) {
        int consecutive = 0;
        while (consecutive < 20) {
            checkAlive();
            Response apps = get(token, "/api/apps");
            boolean listed = apps.status() == 200 && apps.isJson() && DEFAULT_APPS.stream().allMatch(id ->
                    java.util.stream.StreamSupport.stream(apps.json().spliterator(), false)
                            .anyMatch(app -> id.equals(app.path("id").asText())))
                    && java.util.stream.StreamSupport.stream(apps.json().spliterator(), false)
                            .allMatch(app -> app.path("status").isMissingNode()
                                    || "ACTIVE".equals(app.path("status").asText()));
            consecutive = listed ? consecutive + 1 : 0;
            pause(deadline, 250, "The default apps " + DEFAULT_APPS + " never appeared in /api/apps: " + apps);
        }
    }

    private void checkBootFeatures() {
        if (starts == 1 && readLines(karafLog()).stream().anyMatch(l -> l.contains(BOOT_FEATURES_FAILED_LOG))) {
            throw new IllegalStateException("Karaf logged '" + BOOT_FEATURES_FAILED_LOG + "': the distribution is broken"
                    + " (see the karaf.log tail above)");
        }
    }

    private void checkAlive() {
        if (!process.isAlive()) {
            throw new IllegalStateException("Karaf exited with code " + process.exitValue() + " before being ready");
        }
    }

    private static void pause(long deadline, long millis, String timeoutMessage) {
        if (System.nanoTime() > deadline) {
            throw new IllegalStateException(timeoutMessage + " within " + START_TIMEOUT.toSeconds() + " s");
        }
        try {
            Thread.sleep(millis); // poll interval of a bounded wait
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static boolean portInUse(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 500);
            return true;
        } catch (ConnectException e) {
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    /** Graceful stop (SIGTERM to the Karaf JVM, whose shutdown hook stops the framework), bounded; then forced. */
    public synchronized void stop() {
        if (process == null) {
            return;
        }
        if (firstStartLog == null) {
            firstStartLog = readLines(karafLog());
        }
        List<ProcessHandle> all = new ArrayList<>();
        all.add(process.toHandle());
        process.descendants().forEach(all::add);
        long begin = System.nanoTime();
        // The JVM is either the script's child or the script itself (exec): SIGTERM every java of the tree.
        boolean signalled = false;
        for (ProcessHandle handle : all) {
            if (handle.info().command().orElse("").endsWith("java")) {
                handle.destroy();
                signalled = true;
            }
        }
        if (!signalled) {
            process.destroy();
        }
        boolean exited;
        try {
            exited = process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exited = false;
        }
        if (!exited) {
            System.out.println("[cartable-itests] Karaf did not stop within " + STOP_TIMEOUT.toSeconds() + " s: killing it");
            printDiagnostics("Karaf did not stop gracefully");
        }
        for (ProcessHandle handle : all) {
            if (handle.isAlive()) {
                handle.destroyForcibly();
                try {
                    handle.onExit().get(10, TimeUnit.SECONDS);
                } catch (Exception e) {
                    System.out.println("[cartable-itests] process " + handle.pid() + " still alive: " + e);
                }
            }
        }
        System.out.printf("[cartable-itests] Karaf stopped (%s) after %.1f s%n", exited ? "gracefully" : "killed",
                (System.nanoTime() - begin) / 1e9);
        process = null;
        tokens.clear();
    }

    /**
     * A crash: SIGKILL to the Karaf JVM itself (not only to the launcher script), so no shutdown hook runs, Derby is
     * not shut down and nothing is flushed. Returns the pid of the JVM that was killed.
     */
    public synchronized long crash() {
        if (process == null || !process.isAlive()) {
            throw new IllegalStateException("Karaf is not running");
        }
        if (firstStartLog == null) {
            firstStartLog = readLines(karafLog());
        }
        List<ProcessHandle> all = new ArrayList<>();
        all.add(process.toHandle());
        process.descendants().forEach(all::add);
        List<ProcessHandle> javas = all.stream()
                .filter(h -> h.info().command().orElse("").endsWith("java"))
                .toList();
        if (javas.isEmpty()) {
            throw new IllegalStateException("No Karaf JVM found under pid " + process.pid());
        }
        for (ProcessHandle java : javas) {
            java.destroyForcibly(); // SIGKILL on Unix
        }
        for (ProcessHandle handle : all) {
            try {
                handle.destroyForcibly();
                handle.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("process " + handle.pid() + " survived SIGKILL", e);
            }
        }
        System.out.println("[cartable-itests] Karaf JVM killed (SIGKILL, pid " + javas.get(0).pid() + ")");
        process = null;
        tokens.clear();
        return javas.get(0).pid();
    }

    /** Password of the test-only console/JMX admin user {@value #JMX_USER} (SSH console, JMX). */
    String consolePassword() {
        return jmxPassword;
    }

    void stopQuietly() {
        try {
            stop();
        } catch (RuntimeException e) {
            System.out.println("[cartable-itests] stop failed: " + e);
        }
    }

    /** Stops Karaf gracefully and starts it again on the same folder (same data). */
    public synchronized void restart() {
        stop();
        start();
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    public int starts() {
        return starts;
    }

    public Duration lastStartDuration() {
        return lastStartDuration;
    }

    // ------------------------------------------------------------------------------------------ files & logs

    public Path home() {
        return home;
    }

    public Path karafLog() {
        return home.resolve("data/log/karaf.log");
    }

    /** The lines logged by the first start of this run (until it was stopped, or until now while it runs). */
    public synchronized List<String> firstStartLog() {
        return firstStartLog != null ? firstStartLog : readLines(karafLog());
    }

    private static List<String> readLines(Path file) {
        try {
            return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            try {
                return Files.readAllLines(file, StandardCharsets.ISO_8859_1);
            } catch (IOException again) {
                return List.of("<cannot read " + file + ": " + again + ">");
            }
        }
    }

    /** Prints the tails of karaf.log and of the console output, to diagnose a failure. */
    public void printDiagnostics(String why) {
        StringBuilder out = new StringBuilder("\n[cartable-itests] ===== " + why + " =====\n");
        tail(out, karafLog(), 120);
        tail(out, consoleLog, 30);
        System.out.println(out);
    }

    private static void tail(StringBuilder out, Path file, int count) {
        List<String> lines = readLines(file);
        out.append("----- last ").append(Math.min(count, lines.size())).append(" lines of ").append(file).append('\n');
        lines.subList(Math.max(0, lines.size() - count), lines.size()).forEach(l -> out.append(l).append('\n'));
    }

    // ------------------------------------------------------------------------------------------ JMX

    /**
     * Connects to Karaf's JMX (RMI connector of the {@code management} feature) as the test-only admin user; the
     * caller closes it. Retried for a bounded time: the connector may come up a little after REST.
     */
    public KarafJmx jmx() {
        return KarafJmx.connect("127.0.0.1", RMI_REGISTRY_PORT, JMX_USER, jmxPassword, Duration.ofSeconds(30));
    }

    // ------------------------------------------------------------------------------------------ HTTP

    public String baseUrl() {
        return "http://localhost:" + HTTP_PORT;
    }

    /** Signs in a demo account (password {@value #DEMO_PASSWORD}) and returns its bearer token. */
    public String login(String login) {
        Response response = post(null, "/api/session", Map.of("login", login, "password", DEMO_PASSWORD));
        if (response.status() != 200) {
            throw new AssertionError("Sign-in of '" + login + "' failed: " + response);
        }
        return response.json().path("token").asText();
    }

    /** Like {@link #login} but reuses the token of an earlier sign-in of this start (fewer sessions). */
    public String token(String login) {
        return tokens.computeIfAbsent(login, this::login);
    }

    public Response get(String token, String path) {
        return send("GET", token, path, null);
    }

    public Response post(String token, String path, Object body) {
        return send("POST", token, path, body);
    }

    public Response put(String token, String path, Object body) {
        return send("PUT", token, path, body);
    }

    public Response delete(String token, String path) {
        return send("DELETE", token, path, null);
    }

    /** Sends a request; {@code body} is a JSON string sent as is, or an object serialised with Jackson. */
    public Response send(String method, String token, String path, Object body) {
        String json;
        try {
            json = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (json != null) {
            request.header("Content-Type", "application/json");
            request.method(method, HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return send(request.build());
    }

    public Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Response(request.method() + " " + request.uri().getPath(), response.statusCode(),
                    response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    public HttpClient httpClient() {
        return http;
    }

    /** Status, headers and body of an HTTP response; {@link #json()} parses the body (MissingNode if not JSON). */
    public record Response(String request, int status, HttpHeaders headers, String body) {

        public JsonNode json() {
            if (body == null || body.isBlank()) {
                return MissingNode.getInstance();
            }
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                return MissingNode.getInstance();
            }
        }

        public boolean isJson() {
            try {
                return body != null && !body.isBlank() && JSON.readTree(body) != null;
            } catch (IOException e) {
                return false;
            }
        }

        @Override
        public String toString() {
            String shown = body == null ? "" : body.length() > 500 ? body.substring(0, 500) + "..." : body;
            return request + " -> " + status + " " + shown;
        }
    }
}
