package org.cartable.itests;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The web shell's session against the real Jetty: the id a browser had before signing in (which someone else may
 * know: a shared classroom computer, a planted cookie) must be worthless after sign-in.
 */
@ExtendWith(CartableExtension.class)
@Order(5) // class order: see junit-platform.properties
class WebSessionIT {

    private static final Pattern SESSION_COOKIE = Pattern.compile("JSESSIONID=([^;]+)");
    private static final Pattern SIGN_OUT_ACTION = Pattern.compile("<form[^>]*action=\"([^\"]*signOut[^\"]*)\"");
    private static final Pattern FORM_ACTION = Pattern.compile("<form[^>]*id=\"[^\"]*\"[^>]*action=\"([^\"]+)\"");

    /** A client without a cookie jar: every cookie is handled by hand, as an attacker replaying one would. */
    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();

    @Test
    void signingInGivesANewSessionIdAndKillsTheOldOne(CartableServer server) throws Exception {
        String app = server.baseUrl() + "/app/";

        // A protected page remembers where to come back to, so the container creates a session before sign-in.
        HttpResponse<String> intercepted = get(app, null);
        String planted = sessionCookie(intercepted).orElseThrow(() -> new AssertionError(
                "no session cookie before sign-in: " + intercepted.headers().map()));
        String signInUrl = URI.create(app).resolve(intercepted.headers().firstValue("Location").orElseThrow())
                .toString();

        HttpResponse<String> signInPage = get(signInUrl, planted);
        assertEquals(200, signInPage.statusCode());
        Matcher action = FORM_ACTION.matcher(signInPage.body());
        assertTrue(action.find(), "sign-in form not found");
        String formUrl = URI.create(signInUrl).resolve(action.group(1).replace("&amp;", "&")).toString();

        String form = "login=parent&password=" + URLEncoder.encode(CartableServer.DEMO_PASSWORD, StandardCharsets.UTF_8);
        HttpResponse<String> signedIn = http.send(HttpRequest.newBuilder(URI.create(formUrl))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "JSESSIONID=" + planted)
                // what a browser sends on a same-origin form post (the shell refuses cross-site posts)
                .header("Origin", server.baseUrl())
                .header("Sec-Fetch-Site", "same-origin")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(302, signedIn.statusCode(), () -> "sign-in answered " + signedIn.statusCode());
        String fresh = sessionCookie(signedIn).orElseThrow(() -> new AssertionError(
                "sign-in kept the session id: " + signedIn.headers().map()));
        assertNotEquals(planted, fresh);

        HttpResponse<String> withFresh = browse(app, fresh);
        assertEquals(200, withFresh.statusCode());
        assertTrue(withFresh.body().contains("Sophie Martin"), "the new session is signed in");

        HttpResponse<String> withPlanted = browse(app, planted);
        assertFalse(withPlanted.statusCode() == 200 && withPlanted.body().contains("Sophie Martin"),
                "the id known before sign-in must not open the parent's session");

        // Signing out invalidates the session on the server: the id, replayed, opens nothing.
        Matcher signOut = SIGN_OUT_ACTION.matcher(withFresh.body());
        assertTrue(signOut.find(), "sign-out form not found");
        String signOutUrl = URI.create(withFresh.uri().toString()).resolve(signOut.group(1).replace("&amp;", "&"))
                .toString();
        HttpResponse<String> out = http.send(HttpRequest.newBuilder(URI.create(signOutUrl))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Cookie", "JSESSIONID=" + fresh)
                .header("Origin", server.baseUrl())
                .header("Sec-Fetch-Site", "same-origin")
                .POST(HttpRequest.BodyPublishers.ofString(""))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertTrue(out.statusCode() == 302 || out.statusCode() == 200, () -> "sign-out answered " + out.statusCode());
        HttpResponse<String> replayed = browse(app, fresh);
        assertFalse(replayed.statusCode() == 200 && replayed.body().contains("Sophie Martin"),
                "the id of a signed-out session must not open the parent's session");
    }

    @Test
    void aMalformedSessionCookieGetsA400ThatClearsItNotA500(CartableServer server) throws Exception {
        String app = server.baseUrl() + "/app/";
        // A space is not a cookie value (RFC 6265): Jetty failed replacing it with a new session's cookie.
        HttpResponse<String> refused = http.send(HttpRequest.newBuilder(URI.create(app))
                .header("Cookie", "JSESSIONID=broken value").GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(400, refused.statusCode(), refused::body);
        assertTrue(refused.body().contains("Invalid session cookie"), refused.body());
        assertTrue(refused.headers().allValues("Set-Cookie").stream().anyMatch(c -> c.startsWith("JSESSIONID=")
                        && c.toLowerCase(java.util.Locale.ROOT).contains("max-age=0")),
                () -> "the bad cookie is cleared: " + refused.headers().map());

        // What the browser does next: no cookie, the usual way to the sign-in page.
        HttpResponse<String> next = get(app, null);
        assertEquals(302, next.statusCode());
    }

    /** GET that follows Wicket's redirects (to the rendered page's URL), keeping the same session cookie. */
    private HttpResponse<String> browse(String url, String sessionId) throws Exception {
        HttpResponse<String> response = get(url, sessionId);
        for (int hops = 0; hops < 5 && response.statusCode() / 100 == 3; hops++) {
            url = URI.create(url).resolve(response.headers().firstValue("Location").orElseThrow()).toString();
            response = get(url, sessionId);
        }
        return response;
    }

    private HttpResponse<String> get(String url, String sessionId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).GET();
        if (sessionId != null) {
            request.header("Cookie", "JSESSIONID=" + sessionId);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Optional<String> sessionCookie(HttpResponse<?> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .map(SESSION_COOKIE::matcher)
                .filter(Matcher::find)
                .map(m -> m.group(1))
                .findFirst();
    }
}
