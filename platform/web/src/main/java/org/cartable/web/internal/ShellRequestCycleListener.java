package org.cartable.web.internal;

import java.util.UUID;

import org.apache.wicket.Page;
import org.apache.wicket.RestartResponseException;
import org.apache.wicket.Session;
import org.apache.wicket.core.request.handler.IPageClassRequestHandler;
import org.apache.wicket.core.request.handler.PageProvider;
import org.apache.wicket.core.request.handler.RenderPageRequestHandler;
import org.apache.wicket.core.request.mapper.StalePageException;
import org.apache.wicket.protocol.http.PageExpiredException;
import org.apache.wicket.request.IRequestHandler;
import org.apache.wicket.request.cycle.IRequestCycleListener;
import org.apache.wicket.request.cycle.RequestCycle;
import org.apache.wicket.request.http.WebResponse;
import org.apache.wicket.request.http.flow.AbortWithHttpErrorCodeException;
import org.apache.wicket.request.mapper.parameter.PageParameters;
import org.cartable.api.CartableException;
import org.cartable.api.web.CartableSession;
import org.cartable.web.internal.pages.AccessDeniedPage;
import org.cartable.web.internal.pages.ErrorPage;
import org.cartable.web.internal.pages.SignInPage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;


/**
 * Cross-cutting request handling: security headers on every response, pages of apps that went away, and refusals
 * ({@link CartableException}) turned into the access-denied page instead of an error.
 */
final class ShellRequestCycleListener implements IRequestCycleListener {

    private static final Logger LOG = LoggerFactory.getLogger(ShellRequestCycleListener.class);

    @Override
    public void onBeginRequest(RequestCycle cycle) {
        if (cycle.getResponse() instanceof WebResponse response) {
            response.setHeader("X-Frame-Options", "DENY");
            response.setHeader("X-Content-Type-Options", "nosniff");
            response.setHeader("Referrer-Policy", "same-origin");
        }
    }

    @Override
    public void onRequestHandlerResolved(RequestCycle cycle, IRequestHandler handler) {
        if (handler instanceof IPageClassRequestHandler) {
            refreshSignedInCaller();
        }
        if (handler instanceof IPageClassRequestHandler pageHandler) {
            Class<?> pageClass;
            try {
                pageClass = pageHandler.getPageClass();
            } catch (RuntimeException unloadable) {
                // The stored page cannot be read back (its bundle is gone): onException decides.
                return;
            }
            if (CartableWebApplication.get().isRetired(pageClass)) {
                throw new RestartResponseException(AccessDeniedPage.class, AccessDeniedPage.reason("not_found"));
            }
        }
    }

    /**
     * The roles kept in the session are those of sign-in; re-read them for every page so that a blocked account is
     * out at once and a role change applies without signing in again (static resources skip this).
     */
    private static void refreshSignedInCaller() {
        if (!Session.exists()) {
            return;
        }
        CartableSession session = CartableSession.get();
        session.caller().ifPresent(signedIn -> CartableWebApplication.get().services().accounts()
                .caller(signedIn.userId())
                .ifPresentOrElse(session::refresh, () -> {
                    session.signOut();
                    throw new RestartResponseException(SignInPage.class);
                }));
    }

    @Override
    public IRequestHandler onException(RequestCycle cycle, Exception ex) {
        for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
            if (cause instanceof CartableException refused) {
                if (refused.kind() == CartableException.Kind.UNAUTHORIZED) {
                    return render(SignInPage.class, new PageParameters());
                }
                String reason = refused.kind() == CartableException.Kind.FORBIDDEN ? "forbidden" : "not_found";
                return render(AccessDeniedPage.class, AccessDeniedPage.reason(reason));
            }
            if (cause instanceof ClassNotFoundException || cause instanceof NoClassDefFoundError) {
                // A page (or part of one) from an app bundle that was uninstalled or updated.
                LOG.info("Page of a departed app requested: {}", cause.toString());
                return render(AccessDeniedPage.class, AccessDeniedPage.reason("not_found"));
            }
        }
        if (ex instanceof PageExpiredException || ex instanceof StalePageException
                || ex instanceof AbortWithHttpErrorCodeException) {
            // Ordinary events that Wicket's own exception mapper handles (home page, re-render, status code).
            return null;
        }
        String reference = UUID.randomUUID().toString().substring(0, 8);
        cycle.setMetaData(ErrorPage.REFERENCE, reference);
        LOG.error("Unexpected error, reference {}", reference, ex);
        // Wicket's exception mapper then shows the internal error page (production settings).
        return null;
    }

    private static IRequestHandler render(Class<? extends Page> page, PageParameters parameters) {
        return new RenderPageRequestHandler(new PageProvider(page, parameters),
                RenderPageRequestHandler.RedirectPolicy.AUTO_REDIRECT);
    }
}
