package org.cartable.web.internal;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.regex.Pattern;

import org.apache.wicket.Application;
import org.apache.wicket.Component;
import org.apache.wicket.Page;
import org.apache.wicket.RuntimeConfigurationType;
import org.apache.wicket.Session;
import org.apache.wicket.ThreadContext;
import org.apache.wicket.core.request.mapper.MountedMapper;
import org.apache.wicket.core.util.resource.locator.IResourceStreamLocator;
import org.apache.wicket.core.util.resource.locator.caching.CachingResourceStreamLocator;
import org.apache.wicket.csp.CSPDirective;
import org.apache.wicket.markup.head.CssHeaderItem;
import org.apache.wicket.markup.head.IHeaderResponse;
import org.apache.wicket.markup.html.WebPage;
import org.apache.wicket.protocol.http.FetchMetadataResourceIsolationPolicy;
import org.apache.wicket.protocol.http.OriginResourceIsolationPolicy;
import org.apache.wicket.protocol.http.ResourceIsolationRequestCycleListener;
import org.apache.wicket.protocol.http.WebApplication;
import org.apache.wicket.request.Request;
import org.apache.wicket.request.Response;
import org.apache.wicket.request.resource.PackageResourceReference;
import org.apache.wicket.request.resource.ResourceReference;
import org.apache.wicket.settings.ExceptionSettings;
import org.cartable.api.web.CartableSession;
import org.cartable.api.web.PageContribution;
import org.cartable.api.web.ShellLayout;
import org.cartable.web.internal.pages.AccessDeniedPage;
import org.cartable.web.internal.pages.AuditPage;
import org.cartable.web.internal.pages.ClassAppsPage;
import org.cartable.web.internal.pages.DashboardPage;
import org.cartable.web.internal.pages.FeedOpenPage;
import org.cartable.web.internal.pages.MyDataPage;
import org.cartable.web.internal.pages.NotificationPreferencesPage;
import org.cartable.web.internal.pages.ErrorPage;
import org.cartable.web.internal.pages.ShellHeader;
import org.cartable.web.internal.pages.SignInPage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The shell's Wicket application: its own pages, the pages apps contribute (mounted and unmounted while running),
 * the common header and styles, and the security settings every page gets.
 */
public final class CartableWebApplication extends WebApplication implements ShellLayout, PageContributions.Listener {

    private static final Logger LOG = LoggerFactory.getLogger(CartableWebApplication.class);

    /** First path segments the shell keeps for itself; an app may not mount below them. */
    private static final Set<String> RESERVED = Set.of("signin", "classes", "denied", "error", "wicket", "notifications",
            "audit", "my-data");
    /** Segments of a contribution's path: plain names or ${parameter} placeholders, nothing that escapes /app/. */
    private static final Pattern PATH = Pattern.compile("[a-z0-9][a-z0-9-]*(/([a-z0-9][a-z0-9-]*|\\$\\{[a-zA-Z]+\\}))*");

    /** Players apps may frame (video embeds): privacy-friendly hosts, nothing else. */
    static final String[] EMBED_PLAYERS = {"https://www.youtube-nocookie.com", "https://player.vimeo.com",
            "https://www.dailymotion.com"};

    public static final ResourceReference STYLESHEET = new PackageResourceReference(ShellHeader.class, "cartable.css");

    private final PlatformServices services;
    private final PageContributions contributions;
    private final ContributionClassResolver classResolver;
    private final Map<PageContribution, MountedMapper> mounted = new IdentityHashMap<>();
    /* Page classes (and bundle class loaders) whose contribution left: requests for them get the access-denied page. */
    private final Set<Class<?>> retiredPages = Collections.newSetFromMap(new WeakHashMap<>());
    private final Set<ClassLoader> retiredLoaders = Collections.newSetFromMap(new WeakHashMap<>());

    public CartableWebApplication(PlatformServices services, PageContributions contributions) {
        this.services = services;
        this.contributions = contributions;
        this.classResolver = new ContributionClassResolver(CartableWebApplication.class.getClassLoader());
    }

    public static CartableWebApplication get() {
        return (CartableWebApplication) Application.get();
    }

    public PlatformServices services() {
        return services;
    }

    /** @return the client's address, through a trusted reverse proxy when one is configured */
    public static String clientAddress() {
        Object request = org.apache.wicket.request.cycle.RequestCycle.get().getRequest().getContainerRequest();
        if (!(request instanceof javax.servlet.http.HttpServletRequest http)) {
            return "unknown";
        }
        org.cartable.core.service.ClientNetwork network = get().services().network();
        return network == null ? http.getRemoteAddr()
                : network.clientAddress(http.getRemoteAddr(), http.getHeader("X-Forwarded-For"));
    }

    public PageContributions contributions() {
        return contributions;
    }

    @Override
    public Class<? extends Page> getHomePage() {
        return DashboardPage.class;
    }

    /** Always production settings: no debug markup, no stack traces shown to pupils and parents. */
    @Override
    public RuntimeConfigurationType getConfigurationType() {
        return RuntimeConfigurationType.DEPLOYMENT;
    }

    @Override
    public Session newSession(Request request, Response response) {
        CartableSession session = new CartableSession(request);
        // French unless the user switches, whatever the browser asks for: the schools are French.
        session.setLocale(Locale.FRENCH);
        return session;
    }

    @Override
    protected void init() {
        super.init();
        getApplicationSettings().setClassResolver(classResolver);
        getApplicationSettings().setAccessDeniedPage(AccessDeniedPage.class);
        getApplicationSettings().setInternalErrorPage(ErrorPage.class);
        // An expired page (session timed out, shell restarted) simply leads home, or to sign-in.
        getApplicationSettings().setPageExpiredErrorPage(DashboardPage.class);
        getExceptionSettings().setUnexpectedExceptionDisplay(ExceptionSettings.SHOW_INTERNAL_ERROR_PAGE);
        getMarkupSettings().setDefaultMarkupEncoding("UTF-8");
        getRequestCycleSettings().setResponseRequestEncoding("UTF-8");

        // Strict CSP with per-request nonces (our markup has no inline script or style), never framed.
        getCspSettings().blocking().strict()
                .add(CSPDirective.FRAME_ANCESTORS, "'none'")
                // Rich text may embed pictures as data: URLs (kept by the sanitiser); remote pictures stay blocked so
                // that reading a class blog never reveals pupils' addresses to third-party servers.
                .add(CSPDirective.IMG_SRC, "data:")
                // Audio and video that apps serve themselves (e.g. the notebook's uploaded media).
                .add(CSPDirective.MEDIA_SRC, "'self'")
                // Videos embedded from the few known sites, through their privacy-friendly players only.
                .add(CSPDirective.FRAME_SRC, EMBED_PLAYERS)
                .add(CSPDirective.FORM_ACTION, "'self'");
        // Cross-site state-changing requests are refused using Fetch Metadata, with Origin as fallback.
        getRequestCycleListeners().add(new ResourceIsolationRequestCycleListener(new SameSiteIsNotSameOrigin(),
                new FetchMetadataResourceIsolationPolicy(), new OriginResourceIsolationPolicy()));
        getRequestCycleListeners().add(new ShellRequestCycleListener());
        setPageRendererProvider(OnePassDashboardRenderer::new);

        mountPage("signin", SignInPage.class);
        mountPage("classes/${classId}/apps", ClassAppsPage.class);
        mountPage("notifications", NotificationPreferencesPage.class);
        mountPage("notifications/open/${item}", FeedOpenPage.class);
        mountPage("audit", AuditPage.class);
        mountPage("my-data", MyDataPage.class);
        mountPage("denied", AccessDeniedPage.class);
        mountPage("error", ErrorPage.class);

        contributions.attach(this);
    }

    @Override
    protected void onDestroy() {
        contributions.detach(this);
        super.onDestroy();
    }

    @Override
    public void added(PageContribution contribution) {
        withThisApplication(() -> mount(contribution));
    }

    @Override
    public void removed(PageContribution contribution) {
        withThisApplication(() -> {
            unmount(contribution);
            // A contribution waiting for a path that was taken may take it now.
            contributions.all().forEach(this::mount);
        });
    }

    private synchronized void mount(PageContribution contribution) {
        if (mounted.containsKey(contribution)) {
            return;
        }
        String path = contribution.path();
        Class<? extends WebPage> pageClass = contribution.pageClass();
        if (path == null || !PATH.matcher(path).matches() || RESERVED.contains(path.split("/")[0])) {
            LOG.warn("Page of app {} not mounted: invalid or reserved path '{}'", contribution.appId(), path);
            return;
        }
        boolean taken = mounted.keySet().stream().anyMatch(other -> path.equals(other.path()));
        if (taken) {
            LOG.warn("Page of app {} not mounted: path '{}' is already used", contribution.appId(), path);
            return;
        }
        MountedMapper mapper = new MountedMapper("/" + path, pageClass);
        mount(mapper);
        mounted.put(contribution, mapper);
        classResolver.register(pageClass.getClassLoader());
        retiredPages.remove(pageClass);
        retiredLoaders.remove(pageClass.getClassLoader());
        clearCaches();
        LOG.info("Mounted /{} ({}) for app {}", path, pageClass.getName(), contribution.appId());
    }

    private synchronized void unmount(PageContribution contribution) {
        MountedMapper mapper = mounted.remove(contribution);
        if (mapper == null) {
            return;
        }
        getRootRequestMapperAsCompound().remove(mapper);
        Class<? extends WebPage> pageClass = contribution.pageClass();
        ClassLoader loader = pageClass.getClassLoader();
        classResolver.unregister(loader);
        boolean stillMounted = mounted.keySet().stream().anyMatch(other -> other.pageClass() == pageClass);
        if (!stillMounted) {
            retiredPages.add(pageClass);
        }
        if (loader != CartableWebApplication.class.getClassLoader() && !classResolver.isContributing(loader)) {
            retiredLoaders.add(loader);
        }
        clearCaches();
        LOG.info("Unmounted /{} of app {}", contribution.path(), contribution.appId());
    }

    /** @return whether the page class belongs to a contribution that has gone away */
    synchronized boolean isRetired(Class<?> pageClass) {
        return retiredPages.contains(pageClass) || retiredLoaders.contains(pageClass.getClassLoader());
    }

    /*
     * Wicket caches markup, resource lookups and texts per class. A bundle that is reinstalled brings new classes with
     * the same names, and the stale entries point into the old bundle: clear everything on each change.
     */
    private void clearCaches() {
        getMarkupSettings().getMarkupFactory().getMarkupCache().clear();
        IResourceStreamLocator locator = getResourceSettings().getResourceStreamLocator();
        if (locator instanceof CachingResourceStreamLocator caching) {
            caching.clearCache();
        }
        getResourceSettings().getPropertiesFactory().clearCache();
        getResourceSettings().getLocalizer().clearCache();
    }

    /* Mounting happens on OSGi threads, where Wicket's thread-bound application is not set. */
    private void withThisApplication(Runnable action) {
        Application previous = ThreadContext.exists() ? ThreadContext.getApplication() : null;
        ThreadContext.setApplication(this);
        try {
            action.run();
        } finally {
            ThreadContext.setApplication(previous);
        }
    }

    @Override
    public Component newHeader(String id) {
        return new ShellHeader(id);
    }

    @Override
    public void renderHead(IHeaderResponse response) {
        response.render(CssHeaderItem.forReference(STYLESHEET));
    }

    @Override
    public Class<? extends Page> signInPage() {
        return SignInPage.class;
    }

    @Override
    public Class<? extends Page> accessDeniedPage() {
        return AccessDeniedPage.class;
    }
}
