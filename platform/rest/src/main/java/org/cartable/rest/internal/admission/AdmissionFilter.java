package org.cartable.rest.internal.admission;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.cartable.rest.internal.security.StatelessFilter;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardFilterName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardFilterPattern;
import org.osgi.service.metatype.annotations.Designate;

/**
 * Admission control: at most a few requests are worked on at once, the others wait for their turn <em>in arrival
 * order</em>. Without it, a surge puts hundreds of requests on the processors at the same time and the scheduler
 * shares the CPU between them, so each request takes time in proportion to its own cost: a sign-in (a deliberately
 * slow bcrypt check) then takes many times longer than a read and passes the clients' timeouts while cheap reads
 * still get through. Queued first-come first-served, every request waits about the same (the queue's length over the
 * throughput), and the CPU is never shared by more requests than it can move along.
 * <p>
 * A request that waited {@code maxWaitSeconds} gets a 503 with {@code Retry-After} (JSON on the REST API, a short page
 * elsewhere) instead of hanging. Uploads (bodies over {@code uploadBytes}) do not queue and do not hold a turn: they
 * spend their time on the network, and a few slow phones must not stall everyone else. The health check does not
 * queue either.
 */
// Ranked before every other filter: a request waiting for its turn has cost nothing yet.
@Component(service = Filter.class, configurationPid = AdmissionConfig.PID, property = "service.ranking:Integer=1000")
@Designate(ocd = AdmissionConfig.class)
@HttpWhiteboardFilterName("cartable-admission")
@HttpWhiteboardFilterPattern("/*")
@HttpWhiteboardContextSelect("(osgi.http.whiteboard.context.name=*)")
public final class AdmissionFilter extends StatelessFilter {

    static final int RETRY_AFTER_SECONDS = 5;
    /**
     * Answered without waiting: it costs nothing, and a load balancer that probes it must not see a busy node as a
     * dead one (taking it out would put its load on the others).
     */
    static final String HEALTH = "/api/health";

    private final Semaphore turns;
    private final long maxWaitNanos;
    private final long uploadBytes;

    @Activate
    public AdmissionFilter(AdmissionConfig config) {
        this(config.maxConcurrent() > 0 ? config.maxConcurrent() : 4 * Runtime.getRuntime().availableProcessors(),
                TimeUnit.SECONDS.toNanos(Math.max(1, config.maxWaitSeconds())), config.uploadBytes());
    }

    /** For tests and tools: {@code maxConcurrent} turns, a wait of at most {@code maxWaitNanos}. */
    public static AdmissionFilter create(int maxConcurrent, long maxWaitNanos, long uploadBytes) {
        return new AdmissionFilter(maxConcurrent, maxWaitNanos, uploadBytes);
    }

    private AdmissionFilter(int maxConcurrent, long maxWaitNanos, long uploadBytes) {
        if (maxConcurrent < 1) {
            throw new IllegalArgumentException("At least one request must be served at a time, was " + maxConcurrent);
        }
        this.turns = new Semaphore(maxConcurrent, true); // fair: first come, first served
        this.maxWaitNanos = maxWaitNanos;
        this.uploadBytes = uploadBytes;
    }

    /** @return requests waiting for their turn now (an estimate, for tests and monitoring) */
    int waiting() {
        return turns.getQueueLength();
    }



    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest http) || !(response instanceof HttpServletResponse out)
                || http.getContentLengthLong() > uploadBytes || HEALTH.equals(http.getRequestURI())) {
            chain.doFilter(request, response);
            return;
        }
        if (!awaitTurn()) {
            busy(http, out);
            return;
        }
        try {
            chain.doFilter(request, response);
        } finally {
            turns.release();
        }
    }

    private boolean awaitTurn() {
        try {
            return turns.tryAcquire(maxWaitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void busy(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (response.isCommitted()) {
            return;
        }
        boolean api = isApi(request);
        // The API's messages are English (docs/rest-api.md); a page is French unless the browser asks otherwise (the
        // servlet API would fall back to the server's locale).
        Locale locale = api ? Locale.ENGLISH
                : request.getHeader("Accept-Language") == null ? Locale.FRENCH : request.getLocale();
        ResourceBundle texts = ResourceBundle.getBundle(AdmissionFilter.class.getPackageName() + ".Busy", locale,
                AdmissionFilter.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        response.reset();
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
        response.setHeader("Cache-Control", "no-store");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String message = texts.getString("busy");
        if (api) {
            response.setContentType("application/json");
            // The message comes from our own bundle: no user input to escape beyond quotes.
            response.getWriter().write("{\"error\":\"busy\",\"message\":\"" + message.replace("\"", "\\\"") + "\"}");
        } else {
            response.setContentType("text/html");
            // The base bundle is the French one (its own locale is the root locale).
            String language = texts.getLocale().getLanguage().isEmpty() ? "fr" : texts.getLocale().getLanguage();
            response.getWriter().write("<!DOCTYPE html><html lang=\"" + language
                    + "\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">"
                    + "<title>" + texts.getString("title") + "</title></head><body><h1>" + texts.getString("title")
                    + "</h1><p>" + message + "</p></body></html>");
        }
    }

    private static boolean isApi(HttpServletRequest request) {
        String path = request.getRequestURI();
        return path != null && (path.equals("/api") || path.startsWith("/api/"));
    }
}
