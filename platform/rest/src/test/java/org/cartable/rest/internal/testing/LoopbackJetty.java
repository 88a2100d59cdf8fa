package org.cartable.rest.internal.testing;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** A real Jetty 9.4 on 127.0.0.1 and a free port, for the tests that need a servlet container. */
public final class LoopbackJetty {

    private LoopbackJetty() {
    }

    /** @return the started server serving the handler; stop it when done */
    public static Server start(Handler handler) throws Exception {
        Server server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(handler);
        server.start();
        return server;
    }

    /** @return {@code http://127.0.0.1:<port>} of a server started here */
    public static String baseUrl(Server server) {
        return "http://127.0.0.1:" + ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }
}
