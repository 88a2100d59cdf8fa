package org.cartable.itests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cartable.itests.RestOperations.Operation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Hostile input on every write operation (POST, PUT, PATCH, DELETE) the running platform serves, discovered from the
 * bundles it installed ({@link RestOperations}): hostile path and query parameters, malformed and mutated JSON bodies,
 * garbage CSV for the CSV endpoints. Properties checked on every answer: no 5xx, no stack trace or Java class name in
 * the body, and no partial write: when a request is refused, the state it targets (the GET of the nearest readable
 * resource on its path) is the same after as before.
 * <p>
 * Reproducible: the cases come from a seeded generator ({@code -Dfuzz.seed=N}, printed), their number is fixed per
 * operation ({@code -Dfuzz.perOperation=N}); a wall-clock guard ({@code -Dfuzz.budgetSeconds}) stops early on a very
 * slow machine, and says so. Class apps are fuzzed in teacher3's class (CE2-CM1), which the other ITs leave alone;
 * the apps it lacks are enabled for the run and disabled again at the end. Bodies are learnt without writing: a seed
 * taken from a GET is sent with a trailing unknown field, and the fields Jackson refuses before it are dropped.
 */
@ExtendWith(CartableExtension.class)
@Order(4) // class order: see junit-platform.properties
class FuzzIT {

    static final long SEED = Long.getLong("fuzz.seed", 20261129L);
    static final int PER_OPERATION = Integer.getInteger("fuzz.perOperation", 14);
    static final Duration BUDGET = Duration.ofSeconds(Long.getLong("fuzz.budgetSeconds", 60));
    static final String FUZZ_CLASS_TEACHER = "teacher3";
    static final List<String> CLASS_APPS = List.of("blog", "homework", "liaison", "wiki", "notebook");
    /** The sign-in endpoint belongs to the login tests (throttling would lock the demo accounts out). */
    static final Set<String> SKIPPED = Set.of("/api/session");

    /** A Java class name, a stack frame, or a JDBC state: what an error body must never show. */
    static final Pattern LEAK = Pattern.compile(
            "\\bat (?:java|javax|org|com|sun|jdk)\\.[\\w.$]+\\(|\\.java:\\d+\\)|Caused by:|SQLState|SQLSTATE"
                    + "|\\b(?:java|javax|jakarta|org\\.(?:apache|hibernate|cartable|eclipse|osgi|ops4j)|com\\.fasterxml)"
                    + "\\.[a-z][\\w$]*\\.[\\w.$]+"
                    + "|\\b[A-Z][A-Za-z]*(?:Exception|Error)\\b");

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String classId;
    private static final List<String> enabledForTheRun = new ArrayList<>();

    private final Random random = new Random(SEED);
    private final Map<String, Optional<String>> idCache = new HashMap<>();
    private final Map<String, Optional<String>> statePathCache = new HashMap<>();
    /** Failures grouped by kind and operation, with the first example of each and how often it happened. */
    private final Map<String, String> failures = new LinkedHashMap<>();
    private final Map<String, Integer> failureCounts = new HashMap<>();
    private int cases;
    private int fiveHundreds;
    private int leaks;
    private int partial;
    private int accepted;

    @BeforeAll
    static void enableTheAppsInTheFuzzClass(CartableServer server) {
        classId = Demo.me(server, FUZZ_CLASS_TEACHER).path("classes").get(0).path("id").asText();
        String token = server.token(FUZZ_CLASS_TEACHER);
        CartableServer.Response apps = server.get(token, "/api/classes/" + classId + "/apps");
        assertEquals(200, apps.status(), apps::toString);
        List<String> enabled = Demo.ids(apps.json());
        for (String app : CLASS_APPS) {
            if (!enabled.contains(app)) {
                CartableServer.Response r = server.put(token, "/api/classes/" + classId + "/apps/" + app, null);
                assertEquals(204, r.status(), r::toString);
                enabledForTheRun.add(app);
            }
        }
        writeFixtures(server);
    }

    /**
     * One valid creation body per class-app family: written once before fuzzing so that the sub-resources (a post's
     * comments, a notebook's pages and boxes...) have real ids to be reached through, and used as the seed of the
     * creation endpoints when nothing could be learnt from a GET. Deleted at the end.
     */
    static Map<String, String> fixtureBodies() {
        String text = "{\"title\":\"Fuzz fixture\",";
        return Map.of(
                "/blog/posts", text + "\"body\":\"<p>fixture</p>\",\"publish\":true}",
                "/homework/entries", "{\"date\":\"" + java.time.LocalDate.now().plusDays(1)
                        + "\",\"subject\":\"FRENCH\",\"title\":\"Fuzz fixture\",\"content\":\"<p>fixture</p>\"}",
                "/liaison/words", text + "\"body\":\"<p>fixture</p>\",\"category\":\"INFO\",\"repliesAllowed\":true}",
                "/wiki/pages", text + "\"content\":\"<p>fixture</p>\"}",
                "/notebook/notebooks", "{\"title\":\"Fuzz fixture\"}");
    }

    private static final List<String> fixtures = new ArrayList<>();

    private static void writeFixtures(CartableServer server) {
        String token = server.token(FUZZ_CLASS_TEACHER);
        String base = "/api/classes/" + classId;
        for (Map.Entry<String, String> fixture : new java.util.TreeMap<>(fixtureBodies()).entrySet()) {
            CartableServer.Response r = server.post(token, base + fixture.getKey(), fixture.getValue());
            assertEquals(201, r.status(), r::toString);
            String path = base + fixture.getKey() + "/" + r.json().path("id").asText();
            fixtures.add(path);
            if (fixture.getKey().equals("/blog/posts")) {
                CartableServer.Response comment = server.post(token, path + "/comments", Map.of("body", "fixture"));
                assertEquals(201, comment.status(), comment::toString);
            }
        }
    }

    @AfterAll
    static void disableThemAgain(CartableServer server) {
        for (String fixture : fixtures) {
            server.delete(server.token(FUZZ_CLASS_TEACHER), fixture);
        }
        for (String app : enabledForTheRun) {
            server.delete(server.token(FUZZ_CLASS_TEACHER), "/api/classes/" + classId + "/apps/" + app);
        }
    }

    @Test
    void writeOperationsNeverAnswer5xxNorLeakNorWriteHalfway(CartableServer server) {
        List<Operation> writes = RestOperations.discover(server.home()).stream()
                .filter(Operation::isWrite)
                .filter(o -> SKIPPED.stream().noneMatch(o.template()::startsWith))
                .toList();
        assertTrue(writes.size() >= 60, () -> "too few write operations discovered: " + writes);
        allWrites = writes;
        long start = System.nanoTime();
        boolean cut = false;
        // Round after round over all operations, so that a run stopped by the budget still covered every one.
        for (int round = 0; round < PER_OPERATION && !cut; round++) {
            for (Operation op : writes) {
                if (Duration.ofNanos(System.nanoTime() - start).compareTo(BUDGET) > 0) {
                    cut = true;
                    break;
                }
                fuzz(server, op, round);
            }
        }
        long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
        long resolved = writes.stream().filter(o -> realIds.containsKey(o.toString())
                && realIds.get(o.toString()).keySet().containsAll(o.pathParams())).count();
        long seeded = seeds.values().stream().filter(seed -> seed.size() > 0).count();
        System.out.println("[FuzzIT] accepted on: " + acceptedOn);
        System.out.println("[FuzzIT] seed=" + SEED + " operations=" + writes.size() + " withRealIds=" + resolved
                + " learntBodies=" + seeded + " cases=" + cases
                + " 5xx=" + fiveHundreds + " leaks=" + leaks + " partial=" + partial + " accepted=" + accepted
                + " seconds=" + seconds + (cut ? " (stopped by the time budget)" : ""));
        assertTrue(failures.isEmpty(), () -> failures.size() + " kinds of failure (seed " + SEED + "):\n"
                + String.join("\n", failures.entrySet().stream()
                .map(e -> failureCounts.get(e.getKey()) + "x " + e.getValue()).toList()));
    }

    // ------------------------------------------------------------------------------------------ one operation

    private final Map<String, Map<String, String>> realIds = new HashMap<>();
    private List<Operation> allWrites = List.of();

    /**
     * Whether what a valid request would create can be deleted again (a DELETE on the created id exists); if not,
     * only bodies that no validation can accept are sent, so that the run leaves no trace.
     */
    private boolean undoable(Operation op) {
        return !op.verb().equals("POST") || allWrites.stream().anyMatch(o -> o.verb().equals("DELETE")
                && o.template().matches(Pattern.quote(op.template()) + "/\\{[^/}]+}"));
    }

    private void fuzz(CartableServer server, Operation op, int round) {
        String user = userFor(op);
        String token = server.token(user);
        Map<String, String> real = realIds.computeIfAbsent(op.toString(), k -> resolveIds(server, token, op));
        Optional<String> statePath = statePathCache.computeIfAbsent(op.toString(),
                k -> statePath(server, token, op, real));
        boolean hasIds = op.pathParams().stream().anyMatch(p -> !p.equals("classId"));
        boolean csv = op.consumes().stream().anyMatch(c -> c.contains("csv") || c.contains("text"));
        List<String> kinds = new ArrayList<>();
        if (hasIds) {
            kinds.add("PATH");
        }
        if (!op.queryParams().isEmpty()) {
            kinds.add("QUERY");
        }
        if (op.consumesJson()) {
            kinds.addAll(List.of("BODY", "BODY", "BODY"));
        } else if (csv) {
            kinds.add("CSV");
        } else if (hasIds) {
            kinds.add("RAW");
        }
        // An operation without parameters nor body (e.g. "mark all as read") has nothing hostile to receive.
        if (!kinds.isEmpty()) {
            String kind = kinds.get(round % kinds.size());
            switch (kind) {
                case "PATH" -> run(server, token, op, fill(op, p -> hostileSegment()), kind,
                        body(server, token, op, real, false), contentType(op), statePath);
                case "QUERY" -> run(server, token, op, fill(op, p -> unknownId()) + "?" + hostileQuery(op), kind,
                        body(server, token, op, real, false), contentType(op), statePath);
                case "BODY" -> {
                    // A mutated body on the real resource when its ids were found (never a DELETE), else on none.
                    boolean onReal = !op.verb().equals("DELETE") && real.keySet().containsAll(op.pathParams());
                    String body = undoable(op) ? body(server, token, op, real, true)
                            : invalid(body(server, token, op, real, false));
                    run(server, token, op, fill(op, p -> onReal ? real.get(p) : unknownId()), kind, body,
                            "application/json", statePath);
                }
                case "CSV" -> run(server, token, op, fill(op, p -> unknownId()), kind, hostileCsv(), "text/csv",
                        statePath);
                default -> run(server, token, op, fill(op, p -> hostileSegment()), kind,
                        random.nextBoolean() ? "{\"x\":" : hostileText(), "application/json", statePath);
            }
        }
    }

    private void run(CartableServer server, String token, Operation op, String path, String what, String body,
                     String contentType, Optional<String> statePath) {
        String before = statePath.map(p -> lastSnapshot.containsKey(p) && snapshotAccepted.get(p) == accepted
                ? lastSnapshot.get(p) : snapshot(server, token, p)).orElse(null);
        CartableServer.Response r = send(server, token, op.verb(), path, body, contentType);
        cases++;
        String label = what + " " + op.verb() + " " + abbreviate(path, 200)
                + (body == null ? "" : " body=" + abbreviate(body, 160));
        if (r.status() >= 500) {
            fiveHundreds++;
            fail("5xx " + op, "5xx: " + label + " -> " + r.status() + " " + abbreviate(r.body(), 300));
        }
        Matcher leak = LEAK.matcher(r.body() == null ? "" : r.body());
        if (leak.find() && !echoes(body, path, leak.group())) {
            leaks++;
            fail("leak " + op, "leak '" + leak.group() + "': " + label + " -> " + r.status() + " " + abbreviate(r.body(), 300));
        }
        if (r.status() >= 200 && r.status() < 300) {
            accepted++;
            acceptedOn.merge(op.toString(), 1, Integer::sum);
            undo(server, token, op, path, r);
        } else if (before != null) {
            String after = snapshot(server, token, statePath.get());
            lastSnapshot.put(statePath.get(), after);
            snapshotAccepted.put(statePath.get(), accepted);
            if (!before.equals(after)) {
                partial++;
                fail("partial " + op, "partial write: " + label + " -> " + r.status() + " changed GET " + statePath.get());
            }
        }
    }

    private final Map<String, Integer> acceptedOn = new java.util.TreeMap<>();

    private void fail(String key, String example) {
        failures.putIfAbsent(key, example);
        failureCounts.merge(key, 1, Integer::sum);
    }

    /** The last read of a state path, still valid while no request was accepted since (the count then). */
    private final Map<String, String> lastSnapshot = new HashMap<>();
    private final Map<String, Integer> snapshotAccepted = new HashMap<>();

    /** Whether the suspicious text is only the request's own hostile input echoed in a message. */
    private static boolean echoes(String body, String path, String found) {
        return body != null && body.contains(found) || path.contains(found);
    }

    /** Something the fuzzer created is deleted again; something it changed on a real resource is put back. */
    private void undo(CartableServer server, String token, Operation op, String path, CartableServer.Response r) {
        if (op.verb().equals("POST") && r.json().hasNonNull("id")) {
            String created = path.replaceAll("\\?.*", "") + "/" + r.json().path("id").asText();
            server.delete(token, created);
        } else if (op.verb().equals("PUT") && seeds.containsKey(op.toString())) {
            server.put(token, path.replaceAll("\\?.*", ""), seeds.get(op.toString()).toString());
        }
    }

    // ------------------------------------------------------------------------------------------ users and ids

    private static String userFor(Operation op) {
        if (op.kind().equals("tool")) {
            return switch (op.appId()) {
                case "billing" -> "admin";
                default -> "operator";
            };
        }
        return op.template().startsWith("/api/admin/") ? "operator" : FUZZ_CLASS_TEACHER;
    }

    /** Real ids for the path parameters, found by reading the collections on the way down the path. */
    private Map<String, String> resolveIds(CartableServer server, String token, Operation op) {
        Map<String, String> ids = new LinkedHashMap<>();
        String[] segments = op.template().substring(1).split("/");
        StringBuilder prefix = new StringBuilder();
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            if (segment.startsWith("{")) {
                String name = segment.substring(1, segment.length() - 1);
                String value;
                if (name.equals("classId")) {
                    value = classId;
                } else {
                    String collection = prefix.toString();
                    value = idCache.computeIfAbsent(collection, c -> firstId(server, token, c)).orElse(null);
                }
                if (value == null) {
                    return ids;
                }
                ids.put(name, value);
                prefix.append('/').append(value);
            } else {
                prefix.append('/').append(segment);
            }
        }
        return ids;
    }

    /** The id of the first element of a collection: its GET, or the array of that name in its parent's GET. */
    private static Optional<String> firstId(CartableServer server, String token, String collection) {
        CartableServer.Response list = server.get(token, collection);
        if (list.status() == 200) {
            Optional<String> id = firstIdIn(list.json());
            if (id.isPresent()) {
                return id;
            }
        }
        int slash = collection.lastIndexOf('/');
        String name = collection.substring(slash + 1);
        CartableServer.Response parent = server.get(token, collection.substring(0, slash));
        if (parent.status() == 200) {
            JsonNode array = parent.json().path(name);
            return firstIdIn(array.isMissingNode() ? parent.json() : array);
        }
        return Optional.empty();
    }

    private static Optional<String> firstIdIn(JsonNode node) {
        if (node.isArray()) {
            for (JsonNode element : node) {
                if (element.hasNonNull("id")) {
                    return Optional.of(element.path("id").asText());
                }
            }
        } else if (node.isObject()) {
            for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
                JsonNode child = it.next();
                if (child.isArray() && child.size() > 0) {
                    Optional<String> id = firstIdIn(child);
                    if (id.isPresent()) {
                        return id;
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** A well-formed id that names nothing (a random UUID), or now and then a hostile one. */
    private String unknownId() {
        return random.nextInt(3) == 0 ? hostileSegment() : new java.util.UUID(random.nextLong(), random.nextLong()).toString();
    }

    private static String fill(Operation op, java.util.function.Function<String, String> value) {
        String path = op.template();
        for (String param : op.pathParams()) {
            String v = param.equals("classId") ? classId : value.apply(param);
            path = path.replace("{" + param + "}", encodeSegment(v));
        }
        return path;
    }

    /**
     * The state the operation could change, to compare before and after a refusal: the longest readable prefix of its
     * path filled with the real ids found (cut at the first one not found), if its answer is stable (two reads give
     * the same body).
     */
    private static Optional<String> statePath(CartableServer server, String token, Operation op,
                                              Map<String, String> real) {
        String candidate = op.template();
        for (String param : op.pathParams()) {
            int at = candidate.indexOf("{" + param + "}");
            if (real.containsKey(param)) {
                candidate = candidate.replace("{" + param + "}", real.get(param));
            } else {
                candidate = candidate.substring(0, at - 1);
                break;
            }
        }
        while (candidate.lastIndexOf('/') > "/api".length()) {
            CartableServer.Response r = server.get(token, candidate);
            if (r.status() == 200 && r.body().equals(server.get(token, candidate).body())) {
                return Optional.of(candidate);
            }
            candidate = candidate.substring(0, candidate.lastIndexOf('/'));
        }
        return Optional.empty();
    }

    private static String snapshot(CartableServer server, String token, String path) {
        CartableServer.Response r = server.get(token, path);
        return r.status() + " " + r.body();
    }

    // ------------------------------------------------------------------------------------------ bodies

    /** The learnt valid-looking body of an operation (its fields as a GET shows them, minus those refused). */
    private final Map<String, ObjectNode> seeds = new HashMap<>();

    private String body(CartableServer server, String token, Operation op, Map<String, String> real, boolean mutate) {
        if (!op.consumesJson()) {
            return null;
        }
        ObjectNode seed = seeds.computeIfAbsent(op.toString(), k -> learn(server, token, op, real));
        return mutate ? mutate(seed) : seed.toString();
    }

    /**
     * A seed body from the GET of the target (or of the first element of the target collection), trimmed to the
     * fields the endpoint knows. Every probe carries a trailing unknown field, so Jackson refuses it before any
     * method runs: learning never writes.
     */
    private ObjectNode learn(CartableServer server, String token, Operation op, Map<String, String> real) {
        ObjectNode learnt = learnFromRead(server, token, op, real);
        if (learnt.size() == 0 && op.verb().equals("POST")) {
            for (Map.Entry<String, String> fixture : fixtureBodies().entrySet()) {
                if (op.template().endsWith(fixture.getKey())) {
                    try {
                        return (ObjectNode) JSON.readTree(fixture.getValue());
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        return learnt;
    }

    private ObjectNode learnFromRead(CartableServer server, String token, Operation op, Map<String, String> real) {
        ObjectNode seed = JSON.createObjectNode();
        if (!real.keySet().containsAll(op.pathParams())) {
            return seed;
        }
        String path = fill(op, real::get);
        CartableServer.Response read = server.get(token, path);
        JsonNode source = read.status() == 200 ? read.json() : null;
        if (source != null && source.isArray()) {
            source = source.size() > 0 ? source.get(0) : null;
        }
        if (source == null || !source.isObject()) {
            Optional<String> first = idCache.computeIfAbsent(path, c -> firstId(server, token, c));
            CartableServer.Response element = first.map(id -> server.get(token, path + "/" + id)).orElse(null);
            source = element != null && element.status() == 200 ? element.json() : null;
        }
        if (source == null || !source.isObject()) {
            return seed;
        }
        seed = source.deepCopy();
        // What the server writes itself (ids, times, counts, names of people) is never sent: fewer probes.
        List<String> generated = new ArrayList<>();
        ObjectNode fields = seed;
        seed.fieldNames().forEachRemaining(name -> {
            if (SERVER_FIELDS.matcher(name).matches() || fields.get(name).isContainerNode() && fields.get(name).size() > 20) {
                generated.add(name);
            }
        });
        seed.remove(generated);
        for (int probe = 0; probe < 12 && seed.size() > 0; probe++) {
            ObjectNode withPoison = seed.deepCopy();
            withPoison.put("zzFuzzProbe", 1);
            CartableServer.Response r = send(server, token, op.verb(), path, withPoison.toString(), "application/json");
            String message = r.json().path("message").asText("");
            Matcher unknown = Pattern.compile("^(?:Unknown field|Field) '([^'.\\[]+)").matcher(message);
            if (!unknown.find() || unknown.group(1).equals("zzFuzzProbe") || !seed.has(unknown.group(1))) {
                break;
            }
            seed.remove(unknown.group(1));
        }
        return seed;
    }

    private static final Pattern SERVER_FIELDS = Pattern.compile(
            "id|.*At|.*Count|.*Name|authorId|ownerId|classId|schoolId|status|actions|links|version|can[A-Z].*|url");

    private String mutate(ObjectNode seed) {
        String text = seed.toString();
        switch (random.nextInt(9)) {
            case 0:
                return malformed(text);
            case 1:
                return List.of("[]", "\"text\"", "42", "null", "true", "[{}]", "{}").get(random.nextInt(7));
            case 2:
                return "[".repeat(5000) + "]".repeat(5000);
            case 3: {
                ObjectNode copy = seed.deepCopy();
                copy.put("unexpected" + random.nextInt(100), hostileText());
                return copy.toString();
            }
            default: {
                if (seed.size() == 0) {
                    return "{\"" + hostileText().replace("\"", "") + "\":" + hostileJsonValue() + "}";
                }
                ObjectNode copy = seed.deepCopy();
                List<String> names = new ArrayList<>();
                copy.fieldNames().forEachRemaining(names::add);
                int changes = 1 + random.nextInt(Math.min(3, names.size()));
                for (int c = 0; c < changes; c++) {
                    String name = names.get(random.nextInt(names.size()));
                    if (random.nextInt(5) == 0) {
                        copy.remove(name);
                    } else {
                        try {
                            copy.set(name, JSON.readTree(hostileJsonValue()));
                        } catch (java.io.IOException e) {
                            throw new IllegalStateException(e);
                        }
                    }
                }
                return copy.toString();
            }
        }
    }

    /** A body no validation can accept: broken JSON, the wrong shape, or an object where every value is one. */
    private String invalid(String seed) {
        return switch (random.nextInt(4)) {
            case 0 -> malformed(seed);
            case 1 -> List.of("[]", "\"text\"", "42", "null", "true", "[{}]").get(random.nextInt(6));
            case 2 -> "[".repeat(5000) + "]".repeat(5000);
            default -> seed.equals("{}") ? "{\"zzUnknown\":1}"
                    : seed.replaceAll(":\\s*(\"(?:[^\"\\\\]|\\\\.)*\"|-?[0-9.eE+]+|true|false|null)", ":{\"a\":[]}");
        };
    }

    private String malformed(String json) {
        return switch (random.nextInt(6)) {
            case 0 -> json.substring(0, Math.max(1, json.length() / 2));
            case 1 -> json + json;
            case 2 -> json.replace("\"", "'");
            case 3 -> "{\"a\":1,\"a\":2}";
            case 4 -> "\u0000\u00ff\ufffe" + json;
            default -> json.replace(":", ":NaN,\"x\":");
        };
    }

    // ------------------------------------------------------------------------------------------ hostile values

    private static final List<String> SEGMENTS = List.of("..", "%2e%2e", "-1", "0", "99999999999999999999", "1e308",
            "null", "undefined", "' OR '1'='1", "\"><svg onload=alert(1)>", "%00", "%ff%fe", "a%2Fb", "é€😀",
            "CON", "${jndi:ldap://x}", " ", "x".repeat(3000), "00000000-0000-0000-0000-000000000000", "true",
            "[]", "{}", "%25", ";", "|ls", "../../../../etc/passwd");

    private String hostileSegment() {
        return SEGMENTS.get(random.nextInt(SEGMENTS.size()));
    }

    private static String encodeSegment(String value) {
        // Pre-encoded sequences (%2e, %00...) go as they are: the point is to send them.
        if (value.matches("(?:%[0-9a-fA-F]{2})+|.*%[0-9a-fA-F]{2}.*")) {
            return value;
        }
        if (value.equals("..")) {
            return value;
        }
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private String hostileQuery(Operation op) {
        StringBuilder query = new StringBuilder();
        for (String name : op.queryParams()) {
            if (query.length() > 0) {
                query.append('&');
            }
            // Never empty: an empty value may mean "the default", which would make a real write.
            String value = List.of("-1", "0", "2026-13-45", "99999999999", "1e999", "not-a-date", "1999", "%00",
                    "THIS,FOLLOWING", "é😀", "x".repeat(2000), "true", "null", "2026-02-30", "P1D").get(random.nextInt(15));
            query.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                    .append(value.startsWith("%") ? value : URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
        if (random.nextBoolean()) {
            query.append(query.length() > 0 ? "&" : "").append("unknown=1");
        }
        return query.toString();
    }

    private String hostileText() {
        return switch (random.nextInt(8)) {
            case 0 -> "";
            case 1 -> " \t\n ";
            case 2 -> "x".repeat(5000 + random.nextInt(30_000));
            case 3 -> "\u0000\u0001\u001b[31m\u202e\ud800";
            case 4 -> "é€😀 ÿ\u00a0\u2028";
            case 5 -> "<script>alert(1)</script>";
            case 6 -> "'; DROP TABLE person; --";
            default -> String.valueOf(random.nextLong());
        };
    }

    private String hostileJsonValue() {
        try {
            return switch (random.nextInt(12)) {
                case 0 -> "null";
                case 1 -> "{}";
                case 2 -> "[]";
                case 3 -> "[1,\"a\",null]";
                case 4 -> "1e999";
                case 5 -> "-99999999999999999999999";
                case 6 -> "3.14159";
                case 7 -> "true";
                case 8 -> "{\"a\":{\"b\":{\"c\":[]}}}";
                case 9 -> "\"2026-02-30T25:61:00Z\"";
                default -> JSON.writeValueAsString(hostileText());
            };
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private String hostileCsv() {
        StringBuilder csv = new StringBuilder();
        int lines = 1 + random.nextInt(8);
        for (int l = 0; l < lines; l++) {
            int cells = random.nextInt(12);
            for (int c = 0; c < cells; c++) {
                if (c > 0) {
                    csv.append(random.nextBoolean() ? ';' : ',');
                }
                csv.append(switch (random.nextInt(6)) {
                    case 0 -> "\"unclosed";
                    case 1 -> "=HYPERLINK(\"http://x\")";
                    case 2 -> hostileText().replace("\n", " ");
                    case 3 -> "2026-02-30";
                    case 4 -> "-1";
                    default -> "\"a\"\"b\"";
                });
            }
            csv.append(random.nextBoolean() ? "\r\n" : "\n");
        }
        return csv.toString();
    }

    private static String contentType(Operation op) {
        return op.consumesJson() ? "application/json" : null;
    }

    private static CartableServer.Response send(CartableServer server, String token, String verb, String path,
                                                String body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json")
                .header("Authorization", "Bearer " + token);
        if (body != null) {
            request.header("Content-Type", contentType == null ? "application/json" : contentType);
            request.method(verb, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        } else {
            request.method(verb, HttpRequest.BodyPublishers.noBody());
        }
        return server.send(request.build());
    }

    private static String abbreviate(String s, int max) {
        if (s == null) {
            return "";
        }
        return s.length() <= max ? s : s.substring(0, max) + "…(" + s.length() + ")";
    }
}
