package org.cartable.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * Live-operation timers, each printing one {@code [Live]} line:
 * <ul>
 * <li>{@code ready BASE_URL START_EPOCH_MS TIMEOUT_S}: seconds from START (the launch of bin/karaf) to the first 200
 * of {@code /api/health}, of the sign-in page, of a REST sign-in of a demo account, to the default apps listed, and to
 * the first 200 of the dashboard page of a signed-in web session;</li>
 * <li>{@code hotdeploy BASE_URL APP}: uninstall the app's feature → its REST path answers 404, install → first 200.</li>
 * </ul>
 */
public final class Live {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private static final List<String> DEFAULT_APPS = List.of("blog", "homework", "liaison", "wiki", "notebook");

    private Live() {
    }

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "ready" -> ready(args[1], Long.parseLong(args[2]), Integer.parseInt(args[3]));
            case "hotdeploy" -> hotdeploy(args[1], args[2]);
            default -> throw new IllegalArgumentException(args[0]);
        }
        System.exit(0);
    }

    private static void ready(String base, long startMillis, int timeoutSeconds) throws Exception {
        long deadline = startMillis + timeoutSeconds * 1000L;
        double health = until(deadline, startMillis, () -> status(base + "/api/health", null) == 200);
        double signinPage = until(deadline, startMillis, () -> status(base + "/app/signin", null) == 200);
        Api api = new Api(base);
        String[] token = new String[1];
        double restSignIn = until(deadline, startMillis, () -> {
            Api.Response r = api.post(null, "/api/session", java.util.Map.of("login", "teacher", "password", "demo"));
            if (r.status() == 200) {
                token[0] = r.json().path("token").asText();
                return true;
            }
            return false;
        });
        double apps = until(deadline, startMillis, () -> {
            JsonNode list = api.get(token[0], "/api/apps").json();
            return DEFAULT_APPS.stream().allMatch(id -> {
                for (JsonNode app : list) {
                    if (id.equals(app.path("id").asText())) {
                        return true;
                    }
                }
                return false;
            });
        });
        double dashboard = until(deadline, startMillis, () -> {
            try {
                String session = WebSession.signIn(base, "teacher", "demo");
                return dashboard(base, "JSESSIONID=" + session);
            } catch (RuntimeException e) {
                return false;
            }
        });
        System.out.printf("[Live] ready health_s=%.1f signin_page_s=%.1f rest_signin_s=%.1f apps_listed_s=%.1f "
                + "dashboard_200_s=%.1f%n", health, signinPage, restSignIn, apps, dashboard);
    }

    private static void hotdeploy(String base, String app) throws Exception {
        Api api = new Api(base);
        String operator = api.signIn("operator", "demo");
        String teacher = api.signIn("teacher", "demo");
        String classId = api.get(teacher, "/api/me").json().path("classes").path(0).path("id").asText();
        String path = "/api/classes/" + classId + "/" + app;
        int before = api.get(teacher, path).status();
        long t0 = System.currentTimeMillis();
        api.delete(operator, "/api/admin/features/cartable-" + app).ok("uninstall");
        double call = (System.currentTimeMillis() - t0) / 1000.0;
        double gone = until(t0 + 120_000, t0, () -> api.get(teacher, path).status() == 404);
        long t1 = System.currentTimeMillis();
        api.put(operator, "/api/admin/features/cartable-" + app, null).ok("install");
        double installCall = (System.currentTimeMillis() - t1) / 1000.0;
        double back = until(t1 + 120_000, t1, () -> api.get(teacher, path).status() == 200);
        System.out.printf("[Live] hotdeploy app=%s before=%d uninstall_call_s=%.2f uninstall_to_404_s=%.2f "
                + "install_call_s=%.2f install_to_200_s=%.2f%n", app, before, call, gone, installCall, back);
    }

    private interface Check {
        boolean ok() throws Exception;
    }

    /** Seconds from {@code origin} until the check passes (polled every 100 ms), or -1 at the deadline. */
    private static double until(long deadline, long origin, Check check) throws Exception {
        while (System.currentTimeMillis() < deadline) {
            try {
                if (check.ok()) {
                    return (System.currentTimeMillis() - origin) / 1000.0;
                }
            } catch (RuntimeException | java.io.IOException notYet) {
                // not up yet
            }
            Thread.sleep(100);
        }
        return -1;
    }

    /** The dashboard (after Wicket's redirect to the page instance) rather than the sign-in page. */
    private static boolean dashboard(String base, String cookie) throws Exception {
        HttpClient follow = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NORMAL)
                .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(2)).build();
        HttpResponse<Void> response = follow.send(HttpRequest.newBuilder(URI.create(base + "/app/"))
                .header("Cookie", cookie).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        return response.statusCode() == 200 && !response.uri().getPath().contains("signin");
    }

    private static int status(String url, String cookie) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).GET();
        if (cookie != null) {
            b.header("Cookie", cookie);
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
