package org.cartable.web.internal;

import java.io.IOException;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Component;

/**
 * Sends visitors of the site root to the shell. Registered as the default servlet ("/"), so it also receives paths
 * no other servlet claims: those get a plain 404 rather than a redirect, so that mistyped URLs stay visible as such.
 * ({@code /app} without the slash is redirected by Wicket itself.)
 */
@Component(service = Servlet.class, property = {
        "osgi.http.whiteboard.servlet.name=cartable-root",
        "osgi.http.whiteboard.servlet.pattern=/"})
public final class RootRedirectServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (path.isEmpty() || "/".equals(path)) {
            response.sendRedirect(request.getContextPath() + "/app/");
        } else {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        }
    }
}
