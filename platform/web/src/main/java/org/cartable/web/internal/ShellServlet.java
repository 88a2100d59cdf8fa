package org.cartable.web.internal;

import javax.servlet.Servlet;

import org.apache.wicket.protocol.http.WicketFilter;
import org.apache.wicket.protocol.http.WicketServlet;
import org.cartable.api.AppActivation;
import org.cartable.api.Directory;
import org.cartable.api.web.PageContribution;
import org.cartable.core.service.Accounts;
import org.cartable.core.service.ActivationAdmin;
import org.cartable.core.service.AppCatalog;
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
                        @Reference(name = "appActivation") AppActivation appActivation) {
        this.services = new PlatformServices(accounts, directory, catalog, activationAdmin, appActivation);
    }

    @Reference(name = "page", service = PageContribution.class, cardinality = ReferenceCardinality.MULTIPLE,
            policy = ReferencePolicy.DYNAMIC, unbind = "removePage")
    void addPage(PageContribution contribution) {
        contributions.add(contribution);
    }

    void removePage(PageContribution contribution) {
        contributions.remove(contribution);
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
