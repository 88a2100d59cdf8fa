package org.cartable.rest.internal.testing;

import java.net.URI;
import java.util.Set;

import javax.ws.rs.core.Application;

import org.apache.cxf.jaxrs.servlet.CXFNonSpringJaxrsServlet;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.servlet.ServletHolder;

/**
 * The same resources and extensions the whiteboard would give CXF, behind a real CXF servlet in Jetty 9.4 at
 * {@code /api}, on a free port.
 */
public final class RestServer implements AutoCloseable {

    private final Server server;
    private final URI base;

    public RestServer(Set<Object> singletons) throws Exception {
        ServletContextHandler context = new ServletContextHandler();
        context.setContextPath("/");
        Application application = new Application() {
            @Override
            public Set<Object> getSingletons() {
                return singletons;
            }
        };
        context.addServlet(new ServletHolder(new CXFNonSpringJaxrsServlet(application)), "/api/*");
        server = LoopbackJetty.start(context);
        base = URI.create(LoopbackJetty.baseUrl(server) + "/api/");
    }

    public URI uri(String path) {
        return base.resolve(path);
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
