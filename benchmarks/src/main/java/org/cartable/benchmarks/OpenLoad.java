package org.cartable.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Open-model load (fixed arrival rate, like Gatling's constant users per second, wrk2's -R): requests of the parents'
 * evening read mix leave at their scheduled instants whatever the server does, and each latency is measured from the
 * <em>intended</em> send time, so a stalled server shows as latency instead of silently lowering the rate
 * (coordinated omission). Requests still unanswered at the end, and failures, count as errors.
 * <p>
 * {@code OpenLoad BASE_URL parents.tsv RATE_PER_S SECONDS}; prints one {@code [OpenLoad]} line.
 */
public final class OpenLoad {

    private OpenLoad() {
    }

    public static void main(String[] args) throws Exception {
        String base = args[0];
        List<String[]> parents = Files.readAllLines(Path.of(args[1])).stream().map(l -> l.split("\t")).toList();
        double rate = Double.parseDouble(args[2]);
        int seconds = Integer.parseInt(args[3]);
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(8)).connectTimeout(Duration.ofSeconds(5)).build();
        int total = (int) Math.round(rate * seconds);
        long[] latencies = new long[total];
        Arrays.fill(latencies, -1);
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger completed = new AtomicInteger();
        AtomicLong lateSends = new AtomicLong();
        ConcurrentLinkedQueue<String> errorSamples = new ConcurrentLinkedQueue<>();
        long intervalNanos = (long) (1e9 / rate);
        long start = System.nanoTime() + 100_000_000L;
        for (int i = 0; i < total; i++) {
            long intended = start + i * intervalNanos;
            long wait = intended - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            } else if (wait < -1_000_000L) {
                lateSends.incrementAndGet();
            }
            String[] p = parents.get((i / 5 * 7919 + i / 5) % parents.size());
            HttpRequest request = request(base, p, i % 5);
            int index = i;
            http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
                latencies[index] = System.nanoTime() - intended;
                completed.incrementAndGet();
                if (failure != null || response.statusCode() >= 300) {
                    errors.incrementAndGet();
                    if (errorSamples.size() < 5) {
                        errorSamples.add(failure != null ? failure.toString()
                                : response.statusCode() + " " + request.uri().getPath());
                    }
                }
            });
        }
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (completed.get() < total && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long[] done = Arrays.stream(latencies).filter(l -> l >= 0).sorted().toArray();
        int unanswered = total - done.length;
        System.out.printf("[OpenLoad] rate=%.0f/s seconds=%d sent=%d completed=%d achieved=%.1f/s p50_ms=%.1f "
                        + "p95_ms=%.1f p99_ms=%.1f max_ms=%.1f errors=%d unanswered=%d late_sends=%d%s%n", rate,
                seconds, total, done.length, done.length / elapsed, pct(done, 50), pct(done, 95), pct(done, 99),
                done.length == 0 ? 0 : done[done.length - 1] / 1e6, errors.get() + unanswered, unanswered,
                lateSends.get(), errorSamples.isEmpty() ? "" : " samples=" + errorSamples);
        System.exit(0);
    }

    /** The parents' evening read mix (sign-in excluded: it is a bcrypt check, measured by the wrk scenario). */
    private static HttpRequest request(String base, String[] p, int step) {
        String token = p[2];
        String classPath = base + "/api/classes/" + p[3];
        HttpRequest.Builder b;
        switch (step) {
            case 0 -> b = HttpRequest.newBuilder(URI.create(base + "/api/me"));
            case 1 -> b = HttpRequest.newBuilder(URI.create(classPath + "/homework/week?child=" + p[4]));
            case 2 -> b = HttpRequest.newBuilder(URI.create(classPath + "/liaison?child=" + p[4]));
            case 3 -> b = HttpRequest.newBuilder(URI.create(classPath + "/blog"));
            default -> {
                return HttpRequest.newBuilder(URI.create(base + "/app/")).header("Cookie", "JSESSIONID=" + p[5])
                        .timeout(Duration.ofSeconds(30)).build();
            }
        }
        return b.header("Authorization", "Bearer " + token).header("Accept", "application/json")
                .timeout(Duration.ofSeconds(30)).build();
    }

    private static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p / 100.0 * sorted.length) - 1)] / 1e6;
    }
}
