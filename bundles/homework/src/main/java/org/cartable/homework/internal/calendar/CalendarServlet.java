package org.cartable.homework.internal.calendar;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.util.Optional;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/**
 * {@code GET /calendar/homework/<token>.ics}: the private iCalendar feed. Calendar apps send no session, so the feed
 * lives outside {@code /api} (whose filter requires one) and the token in the address is the only credential. An
 * unknown, revoked or no longer valid token gets a bare 404, whatever the reason. {@code ?lang=en} gives English
 * texts (French otherwise).
 */
@Component(service = Servlet.class, property = {
        "osgi.http.whiteboard.servlet.name=cartable-homework-calendar",
        "osgi.http.whiteboard.servlet.pattern=/calendar/homework/*"})
public final class CalendarServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient CalendarFeeds feeds;

    @Activate
    public CalendarServlet(@Reference(name = "feeds") CalendarFeeds feeds) {
        this.feeds = feeds;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        Optional<CalendarFeeds.Calendar> calendar = Optional.empty();
        if (path != null && path.startsWith("/") && path.endsWith(".ics") && path.indexOf('/', 1) < 0) {
            calendar = feeds.calendar(path.substring(1, path.length() - ".ics".length()));
        }
        response.setHeader("Cache-Control", "private, no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        // the address is a credential: never send it on as a referrer
        response.setHeader("Referrer-Policy", "no-referrer");
        if (calendar.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_NOT_FOUND);
            response.setContentLength(0);
            return;
        }
        Locale locale = "en".equals(request.getParameter("lang")) ? Locale.ENGLISH : Locale.FRENCH;
        byte[] body = ICalendarWriter.write(calendar.get(), locale, Clock.systemUTC().instant())
                .getBytes(StandardCharsets.UTF_8);
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("text/calendar; charset=utf-8");
        response.setHeader("Content-Disposition", "inline; filename=\"cahier-de-textes.ics\"");
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }
}
