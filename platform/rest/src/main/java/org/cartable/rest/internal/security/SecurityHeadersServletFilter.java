package org.cartable.rest.internal.security;

import java.io.IOException;

import javax.servlet.Filter;
import javax.servlet.FilterChain;
import javax.servlet.ServletException;
import javax.servlet.ServletRequest;
import javax.servlet.ServletResponse;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.HttpServletResponseWrapper;

import org.cartable.core.service.ClientNetwork;
import org.cartable.core.service.RequestScope;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardFilterName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardFilterPattern;

/**
 * Security headers on every response of every HTTP context: REST, Wicket pages and resources, app servlets
 * (calendar feeds), uploads and the container's own error pages. Set before the request goes on, so that the more
 * specific layers may refine them (Wicket replaces the CSP with its nonce-based one on pages, and the referrer policy
 * with same-origin); a reset of the response (an error page) gets them again. A CSP set downstream without
 * {@code frame-ancestors} (an app's {@code default-src 'none'; sandbox} on uploads) gets {@code frame-ancestors 'none'}
 * added, so that no response of ours can be framed whatever the app chose.
 * <p>
 * The default CSP allows nothing: right for JSON, files and error pages, which must never run anything. HSTS only
 * goes out when the client's connection is TLS, directly or through a trusted proxy that says so: over plain HTTP the
 * header is meaningless, and sending it on a test host locks browsers out of it.
 */
@Component(service = Filter.class)
// Named: Pax Web refuses a second unnamed filter of a context ("name conflict" on 'javax.servlet.Filter').
@HttpWhiteboardFilterName("cartable-security-headers")
@HttpWhiteboardFilterPattern("/*")
@HttpWhiteboardContextSelect("(osgi.http.whiteboard.context.name=*)")
public final class SecurityHeadersServletFilter extends StatelessFilter {

    static final String DEFAULT_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";
    static final String CSP = "Content-Security-Policy";
    static final String HSTS = "max-age=31536000; includeSubDomains";

    private final ClientNetwork network;

    @Activate
    public SecurityHeadersServletFilter(@Reference ClientNetwork network) {
        this.network = network;
    }



    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!(request instanceof HttpServletRequest http) || !(response instanceof HttpServletResponse out)) {
            chain.doFilter(request, response);
            return;
        }
        boolean secure = network.isSecure(http.isSecure(), http.getRemoteAddr(), http.getHeader("X-Forwarded-Proto"));
        apply(out, secure);
        HttpServletResponseWrapper wrapped = new HttpServletResponseWrapper(out) {
            @Override
            public void reset() {
                super.reset();
                apply(out, secure);
            }

            @Override
            public void setHeader(String name, String value) {
                super.setHeader(name, withFrameAncestors(name, value));
            }

            @Override
            public void addHeader(String name, String value) {
                // One CSP header: two would both apply, the stricter default blocking the page's own.
                if (CSP.equalsIgnoreCase(name)) {
                    super.setHeader(name, withFrameAncestors(name, value));
                } else {
                    super.addHeader(name, value);
                }
            }
        };
        if (!isRestCall(http)) {
            chain.doFilter(request, wrapped);
            return;
        }
        // One REST request, one thread: the class access checked before an app's resource is not checked anew by
        // the app's service (see RequestScope); closed here, so nothing stays on the pooled thread.
        try (RequestScope scope = RequestScope.open()) {
            chain.doFilter(request, wrapped);
        }
    }

    /** Under the application base of {@code CartableApplication}. */
    static boolean isRestCall(HttpServletRequest http) {
        String uri = http.getRequestURI();
        return uri != null && (uri.startsWith("/api/") || uri.equals("/api"));
    }

    static String withFrameAncestors(String name, String value) {
        if (value == null || !CSP.equalsIgnoreCase(name) || value.contains("frame-ancestors")) {
            return value;
        }
        return value.isBlank() ? DEFAULT_CSP : value.strip().replaceAll(";$", "") + "; frame-ancestors 'none'";
    }

    static void apply(HttpServletResponse response, boolean secure) {
        response.setHeader(CSP, DEFAULT_CSP);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cross-Origin-Opener-Policy", "same-origin");
        if (secure) {
            response.setHeader("Strict-Transport-Security", HSTS);
        }
    }
}
