package org.cartable.itests;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Signs in to the web shell through its own form, without a browser (as WebSessionIT does), and reads a page's HTML:
 * enough to check what a page shows when no script is involved.
 */
final class WebSignIn {

    private static final Pattern SESSION_COOKIE = Pattern.compile("JSESSIONID=([^;]+)");
    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*id=\"[^\"]*\"[^>]*action=\"([^\"]+)\"");

    private WebSignIn() {
    }

    /** The dashboard ({@code /app/}) as rendered for a signed-in demo account. */
    static CartableServer.Response dashboard(CartableServer server, String login) {
        HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(10)).build();
        String app = server.baseUrl() + "/app/";
        try {
            HttpResponse<String> intercepted = get(http, app, null);
            String session = cookie(intercepted).orElseThrow(() -> new AssertionError("no session: " + intercepted));
            String signInUrl = URI.create(app).resolve(intercepted.headers().firstValue("Location").orElseThrow())
                    .toString();
            HttpResponse<String> signInPage = get(http, signInUrl, session);
            Matcher action = FORM_ACTION.matcher(signInPage.body());
            if (!action.find()) {
                throw new AssertionError("sign-in form not found: " + signInPage.body());
            }
            String formUrl = URI.create(signInUrl).resolve(action.group(1).replace("&amp;", "&")).toString();
            String form = "login=" + URLEncoder.encode(login, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(CartableServer.DEMO_PASSWORD, StandardCharsets.UTF_8);
            HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create(formUrl))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Cookie", "JSESSIONID=" + session)
                    .header("Origin", server.baseUrl())
                    .header("Sec-Fetch-Site", "same-origin")
                    .POST(HttpRequest.BodyPublishers.ofString(form))
                    .build(), HttpResponse.BodyHandlers.ofString());
            String fresh = cookie(signedIn).orElse(session);
            String url = app;
            HttpResponse<String> page = get(http, url, fresh);
            for (int hops = 0; hops < 5 && page.statusCode() / 100 == 3; hops++) {
                url = URI.create(url).resolve(page.headers().firstValue("Location").orElseThrow()).toString();
                page = get(http, url, fresh);
            }
            return new CartableServer.Response("GET " + url, page.statusCode(), page.headers(), page.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> get(HttpClient http, String url, String session)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (session != null) {
            request.header("Cookie", "JSESSIONID=" + session);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Optional<String> cookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .map(SESSION_COOKIE::matcher).filter(Matcher::find).map(m -> m.group(1)).findFirst();
    }
}
