package org.cartable.web.internal;

import java.io.IOException;
import java.util.regex.Pattern;

import javax.servlet.Servlet;
import javax.servlet.ServletException;
import javax.servlet.SessionCookieConfig;
import javax.servlet.http.Cookie;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpServletResponseWrapper;

import org.apache.wicket.protocol.http.WicketFilter;
import org.apache.wicket.protocol.http.WicketServlet;
import org.cartable.api.AppActivation;
import org.cartable.api.Directory;
import org.cartable.api.web.PageContribution;
import org.cartable.core.service.Accounts;
import org.cartable.core.service.ActivationAdmin;
import org.cartable.core.service.AppCatalog;
import org.cartable.core.service.AuditTrail;
import org.cartable.core.service.ClientNetwork;
import org.cartable.core.service.NotificationFeed;
import org.cartable.core.service.PersonalDataRights;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The web shell at {@code /app/*}, registered with the HTTP whiteboard. A servlet rather than a whiteboard filter:
 * Pax Web only builds a filter chain where a servlet matches. The Wicket application is built in code, because
 * Wicket's class-name init parameters are loaded through the thread context class loader, which knows nothing in OSGi.
 */
@Component(service = Servlet.class, property = {
        "osgi.http.whiteboard.servlet.name=cartable-web",
        "osgi.http.whiteboard.servlet.pattern=/app/*",
        "servlet.init.filterMappingUrlPattern=/app/*"})
public final class ShellServlet extends WicketServlet {

    private static final long serialVersionUID = 1L;

    private final transient PlatformServices services;
    private final transient PageContributions contributions = new PageContributions();

    @Activate
    public ShellServlet(@Reference(name = "accounts") Accounts accounts,
                        @Reference(name = "directory") Directory directory,
                        @Reference(name = "catalog") AppCatalog catalog,
                        @Reference(name = "activationAdmin") ActivationAdmin activationAdmin,
                        @Reference(name = "appActivation") AppActivation appActivation,
                        @Reference(name = "feed") NotificationFeed feed,
                        @Reference(name = "network") ClientNetwork network,
                        @Reference(name = "auditTrail") AuditTrail auditTrail,
                        @Reference(name = "personalData") PersonalDataRights personalData) {
        this.services = new PlatformServices(accounts, directory, catalog, activationAdmin, appActivation, feed,
                network, auditTrail, personalData);
    }

    @Reference(name = "page", service = PageContribution.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, unbind = "removePage")
    void addPage(PageContribution contribution) {
        contributions.add(contribution);
    }

    void removePage(PageContribution contribution) {
        contributions.remove(contribution);
    }

    /**
     * Session ids travel in the cookie only, never in URLs (Wicket would otherwise append {@code ;jsessionid=} to
     * the first redirect), where they leak into logs, bookmarks and shared links and make fixation easy.
     */
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
            throws ServletException, IOException {
        if (hasMalformedSessionCookie(request)) {
            refuseMalformedSessionCookie(request, response);
            return;
        }
        super.service(request, new HttpServletResponseWrapper(response) {
            @Override
            public String encodeURL(String url) {
                return url;
            }

            @Override
            public String encodeRedirectURL(String url) {
                return url;
            }
        });
    }

    /** RFC 6265 cookie-octets: what Jetty accepts when it sends a session cookie back. */
    private static final Pattern COOKIE_VALUE = Pattern.compile("[\\x21\\x23-\\x2B\\x2D-\\x3A\\x3C-\\x5B\\x5D-\\x7E]*");

    /**
     * A session cookie that is not a valid cookie value (a space, a comma: a broken client or a forged header) made
     * Jetty fail when it replaced it with a new session's cookie, and the page answered 500.
     */
    static boolean hasMalformedSessionCookie(HttpServletRequest request) {
        String requested = request.getRequestedSessionId();
        return requested != null && !COOKIE_VALUE.matcher(requested).matches();
    }

    /** 400, and the bad cookie cleared, so that the browser's next request starts a fresh session. */
    private static void refuseMalformedSessionCookie(HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        SessionCookieConfig config = request.getServletContext().getSessionCookieConfig();
        Cookie cleared = new Cookie(config.getName() == null ? "JSESSIONID" : config.getName(), "");
        cleared.setPath(config.getPath() == null ? "/" : config.getPath());
        cleared.setMaxAge(0);
        cleared.setHttpOnly(true);
        response.addCookie(cleared);
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        response.setContentType("text/plain;charset=UTF-8");
        // No page or resource bundle exists yet for this request: both languages, as the sign-in page offers.
        response.getWriter().write("Cookie de session invalide : il a été effacé, rechargez la page.\n"
                + "Invalid session cookie: it has been cleared, reload the page.\n");
    }

    /* Called by WicketServlet.init(); a new application each time the whiteboard (re)initialises the servlet. */
    @Override
    protected WicketFilter newWicketFilter() {
        CartableWebApplication application = new CartableWebApplication(services, contributions);
        return new WicketFilter(application) {
            @Override
            protected ClassLoader getClassLoader() {
                return ShellServlet.class.getClassLoader();
            }
        };
    }
}
