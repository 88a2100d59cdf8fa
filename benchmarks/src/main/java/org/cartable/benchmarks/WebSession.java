package org.cartable.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Signs in through the Wicket sign-in form, as a browser does, and returns the web session id (JSESSIONID). */
final class WebSession {

    private static final Pattern FORM = Pattern.compile("<form[^>]*action=\"([^\"]+)\"");
    private static final Pattern INPUT = Pattern.compile("<input[^>]*name=\"([^\"]+)\"");

    private WebSession() {
    }

    static String signIn(String base, String login, String password) {
        CookieManager cookies = new CookieManager();
        HttpClient http = HttpClient.newBuilder().cookieHandler(cookies).version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(10)).build();
        try {
            URI signin = URI.create(base + "/app/signin");
            String page = http.send(HttpRequest.newBuilder(signin).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Matcher form = FORM.matcher(page);
            if (!form.find()) {
                throw new IllegalStateException("No sign-in form at " + signin);
            }
            URI action = signin.resolve(form.group(1).replace("&amp;", "&"));
            Matcher input = INPUT.matcher(page.substring(form.start()));
            String loginName = null;
            String passwordName = null;
            while (input.find()) {
                String name = input.group(1);
                if (loginName == null && name.contains("login")) {
                    loginName = name;
                } else if (passwordName == null && name.contains("password")) {
                    passwordName = name;
                }
            }
            String body = URLEncoder.encode(loginName, StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(login, StandardCharsets.UTF_8) + "&"
                    + URLEncoder.encode(passwordName, StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(password, StandardCharsets.UTF_8);
            HttpResponse<String> done = http.send(HttpRequest.newBuilder(action)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    // What a browser sends with a same-origin form post (Wicket's resource isolation checks it).
                    .header("Origin", base).header("Sec-Fetch-Site", "same-origin")
                    .header("Sec-Fetch-Mode", "navigate").header("Sec-Fetch-Dest", "document")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (done.statusCode() != 200 || done.uri().getPath().endsWith("/signin")) {
                throw new IllegalStateException("Web sign-in of " + login + " failed: " + done.statusCode() + " "
                        + done.uri());
            }
            return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("JSESSIONID"))
                    .map(HttpCookie::getValue).reduce((a, b) -> b)
                    .orElseThrow(() -> new IllegalStateException("No JSESSIONID for " + login));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
