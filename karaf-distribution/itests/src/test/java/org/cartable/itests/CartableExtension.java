package org.cartable.itests;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Gives ITs the shared {@link CartableServer} (as a parameter of test, lifecycle methods or constructors), starts it on
 * first use, stops it when the whole run ends (JUnit root store) and prints the tail of {@code karaf.log} when a test
 * fails.
 */
public class CartableExtension implements BeforeAllCallback, ParameterResolver, TestExecutionExceptionHandler,
        LifecycleMethodExecutionExceptionHandler {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(CartableExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        server(context);
    }

    private static CartableServer server(ExtensionContext context) {
        // The root store closes its CloseableResources when the engine finishes: Karaf goes with the run.
        context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent("server", key -> {
            CartableServer.shared();
            return (ExtensionContext.Store.CloseableResource) CartableServer::stopShared;
        });
        return CartableServer.shared();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == CartableServer.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) throws ParameterResolutionException {
        return server(context);
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        diagnose(context, throwable);
    }

    @Override
    public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        diagnose(context, throwable);
    }

    @Override
    public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        diagnose(context, throwable);
    }

    private static void diagnose(ExtensionContext context, Throwable throwable) throws Throwable {
        CartableServer server = CartableServer.current();
        if (server != null) {
            server.printDiagnostics("FAILED " + context.getDisplayName() + ": " + throwable);
        }
        throw throwable;
    }
}
