package org.cartable.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Closed-model parents' evening with one latency distribution <em>per step</em> (wrk gives one for the whole mix):
 * USERS virtual parents each loop over visits (sign-in, {@code /api/me}, homework week, liaison list, blog,
 * dashboard) with no think time. It shows which request carries a tail under a surge, e.g. whether the slow
 * requests are the bcrypt sign-ins or the reads queued behind them.
 * <p>
 * {@code ClosedLoad BASE_URL parents-web.tsv USERS SECONDS}; prints one {@code [ClosedLoad]} line per step and one
 * for the whole mix. A request unanswered after 10 s counts as an error, like wrk's {@code --timeout 10s}.
 */
public final class ClosedLoad {

    private static final String[] STEPS = {"signin", "me", "homework", "liaison", "blog", "dashboard"};
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private ClosedLoad() {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        List<String[]> parents = Files.readAllLines(Path.of(args[1])).stream().map(l -> l.split("\t")).toList();
        int users = Integer.parseInt(args[2]);
        long endNanos = System.nanoTime() + Long.parseLong(args[3]) * 1_000_000_000L;
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
        List<ConcurrentLinkedQueue<Long>> latencies = new ArrayList<>();
        List<AtomicInteger> errors = new ArrayList<>();
        for (int i = 0; i < STEPS.length; i++) {
            latencies.add(new ConcurrentLinkedQueue<>());
            errors.add(new AtomicInteger());
        }
        long started = System.nanoTime();
        var pool = Executors.newFixedThreadPool(users);
        {
            for (int u = 0; u < users; u++) {
                int user = u;
                pool.submit(() -> {
                    int visit = 0;
                    while (System.nanoTime() < endNanos) {
                        String[] parent = parents.get((user * 7919 + visit++) % parents.size());
                        for (int step = 0; step < STEPS.length && System.nanoTime() < endNanos; step++) {
                            long sent = System.nanoTime();
                            boolean ok;
                            try {
                                ok = http.send(request(base, parent, step), HttpResponse.BodyHandlers.discarding())
                                        .statusCode() < 300;
                            } catch (Exception timeoutOrIo) {
                                ok = false;
                            }
                            latencies.get(step).add(System.nanoTime() - sent);
                            if (!ok) {
                                errors.get(step).incrementAndGet();
                            }
                        }
                    }
                });
            }
            pool.shutdown();
            pool.awaitTermination(Long.MAX_VALUE, TimeUnit.NANOSECONDS);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        List<Long> all = new ArrayList<>();
        int allErrors = 0;
        for (int step = 0; step < STEPS.length; step++) {
            List<Long> l = new ArrayList<>(latencies.get(step));
            all.addAll(l);
            allErrors += errors.get(step).get();
            print(users, STEPS[step], l, errors.get(step).get(), seconds);
        }
        print(users, "all", all, allErrors, seconds);
        System.exit(0);
    }

    private static void print(int users, String step, List<Long> nanos, int errors, double seconds) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        System.out.printf("[ClosedLoad] users=%d step=%s requests=%d rps=%.1f p50_ms=%.1f p95_ms=%.1f p99_ms=%.1f "
                        + "max_ms=%.1f errors=%d%n", users, step, sorted.length, sorted.length / seconds,
                pct(sorted, 50), pct(sorted, 95), pct(sorted, 99),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6, errors);
    }

    /** One step of a visit; the tab-separated fields are login, password, token, class, child, web session. */
    private static HttpRequest request(String base, String[] p, int step) {
        String classPath = base + "/api/classes/" + p[3];
        HttpRequest.Builder b = switch (step) {
            case 0 -> HttpRequest.newBuilder(URI.create(base + "/api/session")).header("Content-Type",
                    "application/json").POST(HttpRequest.BodyPublishers.ofString(
                    "{\"login\":\"" + p[0] + "\",\"password\":\"" + p[1] + "\"}"));
            case 1 -> HttpRequest.newBuilder(URI.create(base + "/api/me"));
            case 2 -> HttpRequest.newBuilder(URI.create(classPath + "/homework/week?child=" + p[4]));
            case 3 -> HttpRequest.newBuilder(URI.create(classPath + "/liaison?child=" + p[4]));
            case 4 -> HttpRequest.newBuilder(URI.create(classPath + "/blog"));
            default -> HttpRequest.newBuilder(URI.create(base + "/app/")).header("Cookie", "JSESSIONID=" + p[5]);
        };
        if (step >= 1 && step <= 4) {
            b.header("Authorization", "Bearer " + p[2]).header("Accept", "application/json");
        }
        return b.timeout(TIMEOUT).build();
    }

    private static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }
}
